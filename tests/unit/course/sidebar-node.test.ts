import { describe, it, expect } from 'vitest';
import { lessonFileExists, sidebar } from '../../../src/lib/course/sidebar-node.ts';

describe('sidebar from the files on disk', () => {
  it('finds a written lesson and not an unwritten one', () => {
    expect(lessonFileExists('foundations/what-is-deep-learning')).toBe(true);
    expect(lessonFileExists('foundations/no-such-lesson')).toBe(false);
  });

  it('looks for .md as well as .mdx in the given folder', () => {
    expect(lessonFileExists('bad-lesson/astro.config', 'tests/fixtures/')).toBe(false);
    expect(
      lessonFileExists('foundations/the-neuron', 'tests/fixtures/bad-lesson/src/content/docs/'),
    ).toBe(true);
  });

  it('starts the course sidebar with the first lesson', () => {
    const items = sidebar.flatMap((g) => g.items);
    expect(items).toContain('foundations/what-is-deep-learning');
  });
});
