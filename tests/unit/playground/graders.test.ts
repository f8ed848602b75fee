import { describe, it, expect } from 'vitest';
import {
  asPlaygroundState,
  playgroundGraders,
  playgroundNoOverfitting,
  playgroundTestLoss,
} from '../../../src/lib/quiz/graders/playground.ts';
import { graders, runGraderExamples } from '../../../src/lib/quiz/graders/index.ts';

const base = {
  dataset: 'circles',
  noise: 0,
  trainPercent: 50,
  hidden: [4, 2],
  features: ['x1', 'x2'],
  regularization: 'none',
  regularizationRate: 0,
  dropout: 0,
  learningRate: 0.03,
  decay: 0,
  step: 3000,
  epoch: 200,
  trainLoss: 0.02,
  testLoss: 0.05,
  bestTestLoss: 0.04,
  diverged: false,
};

describe('playground graders', () => {
  it('are registered and pass their own examples', () => {
    for (const [name, g] of Object.entries(playgroundGraders)) {
      expect(graders[name]).toBe(g);
      expect(runGraderExamples(name, g)).toEqual([]);
    }
  });

  it('read an untrusted state; null losses (JSON of NaN) become NaN', () => {
    expect(
      asPlaygroundState({ ...base, trainLoss: null, testLoss: null, bestTestLoss: null })?.testLoss,
    ).toBeNaN();
    expect(asPlaygroundState({ ...base, hidden: ['4'] })).toBeUndefined();
    expect(asPlaygroundState({ ...base, step: 'x' })).toBeUndefined();
    expect(asPlaygroundState('nope')).toBeUndefined();
  });

  it('test-loss grader explains each failure', () => {
    const p = { dataset: 'circles', maxTestLoss: 0.1, maxHiddenNeurons: 6 };
    expect(playgroundTestLoss.grade(base, p).pass).toBe(true);
    expect(playgroundTestLoss.grade({ ...base, diverged: true }, p).feedback).toMatch(/diverged/);
    expect(playgroundTestLoss.grade({ ...base, testLoss: null }, p).feedback).toMatch(
      /not measured yet/,
    );
    expect(playgroundTestLoss.checkParams!({})).toHaveLength(2);
    expect(playgroundTestLoss.checkParams!(p)).toEqual([]);
  });

  it('overfitting grader needs the same data, enough epochs and a test loss near its best', () => {
    const p = {
      dataset: 'gaussians',
      noise: 35,
      trainPercent: 20,
      minEpochs: 500,
      maxTestLoss: 0.45,
      maxRise: 0.2,
    };
    const s = {
      ...base,
      dataset: 'gaussians',
      noise: 35,
      trainPercent: 20,
      epoch: 600,
      testLoss: 0.3,
      bestTestLoss: 0.28,
    };
    expect(playgroundNoOverfitting.grade(s, p).pass).toBe(true);
    expect(playgroundNoOverfitting.grade({ ...s, testLoss: 0.4 }, p).feedback).toMatch(
      /still overfitting/,
    );
    expect(
      playgroundNoOverfitting.grade({ ...s, testLoss: 0.5, bestTestLoss: 0.5 }, p).feedback,
    ).toMatch(/above 0.45/);
    expect(playgroundNoOverfitting.checkParams!({ dataset: 'x' })).toHaveLength(5);
  });
});
