// The recurrent engine on its own: step-by-step inference equals the batched forward pass,
// clipping bounds the norm, and training on a seeded toy task lowers the loss.
import { describe, it, expect } from 'vitest';
import {
  backward,
  clipGlobalNorm,
  createModel,
  createStepState,
  createTrainer,
  forward,
  globalNorm,
  stepModel,
} from '../../../src/lib/ml/lstm/index.ts';
import { createRng } from '../../../src/lib/ml/rng.ts';

describe('stepModel', () => {
  it.each(['lstm', 'rnn'] as const)('%s: matches forward() step by step', (cell) => {
    const m = createModel({ cell, inputSize: 4, hiddenSize: 5, outputSize: 4 }, createRng(3));
    const tokens = [0, 3, 1, 1, 2, 0];
    const cache = forward(m, {
      batchSize: 1,
      steps: tokens.length,
      tokens,
      targets: tokens.map(() => 0),
    });
    const s = createStepState(m);
    tokens.forEach((tok, t) => {
      stepModel(m, s, tok);
      for (let k = 0; k < 5; k++)
        expect(s.hidden[k]).toBeCloseTo(cache.hidden[(t + 1) * 5 + k]!, 6);
      // softmax(logits) = cached probabilities
      const max = Math.max(...s.logits);
      const e = Array.from(s.logits, (l) => Math.exp(l - max));
      const sum = e.reduce((a, b) => a + b, 0);
      e.forEach((v, j) => expect(v / sum).toBeCloseTo(cache.probs[t * 4 + j]!, 6));
    });
  });
});

describe('clipGlobalNorm', () => {
  it('rescales to the limit and reports the norm before', () => {
    const m = createModel(
      { cell: 'lstm', inputSize: 3, hiddenSize: 4, outputSize: 3 },
      createRng(1),
    );
    const batch = {
      batchSize: 2,
      steps: 5,
      tokens: [0, 1, 2, 0, 1, 2, 2, 1, 0, 0],
      targets: [1, 2, 0, 1, 2, 0, 0, 2, 1, 1],
    };
    const { grads } = backward(m, batch, forward(m, batch));
    const before = globalNorm(grads);
    expect(clipGlobalNorm(grads, before / 2)).toBeCloseTo(before, 9);
    expect(globalNorm(grads)).toBeCloseTo(before / 2, 5);
  });
});

describe('training', () => {
  it('an LSTM learns to recall the first token after 8 steps (seeded)', () => {
    const rng = createRng(5);
    const trainer = createTrainer({
      spec: { cell: 'lstm', inputSize: 3, hiddenSize: 8, outputSize: 3 },
      seed: 1,
      learningRate: 0.03,
      clipNorm: 5,
    });
    const B = 16;
    const T = 8;
    const make = () => {
      const tokens = new Int32Array(B * T);
      const targets = new Int32Array(B * T).fill(-1);
      for (let b = 0; b < B; b++) {
        const first = rng.int(2);
        tokens[b * T] = first;
        for (let t = 1; t < T; t++) tokens[b * T + t] = 2;
        targets[b * T + T - 1] = first;
      }
      return { batchSize: B, steps: T, tokens, targets };
    };
    const first = trainer.step(make());
    let last = first;
    for (let i = 0; i < 150; i++) last = trainer.step(make());
    expect(first.loss).toBeGreaterThan(0.6);
    expect(last.loss).toBeLessThan(0.05);
    expect(last.accuracy).toBe(1);
  });
});
