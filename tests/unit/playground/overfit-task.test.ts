// The deep-networks quiz task "stop-overfitting": its hint (L2 at rate 0.01) must pass the grader
// however long the reader trains, and what the hint says about dropout 0.3 must hold (issue 11).
// The state is built as the Playground's quizState() builds it: the last history point and the
// best test loss of the history.
import { describe, it, expect } from 'vitest';
import { createTrainer, type Trainer } from '../../../src/lib/playground/trainer.ts';
import { findPreset, presetState } from '../../../src/lib/playground/presets.ts';
import { playgroundNoOverfitting } from '../../../src/lib/quiz/graders/playground.ts';

const params = {
  dataset: 'gaussians',
  noise: 35,
  trainPercent: 20,
  minEpochs: 500,
  maxTestLoss: 0.45,
  maxRise: 0.2,
};

function quizState(t: Trainer) {
  const last = t.history[t.history.length - 1]!;
  return {
    ...t.state,
    hidden: [...t.state.hidden],
    features: [...t.state.features],
    step: t.step,
    epoch: t.epoch,
    trainLoss: last.train,
    testLoss: last.test,
    bestTestLoss: Math.min(...t.history.map((p) => p.test)),
    diverged: t.diverged !== null,
  };
}

describe('stop-overfitting: hint and grader agree', () => {
  it('the L2 preset passes at 500, 1,500 and 3,000 epochs; dropout 0.3 drifts back up to about 20 %', () => {
    const l2 = createTrainer(presetState(findPreset('overfit-l2')!));
    for (const epochs of [500, 1500, 3000]) {
      while (l2.epoch < epochs) l2.runEpoch();
      const r = playgroundNoOverfitting.grade(quizState(l2), params);
      expect(r.pass, `L2 at ${epochs} epochs: ${r.feedback}`).toBe(true);
    }
    const drop = createTrainer(presetState(findPreset('overfit-dropout')!));
    while (drop.epoch < 3000) drop.runEpoch();
    const s = quizState(drop);
    expect(s.testLoss / s.bestTestLoss).toBeGreaterThan(1.1);
    expect(s.testLoss / s.bestTestLoss).toBeLessThan(1.3);
  });
});
