// Every registered grader agrees with its own pass/fail examples, and the example runner reports
// disagreements (so a grader that fails its examples fails the build).
import { describe, it, expect } from 'vitest';
import { graders, runGraderExamples, safeGrade } from '../../../src/lib/quiz/graders/index.ts';
import type { Grader } from '../../../src/lib/quiz/graders/index.ts';
import {
  truthTable,
  unitOutput,
  asLogicUnitState,
} from '../../../src/lib/quiz/graders/logic-unit.ts';

describe('grader registry', () => {
  for (const [name, grader] of Object.entries(graders)) {
    it(`${name} passes and fails its own examples`, () => {
      expect(grader.examples.some((e) => e.pass)).toBe(true);
      expect(grader.examples.some((e) => !e.pass)).toBe(true);
      for (const e of grader.examples)
        expect(safeGrade(grader, e.state, e.params ?? {}).pass, e.note).toBe(e.pass);
      expect(runGraderExamples(name, grader)).toEqual([]);
    });
    it(`${name} names itself in kebab-case and describes what it checks`, () => {
      expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(grader.description.length).toBeGreaterThan(20);
    });
  }

  const liar: Grader = {
    description: 'passes everything, which its failing example catches',
    grade: () => ({ pass: true }),
    examples: [
      { state: 1, pass: true },
      { state: 2, pass: false, note: 'two is wrong' },
    ],
  };

  it('reports a grader whose example disagrees, naming the example', () => {
    expect(runGraderExamples('liar', liar)).toEqual([
      'grader "liar" fails its own example 2: expected fail, got pass (two is wrong)',
    ]);
  });

  it('runs question examples with the question params', () => {
    const g = graders['logic-unit-truth-table']!;
    const and = { target: [0, 0, 0, 1] };
    expect(
      runGraderExamples('t', g, and, [{ state: { w1: 1, w2: 1, b: -1.5 }, pass: true }]),
    ).toEqual([]);
    expect(runGraderExamples('t', g, and, [{ state: { w1: 1, w2: 1, b: 0 }, pass: true }])).toEqual(
      ['grader "t" fails its question example 1: expected pass, got fail'],
    );
  });

  it('requires both a passing and a failing example', () => {
    const onlyPass: Grader = { ...liar, examples: [{ state: 1, pass: true }] };
    expect(runGraderExamples('p', onlyPass)[0]).toMatch(/at least one passing and one failing/);
  });

  it('turns a throwing grader into a failing result', () => {
    const thrower: Grader = {
      ...liar,
      grade: () => {
        throw new Error('boom');
      },
    };
    expect(safeGrade(thrower, 1, {})).toMatchObject({ pass: false });
    expect(safeGrade(thrower, 1, {}).feedback).toContain('boom');
  });
});

describe('logic unit', () => {
  it('computes a step of the weighted sum with the course convention z ≥ 0 → 1', () => {
    expect(unitOutput({ w1: 1, w2: 1, b: -1.5 }, 1, 0)).toBe(0);
    expect(unitOutput({ w1: 1, w2: 1, b: -1 }, 1, 0)).toBe(1);
    expect(unitOutput({ w1: 1, w2: 1, b: -2 }, 1, 1)).toBe(1);
    expect(truthTable({ w1: -1, w2: -1, b: 0.5 })).toEqual([1, 0, 0, 0]);
  });
  it('accepts only finite numeric states', () => {
    expect(asLogicUnitState({ w1: 1, w2: 2, b: 3 })).toEqual({ w1: 1, w2: 2, b: 3 });
    expect(asLogicUnitState({ w1: NaN, w2: 2, b: 3 })).toBeUndefined();
    expect(asLogicUnitState(null)).toBeUndefined();
  });
  it('explains which rows are wrong and gives partial credit', () => {
    const r = graders['logic-unit-truth-table']!.grade(
      { w1: 1, w2: 1, b: -0.5 },
      { target: [0, 0, 0, 1] },
    );
    expect(r).toMatchObject({ pass: false, score: 0.5 });
    expect(r.feedback).toContain('input (0, 1) gives 1, it should give 0');
  });
  it('rejects bad params', () => {
    expect(graders['logic-unit-truth-table']!.checkParams!({ target: [0, 1] })).toHaveLength(1);
    expect(graders['logic-unit-truth-table']!.checkParams!({ target: [0, 1, 1, 0] })).toEqual([]);
  });
});

describe('widget contract', () => {
  it('recognises an element that implements quizState()', async () => {
    const { isQuizReadable, WIDGET_CHANGE_EVENT } =
      await import('../../../src/lib/quiz/widget-contract.ts');
    expect(isQuizReadable({ quizState: () => ({ w: 1 }) })).toBe(true);
    expect(isQuizReadable({ quizState: 1 })).toBe(false);
    expect(isQuizReadable(null)).toBe(false);
    expect(isQuizReadable('x')).toBe(false);
    expect(WIDGET_CHANGE_EVENT).toBe('nb-widget-change');
  });
});
