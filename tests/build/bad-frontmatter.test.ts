// A lesson with bad frontmatter must fail the build with a message naming the file and field.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';

describe('content validation at build time', () => {
  it('fails on a lesson whose minutes is not a number, naming the file and the field', () => {
    const r = spawnSync('astro', ['sync', '--root', 'tests/fixtures/bad-lesson'], {
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    const output = `${r.stdout}\n${r.stderr}`;
    expect(r.status, output).not.toBe(0);
    expect(output).toContain('foundations/the-neuron');
    expect(output).toMatch(/minutes/);
  }, 120_000);
});
