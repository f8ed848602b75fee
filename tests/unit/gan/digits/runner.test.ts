// The digits GAN's worker loop in Node with the real engine, classifier and shipped generator:
// init judges the untrained generator, play trains in slices and posts snapshots, pause stops,
// load-trained swaps in the shipped weights, and messages of an old run are tagged as such.
import { describe, it, expect } from 'vitest';
import { buildDigitsSet } from '../../../../scripts/data/digits.mjs';
import { shrinkDigits } from '../../../../src/lib/gan/digits/image.ts';
import type { DigitsSnapshot, FromDigitsRunner } from '../../../../src/lib/gan/digits/protocol.ts';
import {
  createDigitsRunner,
  type DigitsRunnerHost,
} from '../../../../src/lib/gan/digits/runner.ts';
import { createTfDigitsSession } from '../../../../src/lib/gan/digits/tf-session.ts';
import * as tf from '@tensorflow/tfjs';
import { readClassifier, readShippedGan } from './fixtures.ts';

const data = buildDigitsSet();

/** A runner on the real data, classifier and shipped generator, posting into `posted`. */
function makeRunner(posted: FromDigitsRunner[], makeSession?: DigitsRunnerHost['makeSession']) {
  return createDigitsRunner(
    {
      post: (m) => posted.push(m),
      now: () => performance.now(),
      later: (fn) => {
        const t = setTimeout(fn, 0);
        return () => clearTimeout(t);
      },
      loadData: () =>
        Promise.resolve({
          images: shrinkDigits(data.train.images, data.train.count),
          count: data.train.count,
          labels: data.train.labels,
        }),
      loadClassifier: () => Promise.resolve(readClassifier()),
      loadTrained: () => {
        const { meta, weights } = readShippedGan();
        return Promise.resolve({ weights, iterations: meta.training.iterations });
      },
      ...(makeSession ? { makeSession } : {}),
    },
    { sliceMs: 10 },
  );
}

/** The worker's message flow; `minIterations` trained in 2.5 s (tfjs-cpu is far slower). */
async function flow(
  minIterations: number,
  makeSession?: DigitsRunnerHost['makeSession'],
): Promise<DigitsSnapshot[]> {
  const posted: FromDigitsRunner[] = [];
  const runner = makeRunner(posted, makeSession);
  const snaps = () =>
    posted.flatMap<DigitsSnapshot>((m) => (m.type === 'snapshot' ? [m.snapshot] : []));
  await runner.handle({ type: 'init', run: 1, seed: 1 });
  const first = snaps().at(-1)!;
  expect(first.iteration).toBe(0);
  expect(first.conditional).toBe(true);
  expect(first.quality!.agreement).not.toBeNull();
  expect(first.quality!.coverage).toBe(1);
  expect(first.generator).toHaveLength(4);
  await runner.handle({ type: 'play' });
  await new Promise((r) => setTimeout(r, 2500));
  await runner.handle({ type: 'pause' });
  const paused = snaps().at(-1)!;
  expect(paused.playing).toBe(false);
  expect(paused.iteration).toBeGreaterThanOrEqual(minIterations);
  expect(paused.seconds).toBeGreaterThan(1);
  expect(paused.quality!.iteration).toBe(paused.iteration);
  const n = posted.length;
  await new Promise((r) => setTimeout(r, 100));
  expect(posted.length).toBe(n); // nothing more while paused
  await runner.handle({ type: 'load-trained', run: 2 });
  const loaded = snaps().at(-1)!;
  expect(loaded.run).toBe(2);
  expect(loaded.source).toBe('trained');
  expect(loaded.quality!.coverage).toBeGreaterThanOrEqual(8);
  expect(posted.some((m) => m.type === 'error')).toBe(false);
  await runner.handle({ type: 'dispose' });
  return snaps();
}

describe('digits GAN runner', () => {
  it('init, play, pause, load-trained on the typed-array engine', async () => {
    const snaps = await flow(10);
    expect(snaps.every((s) => s.engine === 'typed')).toBe(true);
  }, 60_000);

  it('the same on a session the host supplies (tfjs, as after a GPU probe); tensors freed', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    let made = 0;
    const snaps = await flow(1, (opts) => {
      made++;
      return { session: createTfDigitsSession(tf, opts), engine: 'webgl' };
    });
    expect(made).toBe(1);
    expect(snaps.every((s) => s.engine === 'webgl')).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('without labels: the same networks, no agreement; loading the shipped generator restores them', async () => {
    const posted: FromDigitsRunner[] = [];
    const runner = makeRunner(posted);
    const last = () =>
      posted.flatMap<DigitsSnapshot>((m) => (m.type === 'snapshot' ? [m.snapshot] : [])).at(-1)!;
    await runner.handle({ type: 'init', run: 1, seed: 1, conditional: false });
    expect(last().conditional).toBe(false);
    expect(runner.session!.spec.classes).toBe(0);
    expect(last().quality!.agreement).toBeNull();
    await runner.handle({ type: 'play' });
    await new Promise((r) => setTimeout(r, 500));
    await runner.handle({ type: 'pause' });
    expect(last().iteration).toBeGreaterThan(0);
    await runner.handle({ type: 'load-trained', run: 2 });
    expect(last().conditional).toBe(true);
    expect(last().source).toBe('trained');
    expect(runner.session!.spec.classes).toBe(10);
    expect(last().quality!.agreement!).toBeGreaterThan(0.9);
    expect(posted.some((m) => m.type === 'error')).toBe(false);
    await runner.handle({ type: 'dispose' });
  }, 60_000);
});
