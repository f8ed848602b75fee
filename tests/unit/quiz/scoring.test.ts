// Every scoring rule of src/lib/quiz/scoring.ts, with edge cases, table-driven.
import { describe, it, expect } from 'vitest';
import {
  scoreQuestion,
  scoreQuiz,
  parseNumber,
  longestIncreasingRun,
  withinTolerance,
  type Outcome,
} from '../../../src/lib/quiz/scoring.ts';
import type {
  ChoiceKey,
  NumericKey,
  OrderingKey,
  QuizKey,
  WidgetKey,
} from '../../../src/lib/quiz/key.ts';

const base = { section: 's', points: 1, inline: false, hintCount: 0 };
const single: ChoiceKey = {
  ...base,
  id: 'a',
  type: 'single',
  optionCount: 4,
  correct: [2],
  shuffle: true,
};
const multiple: ChoiceKey = {
  ...base,
  id: 'm',
  type: 'multiple',
  optionCount: 5,
  correct: [0, 1, 2],
  shuffle: true,
};
const numeric: NumericKey = {
  ...base,
  id: 'n',
  type: 'numeric',
  answer: 0.3,
  absolute: 0.1,
  wrongRanges: [
    { min: -1, max: -0.5 },
    { min: 2, max: 3 },
  ],
};
const relative: NumericKey = {
  ...base,
  id: 'r',
  type: 'numeric',
  answer: -200,
  relative: 0.05,
  wrongRanges: [],
};
const ordering: OrderingKey = { ...base, id: 'o', type: 'ordering', itemCount: 5 };
const widget: WidgetKey = {
  ...base,
  id: 'w',
  type: 'widget',
  widget: 'x',
  grader: 'g',
  params: {},
};

const score = (o: Outcome) => (o.status === 'graded' ? o.score : o.status);

describe('single choice', () => {
  it.each([
    [2, 1],
    [0, 0],
    [3, 0],
  ])('picked %i scores %d', (picked, expected) => {
    expect(score(scoreQuestion(single, { type: 'single', picked }))).toBe(expected);
  });
  it('an out-of-range option is invalid, not wrong', () => {
    expect(scoreQuestion(single, { type: 'single', picked: 9 }).status).toBe('invalid');
  });
  it('a response of another type is invalid', () => {
    expect(scoreQuestion(single, { type: 'numeric', value: 2 }).status).toBe('invalid');
  });
});

describe('multiple select: max(0, (right − wrong) / correct)', () => {
  it.each([
    [[0, 1, 2], 1],
    [[0, 1], 2 / 3],
    [[0], 1 / 3],
    [[0, 1, 3], 1 / 3],
    [[0, 1, 2, 3], 2 / 3],
    [[0, 3, 4], 0],
    [[3, 4], 0],
    [[0, 1, 2, 3, 4], 1 / 3],
  ])('picked %j scores %d', (picked, expected) => {
    expect(score(scoreQuestion(multiple, { type: 'multiple', picked }))).toBeCloseTo(expected, 12);
  });
  it('is correct only at full credit and reports the right and wrong picks', () => {
    const o = scoreQuestion(multiple, { type: 'multiple', picked: [0, 1, 3] });
    expect(o).toMatchObject({
      status: 'graded',
      correct: false,
      rightPicks: [0, 1],
      wrongPicks: [3],
    });
    expect(scoreQuestion(multiple, { type: 'multiple', picked: [2, 1, 0] })).toMatchObject({
      correct: true,
    });
  });
  it('counts a repeated pick once', () => {
    expect(score(scoreQuestion(multiple, { type: 'multiple', picked: [0, 0, 0] }))).toBeCloseTo(
      1 / 3,
    );
  });
  it('picking nothing is invalid, not wrong', () => {
    expect(scoreQuestion(multiple, { type: 'multiple', picked: [] })).toMatchObject({
      status: 'invalid',
    });
  });
});

describe('numeric', () => {
  it.each([
    [0.3, 1],
    [0.2, 1],
    [0.4, 1], // 0.4 − 0.3 = 0.10000000000000003 in floating point: still inside (bounds inclusive)
    [0.40001, 0],
    [0.19999, 0],
    [-0.7, 0],
  ])('answer 0.3 ± 0.1: %d scores %d', (value, expected) => {
    expect(score(scoreQuestion(numeric, { type: 'numeric', value }))).toBe(expected);
  });
  it('NaN and infinities are never correct', () => {
    expect(scoreQuestion(numeric, { type: 'numeric', value: NaN })).toMatchObject({
      score: 0,
      correct: false,
    });
    expect(withinTolerance(numeric, Infinity)).toBe(false);
    expect(withinTolerance({ answer: 0, absolute: Infinity }, -Infinity)).toBe(false);
  });
  it('relative tolerance scales with |answer| (negative answers too)', () => {
    expect(withinTolerance(relative, -210)).toBe(true);
    expect(withinTolerance(relative, -190)).toBe(true);
    expect(withinTolerance(relative, -210.01)).toBe(false);
    expect(withinTolerance(relative, 200)).toBe(false);
  });
  it('either tolerance is enough when both are given', () => {
    const both = { answer: 100, absolute: 1, relative: 0.1 };
    expect(withinTolerance(both, 109)).toBe(true);
    expect(withinTolerance({ answer: 0, absolute: 0.5, relative: 0.1 }, 0.4)).toBe(true);
  });
  it('names the common-wrong-answer range a value falls in (bounds inclusive)', () => {
    expect(scoreQuestion(numeric, { type: 'numeric', value: -1 })).toMatchObject({ range: 0 });
    expect(scoreQuestion(numeric, { type: 'numeric', value: -0.5 })).toMatchObject({ range: 0 });
    expect(scoreQuestion(numeric, { type: 'numeric', value: 3 })).toMatchObject({ range: 1 });
    expect(scoreQuestion(numeric, { type: 'numeric', value: 1 })).not.toHaveProperty('range');
  });
});

