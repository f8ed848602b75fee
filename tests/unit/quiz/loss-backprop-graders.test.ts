import { describe, expect, it } from 'vitest';
import { graders } from '../../../src/lib/quiz/graders/index.ts';
import { backpropGraders } from '../../../src/lib/quiz/graders/backprop.ts';
import { lossLessonGraders } from '../../../src/lib/quiz/graders/loss-lesson.ts';

const valley = (lr: number, extra: Record<string, unknown> = {}) => ({
  surface: 'valley',
  optimizer: 'sgd',
  lr,
  momentum: 0.9,
  steps: 50,
  decay: 'none',
  start: [-2.5, 1.5],
  race: false,
  optimizerB: 'adam',
  ...extra,
});

describe('graders of the loss and backpropagation lessons', () => {
  it('are registered under their names', () => {
    for (const [name, g] of Object.entries({ ...backpropGraders, ...lossLessonGraders })) {
      expect(graders[name]).toBe(g);
    }
  });

  it('largest converging rate: reruns the descent instead of trusting the reported verdict', () => {
    const g = lossLessonGraders['descent-largest-converging-lr']!;
    expect(g.grade(valley(0.479, { verdict: 'diverged' }), {}).pass).toBe(true);
    expect(g.grade(valley(0.55, { verdict: 'converged' }), {}).pass).toBe(false);
    // A moved start or extra steps do not change the task: default start, 50 steps.
    expect(g.grade(valley(0.49, { steps: 200 }), {}).pass).toBe(false);
    expect(g.grade(valley(0.4), {}).feedback).toMatch(/larger rates still do/);
    expect(g.grade(valley(0.49), {}).feedback).toMatch(/shrinking swings/);
    expect(g.grade(valley(0.479), { minLr: 0.48 }).pass).toBe(false);
    expect(g.checkParams!({ minLr: -1 })).toHaveLength(1);
    expect(g.checkParams!({})).toEqual([]);
  });

  it('line fit diverges: recomputes from the settings alone', () => {
    const g = lossLessonGraders['line-fit-diverges']!;
    expect(g.grade({ batchSize: 40, learningRate: 1.5, diverged: false }, {}).pass).toBe(true);
    expect(g.grade({ batchSize: 40, learningRate: 0.3, diverged: true }, {}).pass).toBe(false);
    expect(g.grade({ batchSize: 1, learningRate: 1.5 }, { batchSize: 1 }).pass).toBe(true);
    expect(g.grade({ batchSize: 40, learningRate: -2 }, {}).pass).toBe(false);
  });

  it('graph step: looks the step up in the lesson graph', () => {
    const g = backpropGraders['backprop-graph-step']!;
    const r = g.grade({ step: 16, node: 'something else' }, { node: 'w1', phase: 'backward' });
    expect(r.pass).toBe(true);
    expect(r.feedback).toContain('∂L/∂w1');
    expect(g.grade({ step: 3 }, { node: 'w1', phase: 'backward' }).feedback).toMatch(/further on/);
    expect(g.grade({ step: 23 }, { node: 'w1', phase: 'backward' }).feedback).toMatch(/earlier/);
    expect(g.grade({ step: 99 }, { node: 'w1', phase: 'backward' }).pass).toBe(false);
    expect(g.checkParams!({ node: 'w1', phase: 'forward' })).toHaveLength(1);
    expect(g.checkParams!({ node: 'L', phase: 'forward' })).toEqual([]);
  });

  it('gradient check fails for a correct pass only at extreme ε', () => {
    const g = backpropGraders['gradient-check-fails-correct']!;
    const pass = [-12, -1].filter((e) => g.grade({ exponent: e, bug: false }, {}).pass);
    const fail = [-10, -8, -5, -3].filter((e) => !g.grade({ exponent: e, bug: false }, {}).pass);
    expect(pass).toEqual([-12, -1]);
    expect(fail).toEqual([-10, -8, -5, -3]);
    expect(g.grade({ exponent: -1, bug: false }, {}).feedback).toMatch(/truncation/);
    expect(g.grade({ exponent: -12, bug: false }, {}).feedback).toMatch(/rounding/);
    expect(g.grade({ exponent: -1, bug: true }, {}).pass).toBe(false);
  });
});
