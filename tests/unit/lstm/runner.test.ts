// The character model's worker logic with a fake host: loading posts ready, progress and a
// sample; play trains in slices; "from scratch" restarts at step 0; greedy samples are identical.
import { describe, it, expect } from 'vitest';
import {
  createCharRunner,
  type CharRunnerHost,
  type CharTrainer,
} from '../../../src/lib/charlm/runner.ts';
import type { CharMessage } from '../../../src/lib/charlm/protocol.ts';
import { CHARLM_FORMAT, vocabFromText, type CharModel } from '../../../src/lib/charlm/index.ts';
import { createModel } from '../../../src/lib/ml/lstm/index.ts';
import { createRng } from '../../../src/lib/ml/rng.ts';

const corpus = 'the cat sat on the mat. the dog sat on the log.\n'.repeat(40);

function host(extra: Partial<CharRunnerHost> = {}) {
  const vocab = vocabFromText(corpus);
  const V = vocab.chars.length;
  const spec = { cell: 'lstm' as const, inputSize: V, hiddenSize: 8, outputSize: V };
  const trained: CharModel = {
    model: createModel(spec, createRng(1)),
    vocab,
    meta: {
      format: CHARLM_FORMAT,
      spec,
      vocab: [...vocab.chars],
      training: {
        seed: 1,
        steps: 77,
        batchSize: 1,
        seqLength: 1,
        learningRate: 0,
        clipNorm: 0,
        corpusChars: 0,
        finalLoss: 3,
      },
      weightsFile: 'weights.bin',
    },
  };
  const messages: CharMessage[] = [];
  const tasks: Array<() => void> = [];
  let clock = 0;
  const runner = createCharRunner({
    post: (m) => messages.push(m),
    schedule: (fn) => {
      tasks.push(fn);
      return () => tasks.splice(tasks.indexOf(fn), 1);
    },
    now: () => (clock += 5),
    load: () => Promise.resolve({ corpus, trained }),
    budgetMs: 20,
    sampleMs: 50,
    progressMs: 10,
    ...extra,
  });
  const run = (n: number) => {
    for (let i = 0; i < n && tasks.length; i++) tasks.shift()!();
  };
  return { runner, messages, run };
}

const last = <T extends CharMessage['type']>(ms: CharMessage[], type: T) =>
  ms.filter((m): m is Extract<CharMessage, { type: T }> => m.type === type).at(-1);

describe('char runner', () => {
  it('loads, trains, restarts from scratch and samples greedily', async () => {
    const { runner, messages, run } = host();
    runner.handle({ type: 'init', base: '/', temperature: 0, prompt: 'the ' });
    runner.handle({ type: 'play' }); // queued until loaded
    await Promise.resolve();
    await Promise.resolve();
    expect(last(messages, 'ready')?.trainedSteps).toBe(77);
    expect(last(messages, 'sample')?.source).toBe('trained');
    run(8);
    const p = last(messages, 'progress')!;
    expect(p.running).toBe(true);
    expect(p.step).toBeGreaterThan(77);
    runner.handle({ type: 'pause' });
    expect(last(messages, 'progress')!.running).toBe(false);

    runner.handle({ type: 'scratch', seed: 3 });
    const s = last(messages, 'progress')!;
    expect(s).toMatchObject({ source: 'scratch', step: 0, restart: true, running: false });

    runner.handle({ type: 'set', temperature: 0 });
    runner.handle({ type: 'sample' });
    runner.handle({ type: 'sample' });
    const samples = messages.filter((m) => m.type === 'sample');
    const [a, b] = samples.slice(-2);
    expect(a!.text).toBe(b!.text);
    expect(a!.text.length).toBe(240);
    runner.handle({ type: 'set', temperature: 1 });
    runner.handle({ type: 'sample' });
    const c = last(messages, 'sample')!;
    expect(c.temperature).toBe(1);
  });

  it('trains on the typed-array engine unless the host offers another (the probe chose a GPU)', async () => {
    const plain = host();
    plain.runner.handle({ type: 'init', base: '/', temperature: 0, prompt: 'the ' });
    plain.runner.handle({ type: 'play' });
    await Promise.resolve();
    await Promise.resolve();
    plain.run(3);
    expect(last(plain.messages, 'progress')!.engine).toBe('typed');

    // A stand-in for tfjs on WebGL: counts steps, and on sync writes a marker weight that the
    // next sample's model must carry.
    const calls = { steps: 0, syncs: 0, disposed: 0, lr: [] as number[] };
    let modelSeen: Parameters<NonNullable<CharRunnerHost['makeTrainer']>>[0] | null = null;
    const gpu = host({
      makeTrainer: (model, learningRate) => {
        modelSeen = model;
        const t: CharTrainer = {
          learningRate,
          step: () => {
            calls.steps++;
            calls.lr.push(t.learningRate);
            return { loss: 2 };
          },
          sync: () => {
            calls.syncs++;
          },
          dispose: () => {
            calls.disposed++;
          },
        };
        return { trainer: t, engine: 'webgl' };
      },
    });
    gpu.runner.handle({ type: 'init', base: '/', temperature: 0, prompt: 'the ' });
    gpu.runner.handle({ type: 'set', learningRate: 0.002 });
    gpu.runner.handle({ type: 'play' });
    await Promise.resolve();
    await Promise.resolve();
    gpu.run(8);
    const p = last(gpu.messages, 'progress')!;
    expect(p.engine).toBe('webgl');
    expect(p.loss).toBeCloseTo(2, 6);
    expect(calls.steps).toBeGreaterThan(0);
    expect(calls.lr.every((v) => v === 0.002)).toBe(true);
    expect(modelSeen).not.toBeNull();
    gpu.runner.handle({ type: 'pause' });
    const syncsBefore = calls.syncs;
    gpu.runner.handle({ type: 'sample' });
    expect(calls.syncs).toBe(syncsBefore + 1);
    // A new model drops the old trainer.
    gpu.runner.handle({ type: 'scratch', seed: 2 });
    expect(calls.disposed).toBe(1);
  });
});