describe('parsing numeric input', () => {
  it.each([
    ['4', 4],
    [' -0.5 ', -0.5],
    ['\u22120.5', -0.5],
    ['+3', 3],
    ['.25', 0.25],
    ['3.', 3],
    ['1e-3', 0.001],
    ['2.5E2', 250],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });
  it.each(['', 'abc', '1,5', '1 000', '0x10', 'NaN', 'Infinity', '1e400', '--1', '1/2', '5%'])(
    'rejects %j (invalid, costs no attempt)',
    (text) => {
      expect(parseNumber(text)).toBeUndefined();
    },
  );
});

describe('ordering: longest correctly ordered subsequence / n', () => {
  it.each([
    [[0, 1, 2, 3, 4], 1],
    [[4, 3, 2, 1, 0], 1 / 5],
    [[1, 0, 2, 3, 4], 4 / 5],
    [[4, 0, 1, 2, 3], 4 / 5],
    [[2, 0, 4, 1, 3], 3 / 5],
  ])('%j scores %d', (order, expected) => {
    expect(score(scoreQuestion(ordering, { type: 'ordering', order }))).toBeCloseTo(expected, 12);
  });
  it('an order that is not a permutation is invalid', () => {
    expect(scoreQuestion(ordering, { type: 'ordering', order: [0, 1, 2, 3] }).status).toBe(
      'invalid',
    );
    expect(scoreQuestion(ordering, { type: 'ordering', order: [0, 0, 1, 2, 3] }).status).toBe(
      'invalid',
    );
  });
  it('computes the longest strictly increasing run', () => {
    expect(longestIncreasingRun([])).toBe(0);
    expect(longestIncreasingRun([3, 1, 2, 0, 4, 5])).toBe(4);
  });
});

describe('widget', () => {
  it('uses the grader: pass is 1, partial credit stays below 1 when failing', () => {
    expect(score(scoreQuestion(widget, { type: 'widget', state: 1 }, () => ({ pass: true })))).toBe(
      1,
    );
    expect(
      score(scoreQuestion(widget, { type: 'widget', state: 1 }, () => ({ pass: false }))),
    ).toBe(0);
    expect(
      score(
        scoreQuestion(widget, { type: 'widget', state: 1 }, () => ({ pass: false, score: 0.5 })),
      ),
    ).toBe(0.5);
    const odd = scoreQuestion(widget, { type: 'widget', state: 1 }, () => ({
      pass: false,
      score: 1,
    }));
    expect(odd).toMatchObject({ correct: false });
    expect(score(odd)).toBeLessThan(1);
  });
  it('passes the grader message through, and is invalid without a grader', () => {
    expect(
      scoreQuestion(widget, { type: 'widget', state: 1 }, () => ({ pass: false, feedback: 'no' })),
    ).toMatchObject({ feedback: 'no' });
    expect(scoreQuestion(widget, { type: 'widget', state: 1 }).status).toBe('invalid');
  });
});

describe('chapter score', () => {
  const quiz: QuizKey = {
    id: 'q',
    lesson: 'foundations/x',
    passMark: 0.7,
    questions: [
      { ...single, id: 'a', section: 'one' },
      { ...single, id: 'b', section: 'two', points: 2 },
      { ...single, id: 'c', section: 'three' },
      { ...single, id: 'inline', section: 'four', inline: true },
    ],
  };
  it('weights by points, counts missing answers as 0 and lists questions to revisit', () => {
    const r = scoreQuiz(
      quiz,
      new Map([
        ['a', 1],
        ['b', 0.5],
      ]),
    );
    expect(r).toMatchObject({
      points: 2,
      maxPoints: 4,
      fraction: 0.5,
      passed: false,
      answered: 2,
      total: 3,
    });
    expect(r.revisit).toEqual([
      { id: 'b', section: 'two' },
      { id: 'c', section: 'three' },
    ]);
  });
  it('ignores inline checks: they never count', () => {
    const r = scoreQuiz(
      quiz,
      new Map([
        ['a', 1],
        ['b', 1],
        ['c', 1],
        ['inline', 0],
      ]),
    );
    expect(r).toMatchObject({ fraction: 1, passed: true, total: 3, revisit: [] });
  });
  it('passes exactly at the pass mark', () => {
    const q: QuizKey = {
      ...quiz,
      passMark: 0.75,
      questions: [quiz.questions[0]!, quiz.questions[1]!, { ...single, id: 'd' }],
    };
    expect(
      scoreQuiz(
        q,
        new Map([
          ['a', 1],
          ['b', 1],
          ['d', 0],
        ]),
      ).passed,
    ).toBe(true);
    expect(
      scoreQuiz(
        q,
        new Map([
          ['a', 1],
          ['b', 0.49],
          ['d', 1],
        ]),
      ).passed,
    ).toBe(false);
  });
  it('clamps credits to 0–1 and scores an empty quiz 0', () => {
    expect(
      scoreQuiz(
        quiz,
        new Map([
          ['a', 5],
          ['b', -1],
          ['c', 1],
        ]),
      ).points,
    ).toBe(2);
    expect(scoreQuiz({ ...quiz, questions: [] }, new Map()).fraction).toBe(0);
  });
});
