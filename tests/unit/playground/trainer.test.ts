import { describe, it, expect } from 'vitest';
import {
  buildData,
  createTrainer,
  HISTORY_MAX,
  inputCoords,
  netSpec,
  streamSeed,
} from '../../../src/lib/playground/trainer.ts';
import { findPreset, presetState } from '../../../src/lib/playground/presets.ts';
import { defaults } from '../../../src/lib/playground/state.ts';

const preset = (id: string) => presetState(findPreset(id)!);
const minTest = (t: ReturnType<typeof createTrainer>) => Math.min(...t.history.map((p) => p.test));

describe('trainer', () => {
  it('builds the network shape and data from the setup', () => {
    const s = { ...defaults(), features: ['x1', 'x2', 'x1x2'] as const, hidden: [5, 3] };
    expect(netSpec({ ...s, features: [...s.features] })).toEqual({
      sizes: [3, 5, 3, 1],
      activation: 'tanh',
      output: 'sigmoid',
    });
    expect(netSpec(preset('three-class')).output).toBe('softmax');
    expect(netSpec(preset('regression-2d')).output).toBe('linear');
    const d = buildData({ ...s, features: [...s.features], trainPercent: 30 });
    expect(d.train.length).toBe(90);
    expect(d.trainInputs.length).toBe(90 * 3);
    expect(d.testTargets.length).toBe(210);
    expect(Array.from(inputCoords([{ x: 0.5, y: 0.7, label: 0.7 }], true))).toEqual([0.5, 0]);
    expect(streamSeed(1, 0)).not.toBe(streamSeed(1, 1));
  });

  it('the same setup gives the same loss curve; another seed another one', () => {
    const a = createTrainer(defaults());
    const b = createTrainer(defaults());
    a.runSteps(700);
    for (let i = 0; i < 7; i++) b.runSteps(100); // different slicing, same result
    expect(b.history).toEqual(a.history);
    const c = createTrainer({ ...defaults(), seed: 2 });
    c.runSteps(700);
    expect(c.history).not.toEqual(a.history);
  });

  it('counts steps, epochs and examples, and records the history at fixed steps', () => {
    const t = createTrainer(defaults()); // 150 training points, batch 10: 15 steps an epoch
    expect(t.history).toHaveLength(1);
    expect(t.runEpoch()).toBe(15);
    expect(t.epoch).toBe(1);
    expect(t.examples).toBe(150);
    t.runSteps(15 * 10);
    expect(t.history.map((p) => p.step)).toEqual(Array.from({ length: 12 }, (_, i) => i * 15));
    t.runSteps(15 * HISTORY_MAX);
    expect(t.history.length).toBeLessThanOrEqual(HISTORY_MAX);
    expect(t.recordEvery).toBe(30);
    expect(t.history.every((p) => p.step % t.recordEvery === 0)).toBe(true);
  });

  it('a partial last batch closes the epoch', () => {
    const t = createTrainer({ ...defaults(), batchSize: 20 }); // 150 = 7·20 + 10
    expect(t.runEpoch()).toBe(8);
    expect(t.examples).toBe(150);
  });

  it('learning-rate decay and live changes apply from the next step', () => {
    const t = createTrainer({ ...defaults(), decay: 1 });
    expect(t.currentLearningRate()).toBeCloseTo(0.03);
    t.runEpoch();
    expect(t.currentLearningRate()).toBeCloseTo(0.015);
    t.setLive({ learningRate: 0.3 });
    expect(t.currentLearningRate()).toBeCloseTo(0.15);
    const plain = createTrainer(defaults());
    const changed = createTrainer(defaults());
    changed.setLive({ regularization: 'l2', regularizationRate: 1 });
    plain.runSteps(50);
    changed.runSteps(50);
    expect(changed.losses().train).not.toBe(plain.losses().train);
  });

  it('an empty drawn set does not train', () => {
    const t = createTrainer(preset('draw'));
    expect(t.runSteps(10)).toBe(0);
    expect(t.history).toEqual([]);
    expect(Number.isNaN(t.losses().train)).toBe(true);
  });
});

// The claims the lesson makes about its preset links, checked in Node (the browser tests check
// them again in the page).
describe('preset claims', () => {
  it('"overfit": training loss keeps falling while test loss rises well above its minimum', () => {
    const t = createTrainer(preset('overfit'));
    t.runSteps(12000);
    const { train, test } = t.losses();
    expect(train).toBeLessThan(0.1);
    expect(test).toBeGreaterThan(2 * minTest(t));
  });

  it('"overfit-l2" and "overfit-dropout" end with a lower test loss than "overfit"', () => {
    const run = (id: string) => {
      const t = createTrainer(preset(id));
      t.runSteps(12000);
      return t.losses().test;
    };
    const base = run('overfit');
    expect(run('overfit-l2')).toBeLessThan(base / 2);
    expect(run('overfit-dropout')).toBeLessThan(base / 2);
  });

  it('"xor-linear" cannot learn XOR; "xor-product" and "xor-hidden" can', () => {
    const run = (id: string) => {
      const t = createTrainer(preset(id));
      t.runSteps(6000);
      return t.losses().test;
    };
    expect(run('xor-linear')).toBeGreaterThan(0.6);
    expect(run('xor-product')).toBeLessThan(0.1);
    expect(run('xor-hidden')).toBeLessThan(0.25);
  });

  it('"too-fast" diverges and says where', () => {
    const t = createTrainer(preset('too-fast'));
    t.runSteps(1000);
    expect(t.diverged).not.toBeNull();
    expect(t.diverged!.learningRate).toBe(1);
    expect(t.step).toBe(t.diverged!.step);
    expect(t.runSteps(10)).toBe(0);
    // what ran away is named, and the last recorded losses are finite and from before
    expect(['loss', 'weights']).toContain(t.diverged!.cause);
    const last = t.diverged!.last!;
    expect(Number.isFinite(last.train) && Number.isFinite(last.test)).toBe(true);
    expect(last.step).toBeLessThan(t.diverged!.step);
    expect(last).toEqual(t.history[t.history.length - 1]);
  });

  it('"jitter-decay" settles lower than "jitter"', () => {
    const run = (id: string) => {
      const t = createTrainer(preset(id));
      t.runSteps(10000);
      return t.losses().train;
    };
    expect(run('jitter-decay')).toBeLessThan(run('jitter') / 3);
  });

  it('the starting setup (6 hidden neurons) reaches test loss below 0.1 on circles', () => {
    const t = createTrainer(defaults());
    t.runSteps(3000);
    expect(t.losses().test).toBeLessThan(0.1);
  });
});

describe('early stopping on the overfit preset (issue 11)', () => {
  it('keeps the lowest test loss early, and restoring its weights gives that loss back', () => {
    const t = createTrainer(preset('overfit'));
    t.runSteps(3000);
    const best = t.best!;
    expect(best.step).toBe(84); // epoch 14: the lesson says so
    expect(best.epoch).toBe(14);
    expect(best.test).toBeLessThan(0.33);
    const now = t.losses().test;
    expect(now).toBeGreaterThan(1.5 * best.test); // overfitting by then
    expect(t.restoreBest()).toBe(true);
    expect(t.losses().test).toBeCloseTo(best.test, 5);
    expect(t.history[t.history.length - 1]!.test).toBeCloseTo(best.test, 5);
    expect(t.best).toEqual(best);
  });
});
