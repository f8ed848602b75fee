// The site ships KaTeX 0.19's stylesheet; math in lessons and quizzes is rendered at build time by
// rehype-katex, which package.json's `overrides` points at the same KaTeX. rehype-katex 7's own
// KaTeX 0.16 wrote class names the 0.19 CSS renamed (.base, .strut), and sub/superscripts showed
// at full size: this fails if that mismatch comes back.
import { describe, it, expect } from 'vitest';
import katexPackage from 'katex/package.json' with { type: 'json' };
import { renderMarkdown } from '../../../src/lib/quiz/markdown.ts';

describe('build-time math uses the KaTeX whose CSS ships', () => {
  it('renders with KaTeX 0.19 class names', () => {
    expect(katexPackage.version.startsWith('0.19.')).toBe(true);
    const html = renderMarkdown('A square: $x^2$.');
    expect(html).toContain('class="katex-base"');
    expect(html).toContain('class="katex-strut"');
    expect(html).not.toMatch(/class="base"|class="strut"/);
  });
});
