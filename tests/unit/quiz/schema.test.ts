// The quiz file schema: each content error is rejected with a message naming the question, and
// every quiz file in src/content/quizzes validates.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { quizFileSchema } from '../../../src/lib/quiz/schema.ts';

const single = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'single',
  section: 'intro',
  prompt: 'Which?',
  explanation: 'Because.',
  options: [{ text: 'A', correct: true }, { text: 'B' }],
  ...extra,
});
const file = (...questions: unknown[]) => ({ lesson: 'foundations/x', questions });

/** All error messages for a file (empty when valid). */
function errors(data: unknown): string[] {
  const r = quizFileSchema.safeParse(data);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('quiz file schema', () => {
  it('accepts a minimal valid file and fills defaults', () => {
    const r = quizFileSchema.parse(file(single('a')));
    expect(r.passMark).toBe(0.7);
    expect(r.questions[0]).toMatchObject({ hints: [], inline: false, points: 1, shuffle: true });
  });

  it.each([
    [
      'duplicate ids',
      file(single('a'), single('a')),
      /questions\.1\.id: question "a": duplicate id/,
    ],
    [
      'single with no correct option',
      file(single('a', { options: [{ text: 'A' }, { text: 'B' }] })),
      /question "a": single choice needs exactly one correct option, found 0/,
    ],
    [
      'single with two correct options',
      file(
        single('a', {
          options: [
            { text: 'A', correct: true },
            { text: 'B', correct: true },
          ],
        }),
      ),
      /found 2/,
    ],
    [
      'single with one option',
      file(single('a', { options: [{ text: 'A', correct: true }] })),
      /2 to 8 options/,
    ],
    [
      'single with nine options',
      file(
        single('a', {
          options: Array.from({ length: 9 }, (_, i) => ({ text: `o${i}`, correct: i === 0 })),
        }),
      ),
      /2 to 8 options/,
    ],
    [
      'multiple without a correct option',
      file({ ...single('m'), type: 'multiple', options: [{ text: 'A' }, { text: 'B' }] }),
      /question "m": multiple select needs at least one correct option/,
    ],
    [
      'numeric without tolerance',
      file({ ...single('n'), type: 'numeric', options: undefined, answer: 3 }),
      /question "n": numeric answer needs a tolerance/,
    ],
    [
      'numeric with an empty tolerance',
      file({ ...single('n'), type: 'numeric', answer: 3, tolerance: {} }),
      /question "n": numeric answer needs a tolerance/,
    ],
    [
      'overlapping wrong-answer ranges',
      file({
        ...single('n'),
        type: 'numeric',
        answer: 3,
        tolerance: { absolute: 0.1 },
        wrongRanges: [
          { min: 5, max: 7, feedback: 'x' },
          { min: 6, max: 8, feedback: 'y' },
        ],
      }),
      /question "n": wrong-answer ranges 1 and 2 overlap/,
    ],
    [
      'ranges touching at a bound (inclusive)',
      file({
        ...single('n'),
        type: 'numeric',
        answer: 3,
        tolerance: { absolute: 0.1 },
        wrongRanges: [
          { min: 5, max: 6, feedback: 'x' },
          { min: 6, max: 8, feedback: 'y' },
        ],
      }),
      /overlap/,
    ],
    [
      'a wrong range covering right answers',
      file({
        ...single('n'),
        type: 'numeric',
        answer: 3,
        tolerance: { relative: 0.1 },
        wrongRanges: [{ min: 3.2, max: 4, feedback: 'x' }],
      }),
      /question "n": wrong-answer range 1 \[3.2, 4\] overlaps the correct answers/,
    ],
    [
      'a range with min > max',
      file({
        ...single('n'),
        type: 'numeric',
        answer: 3,
        tolerance: { absolute: 0 },
        wrongRanges: [{ min: 8, max: 7, feedback: 'x' }],
      }),
      /min > max/,
    ],
    [
      'ordering with one item',
      file({ ...single('o'), type: 'ordering', items: ['only'] }),
      /2 to 10 items/,
    ],
    [
      'ordering with repeated items',
      file({ ...single('o'), type: 'ordering', items: ['a', 'a', 'b'] }),
      /question "o": ordering items must be distinct/,
    ],
    [
      'an unknown grader',
      file({ ...single('w'), type: 'widget', widget: 'unit', grader: 'no-such-grader' }),
      /question "w": unknown grader "no-such-grader" \(known: .*logic-unit-truth-table/,
    ],
    [
      'grader params it rejects',
      file({
        ...single('w'),
        type: 'widget',
        widget: 'unit',
        grader: 'logic-unit-truth-table',
        params: { target: [1] },
      }),
      /question "w": grader "logic-unit-truth-table": params.target must be four values/,
    ],
    [
      'a grader that fails the question examples',
      file({
        ...single('w'),
        type: 'widget',
        widget: 'unit',
        grader: 'logic-unit-truth-table',
        params: { target: [0, 0, 0, 1] },
        examples: [{ state: { w1: 1, w2: 1, b: 0 }, pass: true, note: 'OR is not AND' }],
      }),
      /question "w": grader "logic-unit-truth-table" fails its question example 1: expected pass, got fail \(OR is not AND\)/,
    ],
    ['four hints', file(single('a', { hints: ['1', '2', '3', '4'] })), /at most 3 hints/],
    ['a section written with #', file(single('a', { section: '#intro' })), /heading anchor/],
    ['an id with capitals', file(single('Bad')), /ids use lowercase/],
    ['an empty prompt', file(single('a', { prompt: '  ' })), /must not be empty/],
    ['an unknown type', file({ ...single('a'), type: 'essay' }), /type/],
    ['a bad lesson slug', { lesson: 'x', questions: [single('a')] }, /lesson is a slug/],
    ['no questions', file(), /at least one question/],
    ['a pass mark above 1', { ...file(single('a')), passMark: 70 }, /passMark/],
  ])('rejects %s', (_name, data, message) => {
    const e = errors(data);
    expect(e.join('\n')).toMatch(message);
  });

  it('accepts a numeric question with only a relative tolerance and separate wrong ranges', () => {
    expect(
      errors(
        file({
          ...single('n'),
          type: 'numeric',
          answer: -2,
          tolerance: { relative: 0.01 },
          wrongRanges: [
            { min: 2, max: 2, feedback: 'sign' },
            { min: -20, max: -19, feedback: 'x10' },
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('accepts a widget question whose examples agree with the grader', () => {
    expect(
      errors(
        file({
          ...single('w'),
          type: 'widget',
          widget: 'unit',
          grader: 'logic-unit-truth-table',
          params: { target: [0, 1, 1, 1] },
          examples: [
            { state: { w1: 1, w2: 1, b: -0.5 }, pass: true },
            { state: { w1: 1, w2: 1, b: -1.5 }, pass: false },
          ],
        }),
      ),
    ).toEqual([]);
  });

  const dir = 'src/content/quizzes';
  for (const name of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
    it(`${dir}/${name} is valid`, () => {
      expect(errors(parse(readFileSync(`${dir}/${name}`, 'utf8')))).toEqual([]);
    });
  }

  it('the first lesson has a chapter quiz of at least 8 questions mixing every type', () => {
    const q = quizFileSchema.parse(
      parse(readFileSync(`${dir}/what-is-deep-learning.yaml`, 'utf8')),
    );
    const chapter = q.questions.filter((x) => !x.inline);
    expect(chapter.length).toBeGreaterThanOrEqual(8);
    expect(new Set(chapter.map((x) => x.type))).toEqual(
      new Set(['single', 'multiple', 'numeric', 'ordering', 'widget']),
    );
    expect(q.questions.some((x) => x.inline)).toBe(true);
  });
});
