import { describe, it, expect } from 'vitest';
import {
  initPerceptron,
  perceptronRule,
  perceptronVisit,
  perceptronStep,
  trainPerceptron,
  mistakeBound,
} from '../../../src/lib/ml/perceptron.ts';
import { score, separablePoints, xorPoints } from '../../../src/lib/ml/neuron.ts';

const box = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };

describe('perceptronRule', () => {
  it('adds η·x to the weights when a class-1 point falls on the 0 side', () => {
    const r = perceptronRule({ w1: 0, w2: 0, b: -1 }, { x: 2, y: -1, label: 1 }, 0.5);
    expect(r.predicted).toBe(0);
    expect(r.z).toBe(-1);
    expect(r.delta).toEqual({ dw1: 1, dw2: -0.5, db: 0.5 });
    expect(r.after).toEqual({ w1: 1, w2: -0.5, b: -0.5 });
  });

  it('subtracts η·x when a class-0 point falls on the 1 side (z = 0 counts as class 1)', () => {
    const r = perceptronRule({ w1: 0, w2: 0, b: 0 }, { x: 1, y: 3, label: 0 }, 1);
    expect(r.predicted).toBe(1);
    expect(r.after).toEqual({ w1: -1, w2: -3, b: -1 });
  });

  it('leaves the weights alone for a correctly classified point', () => {
    const r = perceptronRule({ w1: 1, w2: 1, b: 0 }, { x: 1, y: 1, label: 1 }, 1);
    expect(r.delta).toEqual({ dw1: 0, dw2: 0, db: 0 });
    expect(r.after).toEqual({ w1: 1, w2: 1, b: 0 });
  });

  it('moves the point towards its side: the update raises t·z', () => {
    const p = { x: 0.4, y: -0.7, label: 1 as const };
    const before = { w1: 0.3, w2: 0.9, b: -0.1 };
    const r = perceptronRule(before, p, 1);
    const zAfter = r.after.w1 * p.x + r.after.w2 * p.y + r.after.b;
    // Δz = η (x² + y² + 1) > 0 for a class-1 mistake.
    expect(zAfter - r.z).toBeCloseTo(0.4 ** 2 + 0.7 ** 2 + 1, 12);
  });
});

describe('perceptronVisit', () => {
  it('visits points in order, wraps at the end and counts passes and mistakes', () => {
    const pts = xorPoints();
    let s = initPerceptron();
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = perceptronVisit(s, pts);
      seen.push(r.visit.index);
      s = r.state;
    }
    expect(seen).toEqual([0, 1, 2, 3, 0]);
    expect(s.epoch).toBe(1);
    expect(s.mistakesPerEpoch).toEqual([3]);
  });

  it('rejects empty data and a non-positive learning rate', () => {
    expect(() => perceptronVisit(initPerceptron(), [])).toThrow(RangeError);
    expect(() => perceptronVisit(initPerceptron(), xorPoints(), 0)).toThrow(/learning rate/);
  });
});

// The data and seed the lesson uses (PerceptronTrainer's defaults): seed 11, 20 points, η = 1.
// The lesson says it converges after 10 updates; the browser test checks the widget says so too.
const LESSON_UPDATES = 10;
const lessonTruth = { w1: 1, w2: 2, b: -0.3 };
const lessonData = separablePoints(11, 20, lessonTruth, box, 0.12);

describe('perceptron on separable data', () => {
  it('converges with every point on its side, within Novikoff’s bound', () => {
    const { state, updates } = trainPerceptron(lessonData, 1);
    expect(state.converged).toBe(true);
    expect(state.cycle).toBeNull();
    expect(score(state, lessonData).wrong).toEqual([]);
    expect(updates.length).toBeLessThanOrEqual(mistakeBound(lessonData, lessonTruth));
    // The lesson quotes the bound for this data as about 143.
    expect(Math.round(mistakeBound(lessonData, lessonTruth))).toBe(143);
    expect(updates.length).toBe(state.updates);
    // The number the lesson text states.
    expect(state.updates).toBe(LESSON_UPDATES);
  });

  it('gets there by perceptronStep one update at a time', () => {
    let s = initPerceptron();
    let steps = 0;
    while (!s.converged && steps < 1000) {
      const r = perceptronStep(s, lessonData);
      s = r.state;
      if (r.update) steps++;
    }
    expect(s.converged).toBe(true);
    expect(steps).toBe(LESSON_UPDATES);
    const after = perceptronStep(s, lessonData);
    expect(after.update).toBeNull();
    expect(after.state).toBe(s);
  });

  it('mistakeBound refuses a line that does not separate the data', () => {
    expect(() => mistakeBound(lessonData, { w1: -1, w2: -2, b: 0.3 })).toThrow(RangeError);
  });
});

describe('perceptron on XOR', () => {
  it('never converges: the weights return to an earlier pass’s start and loop forever', () => {
    const { state } = trainPerceptron(xorPoints(), 1, 1000);
    expect(state.converged).toBe(false);
    expect(state.cycle).toEqual({ firstEpoch: 2, repeatEpoch: 3 });
    expect(state.mistakesPerEpoch.every((m) => m > 0)).toBe(true);
  });

  it('without cycle detection still makes a mistake in every one of 500 passes', () => {
    // Non-integer learning rate and start: no exact repeat is needed for the claim.
    let s = initPerceptron({ w1: 0.13, w2: -0.07, b: 0.05 });
    const pts = xorPoints();
    for (let i = 0; i < 2000; i++) s = { ...perceptronVisit(s, pts, 0.37).state, cycle: null };
    expect(s.converged).toBe(false);
    expect(s.mistakesPerEpoch).toHaveLength(500);
    expect(Math.min(...s.mistakesPerEpoch)).toBeGreaterThan(0);
  });

  it('stops at maxEpochs when asked to', () => {
    const { state } = trainPerceptron(xorPoints(), 1, 2);
    expect(state.epoch).toBe(2);
    expect(state.cycle).toBeNull();
  });
});
