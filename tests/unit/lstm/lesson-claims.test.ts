// Every number lesson 3.2 states about the engine and the shipped character model, checked in Node
// on the files the site serves (public/models/charlm).
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  DEFAULT_GATE_TEXT,
  encode,
  generate,
  parseCharModel,
  rankUnits,
  repetitionScore,
  traceGates,
  type CharModelMeta,
} from '../../../src/lib/charlm/index.ts';
import { CHARLM_HELD_OUT, CHARLM_SEED } from '../../../src/lib/charlm/config.ts';
import {
  createStepState,
  evaluate,
  paramCount,
  recurrentParamCount,
  stepModel,
  zeroWeights,
} from '../../../src/lib/ml/lstm/index.ts';
import { createRng } from '../../../src/lib/ml/rng.ts';

const dir = 'public/models/charlm';
const meta = JSON.parse(readFileSync(`${dir}/model.json`, 'utf8')) as CharModelMeta;
const buf = readFileSync(`${dir}/${meta.weightsFile}`);
const shipped = parseCharModel(
  meta,
  buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength),
);
const corpus = readFileSync(`${dir}/corpus.txt`, 'utf8');

describe('lesson 3.2 claims', () => {
  it('one step by the numbers: c = 0.909, h = 0.449 from sums 2, −1, 1, 0.5 and c₋₁ = 0.8', () => {
    const spec = { cell: 'lstm' as const, inputSize: 1, hiddenSize: 1, outputSize: 0 };
    const weights = zeroWeights(spec);
    weights.bias.set([-1, 2, 1, 0.5]); // blocks i, f, c̃, o
    const model = { spec, weights };
    const s = createStepState(model);
    s.cell[0] = 0.8;
    stepModel(model, s, new Float32Array([0]));
    expect(s.gates[1]).toBeCloseTo(0.881, 3);
    expect(s.gates[0]).toBeCloseTo(0.269, 3);
    expect(s.gates[2]).toBeCloseTo(0.762, 3);
    expect(s.gates[3]).toBeCloseTo(0.622, 3);
    expect(s.cell[0]).toBeCloseTo(0.909, 3);
    expect(s.hidden[0]).toBeCloseTo(0.449, 3);
    // With a forget sum of −3 the cell keeps almost nothing: about 0.24.
    weights.bias[1] = -3;
    const r = createStepState(model);
    r.cell[0] = 0.8;
    stepModel(model, r, new Float32Array([0]));
    expect(r.cell[0]).toBeCloseTo(0.24, 2);
  });

  it('parameter counts: 38,400 in the LSTM layer, 43,925 in all; the corpus has 85 characters', () => {
    expect(meta.spec).toMatchObject({
      cell: 'lstm',
      hiddenSize: 64,
      inputSize: 85,
      outputSize: 85,
    });
    expect(recurrentParamCount(meta.spec)).toBe(38_400);
    expect(paramCount(meta.spec)).toBe(43_925);
    expect(new Set(corpus).size).toBe(85);
    expect(corpus.length).toBeGreaterThan(85_000);
    expect(corpus.length).toBeLessThan(90_000);
    expect(meta.training).toMatchObject({
      steps: 3000,
      batchSize: 16,
      seqLength: 48,
      clipNorm: 5,
      seed: CHARLM_SEED,
    });
  });

  it('held-out loss 1.87 nats per character (perplexity 6.5), recomputed from the served files', () => {
    const ids = encode(shipped.vocab, corpus);
    const held = ids.subarray(Math.floor(ids.length * (1 - CHARLM_HELD_OUT)));
    const T = 100;
    const n = Math.floor((held.length - 1) / T);
    const tokens = new Int32Array(n * T);
    const targets = new Int32Array(n * T);
    for (let b = 0; b < n; b++) {
      tokens.set(held.subarray(b * T, b * T + T), b * T);
      targets.set(held.subarray(b * T + 1, b * T + T + 1), b * T);
    }
    const { loss } = evaluate(shipped.model, { batchSize: n, steps: T, tokens, targets });
    expect(loss).toBeCloseTo(meta.training.finalLoss, 3);
    expect(loss.toFixed(2)).toBe('1.87');
    expect(Math.exp(loss).toFixed(1)).toBe('6.5');
  });

  it('temperature 0 loops ("the sigmoid and …"); temperature 1 does not repeat itself', () => {
    const greedy = generate(shipped.model, shipped.vocab, {
      prompt: 'The network ',
      count: 240,
      temperature: 0,
      rng: createRng(1),
    });
    expect(greedy.startsWith('is the step sum a single step the sigmoid and the sigmoid and')).toBe(
      true,
    );
    expect(repetitionScore(greedy)).toBeGreaterThanOrEqual(0.5);
    for (const seed of [CHARLM_SEED + 100, CHARLM_SEED + 101, CHARLM_SEED + 102]) {
      const varied = generate(shipped.model, shipped.vocab, {
        prompt: 'The network ',
        count: 240,
        temperature: 1,
        rng: createRng(seed),
      });
      expect(repetitionScore(varied)).toBeLessThan(0.5);
    }
  });

  it('gate viewer: on its starting text unit 59 follows "inside a formula" at r = 0.97', () => {
    const trace = traceGates(shipped.model, shipped.vocab, DEFAULT_GATE_TEXT);
    const top = rankUnits(trace, 'formula')[0]!;
    expect(top.unit).toBe(59);
    expect(top.score.toFixed(2)).toBe('0.97');
  });
});
