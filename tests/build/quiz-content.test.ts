// Quiz content errors fail the build with messages naming the file and the question: schema
// errors when content syncs, and a <Quiz id> that does not exist or a section that is not a heading
// of the lesson when pages render.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function astro(args: string[], env: Record<string, string> = {}, cwd?: string) {
  const r = spawnSync('astro', args, {
    encoding: 'utf8',
    ...(cwd ? { cwd } : {}),
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

describe('quiz content validation at build time', () => {
  it('rejects every content error in a quiz file, naming the file and each question', () => {
    const { status, output } = astro(['sync', '--root', 'tests/fixtures/quiz-bad-yaml']);
    expect(status, output).not.toBe(0);
    expect(output).toContain('broken-quiz');
    for (const message of [
      'question "twice": duplicate id',
      'question "two-right": single choice needs exactly one correct option, found 2',
      'question "no-tolerance": numeric answer needs a tolerance',
      'question "overlapping": wrong-answer ranges 1 and 2 overlap',
      'question "ghost-grader": unknown grader "no-such-grader"',
      'question "bad-example": grader "logic-unit-truth-table" fails its question example 1',
    ])
      expect(output).toContain(message);
  }, 120_000);

  const build = (fixture: string) => {
    const out = mkdtempSync(join(tmpdir(), 'nb-quiz-fixture-'));
    try {
      // Run inside the fixture so Astro's temporary build files stay there, away from the
      // project's own .astro folder (another build may be using it).
      return astro(['build', '--root', '.'], { NB_FIXTURE_OUT: out }, `tests/fixtures/${fixture}`);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  };

  it('fails the build on a <Quiz id> that does not exist', () => {
    const { status, output } = build('quiz-missing-id');
    expect(status, output).not.toBe(0);
    expect(output).toMatch(
      /<Quiz id="no-such-quiz"> in \/foundations\/sample\/: no quiz "no-such-quiz" \(expected src\/content\/quizzes\/no-such-quiz\.yaml\)/,
    );
  }, 180_000);

  it('fails the build on a question whose section is not a heading of its lesson', () => {
    const { status, output } = build('quiz-bad-section');
    expect(status, output).not.toBe(0);
    expect(output).toContain(
      'src/content/quizzes/wrong-section.yaml, question "lost": section "missing-heading" is not a heading of foundations/other (headings: real-heading)',
    );
  }, 180_000);

  it('fails the build on <Check> for a question of the chapter quiz', () => {
    const { status, output } = build('quiz-check-not-inline');
    expect(status, output).not.toBe(0);
    expect(output).toContain(
      'question "in-the-quiz" in src/content/quizzes/sample.yaml is part of the chapter quiz; add "inline: true" to use it in <Check>.',
    );
  }, 180_000);
});
