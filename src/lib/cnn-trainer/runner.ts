// Pure: no DOM. The CNN trainer's training loop: time-budgeted slices of batches, progress at most
// every PROGRESS_MS, first-layer kernels at most every KERNELS_MS, and an evaluation on the 2,000
// test digits every EVAL_MS of training. The worker runs it; tests drive it with a fake host.
import type { DigitsSet } from '../data/digits-format.ts';
import { createRng, permutation } from '../ml/rng.ts';
import type { GradReply, GradRequest } from '../ml/cnn/protocol.ts';
import type { PortLike } from '../ml/cnn/runner.ts';
import { predictedClasses, type DigitModel, type ModelKind, type SplitTraining } from './model.ts';
import { toFloat, type Run } from './run.ts';
import type { FromRunner, Progress, RunSettings, ToRunner } from './protocol.ts';

export const PROGRESS_MS = 200;
export const KERNELS_MS = 500;
export const EVAL_MS = 1000;
/** A batch's mean cross-entropy above this (or NaN) stops training as diverged. */
export const DIVERGED_LOSS = 25;
const PIXELS = 784;

export interface RunnerHost {
  post(message: FromRunner, transfer?: Transferable[]): void;
  now(): number;
  /** Schedules the next slice (setTimeout 0 in a worker). Returns a canceller. */
  later(fn: () => void): () => void;
  loadData(url: string): Promise<DigitsSet>;
  createModel(kind: ModelKind, seed: number): Promise<DigitModel>;
  /** The shipped trained CNN's weights (named as the CNN model's getWeights()). */
  loadTrained(url: string): Promise<Record<string, Float32Array>>;
}

export interface Runner {
  handle(message: ToRunner): Promise<void>;
}

/** Creates the runner. `sliceMs`: training per slice before yielding (worker ~25 ms). */
export function createRunner(host: RunnerHost, sliceMs = 25): Runner {
  let run: Run | undefined;
  let runId = 0;
  let playing = false;
  let cancel: (() => void) | undefined;
  let lastProgress = -Infinity;
  let lastKernels = -Infinity;
  let sinceEval = 0;
  let evalCost = 0;
  let helper: PortLike | undefined;
  /** The slice being trained (it may be waiting for the helper): finish it before changing the model. */
  let inflight: Promise<void> = Promise.resolve();
  let nextId = 0;
  const waiting = new Map<number, (r: GradReply) => void>();
  let meterTime = 0;
  let meterExamples = 0;
  let rate = 0;
  const dataCache = new Map<string, Promise<DigitsSet>>();
  const floats = new WeakMap<Uint8Array, Float32Array>();
  const asFloat = (b: Uint8Array) => {
    let f = floats.get(b);
    if (!f) floats.set(b, (f = toFloat(b)));
    return f;
  };

  const progress = (r: Run): Progress => ({
    run: r.id,
    kind: r.settings.kind,
    playing,
    batch: r.batch,
    epoch: r.examples / r.data.train.count,
    examples: r.examples,
    seconds: r.seconds,
    trainLoss: r.trainLoss,
    testAccuracy: r.testAccuracy,
    evaluatedAt: r.evaluatedAt,
    examplesPerSecond: playing ? rate : 0,
    learningRate: r.settings.learningRate,
    backend: r.model.backend,
    paramCount: r.model.paramCount,
    trained: r.trained,
    diverged: r.diverged,
  });
  const postProgress = (r: Run) => {
    lastProgress = host.now();
    host.post({ type: 'progress', progress: progress(r) });
  };
  const postKernels = (r: Run) => {
    lastKernels = host.now();
    const kernels = r.model.kernels();
    host.post({ type: 'kernels', run: r.id, kernels }, [kernels.values.buffer]);
  };
  const evaluate = (r: Run) => {
    const n = r.data.test.count;
    const predicted = new Uint8Array(n);
    let right = 0;
    for (let s = 0; s < n; s += 500) {
      const c = Math.min(500, n - s);
      const probs = r.model.predict(r.testX.subarray(s * PIXELS, (s + c) * PIXELS), c);
      predicted.set(predictedClasses(probs, c), s);
    }
    for (let i = 0; i < n; i++) if (predicted[i] === r.data.test.labels[i]) right++;
    r.testAccuracy = n ? right / n : 0;
    r.evaluatedAt = r.batch;
    sinceEval = 0;
    host.post(
      {
        type: 'evaluation',
        evaluation: {
          run: r.id,
          batch: r.batch,
          epoch: r.examples / r.data.train.count,
          trained: r.trained,
          playing,
          accuracy: r.testAccuracy,
          predicted,
        },
      },
      [predicted.buffer],
    );
  };
  /** One batch, its second half computed by the helper worker when one is connected. */
  const splitStep = async (r: Run, split: SplitTraining, port: PortLike): Promise<number> => {
    const size = r.settings.batchSize;
    const half = size >> 1;
    const req: GradRequest = {
      id: nextId++,
      params: split.flatParams(),
      indices: r.batchIdx.slice(half, size),
      scaleBy: size,
    };
    const reply = new Promise<GradReply>((resolve) => waiting.set(req.id, resolve));
    port.postMessage(req, [req.params.buffer, req.indices.buffer]);
    const local = split.gradients(r.batchX, r.batchY, half, size);
    const remote = await reply;
    split.apply(local.grads, remote.grads, r.settings.learningRate);
    return (local.loss * half + remote.loss * (size - half)) / size;
  };
  const trainOne = async (r: Run): Promise<boolean> => {
    const size = r.settings.batchSize;
    const count = r.data.train.count;
    for (let i = 0; i < size; i++) {
      if (r.cursor >= count) {
        r.order = permutation(count, r.rng);
        r.cursor = 0;
      }
      const k = r.order[r.cursor++]!;
      r.batchIdx[i] = k;
      r.batchX.set(r.trainX.subarray(k * PIXELS, (k + 1) * PIXELS), i * PIXELS);
      r.batchY[i] = r.data.train.labels[k]!;
    }
    const split = helper && size >= 2 ? r.model.split : undefined;
    const loss = split
      ? await splitStep(r, split, helper!)
      : r.model.trainBatch(r.batchX, r.batchY, size, r.settings.learningRate);
    r.batch++;
    r.examples += size;
    // Chance is ln 10 ≈ 2.3; a mean above DIVERGED_LOSS means confidently wrong nearly everywhere.
    if (!Number.isFinite(loss) || loss > DIVERGED_LOSS) {
      r.diverged = true;
      r.trainLoss = loss;
      return false;
    }
    // Mean of the batches since the last progress message (what the reader sees as "now").
    r.lossSum += loss;
    r.lossCount++;
    return true;
  };
  const flushLoss = (r: Run) => {
    if (r.lossCount) r.trainLoss = r.lossSum / r.lossCount;
    r.lossSum = 0;
    r.lossCount = 0;
  };
  const stop = () => {
    playing = false;
    cancel?.();
    cancel = undefined;
  };
  const slice = async () => {
    cancel = undefined;
    const r = run;
    if (!playing || !r) return;
    const start = host.now();
    let ok = true;
    while (ok && playing && host.now() - start < sliceMs && run === r) ok = await trainOne(r);
    if (run !== r || !playing) return;
    const now = host.now();
    // Seconds and examples/s count training time only (evaluation excluded).
    const spent = now - start;
    r.seconds += spent / 1000;
    sinceEval += spent;
    meterTime += spent;
    if (meterTime >= 1000 || (rate === 0 && meterTime >= 200)) {
      rate = ((r.examples - meterExamples) * 1000) / Math.max(1, meterTime);
      meterTime = 0;
      meterExamples = r.examples;
    }
    if (!ok) {
      stop();
      flushLoss(r);
      postProgress(r);
      return;
    }
    // Evaluate about once a second of training, but never spend more than a quarter of the
    // time on it (2,000 forward passes can take a while on a slow device).
    if (sinceEval >= Math.max(EVAL_MS, 3 * evalCost)) {
      const t0 = host.now();
      evaluate(r);
      evalCost = host.now() - t0;
    }
    if (now - lastKernels >= KERNELS_MS) postKernels(r);
    if (host.now() - lastProgress >= PROGRESS_MS) {
      flushLoss(r);
      postProgress(r);
    }
    cancel = host.later(() => {
      inflight = slice();
    });
  };
  const data = (url: string) => {
    let p = dataCache.get(url);
    if (!p) {
      p = host.loadData(url);
      dataCache.set(url, p);
      p.catch(() => dataCache.delete(url));
    }
    return p;
  };

  const init = async (id: number, settings: RunSettings) => {
    stop();
    await inflight;
    run?.model.dispose();
    run = undefined;
    runId = id;
    const set = await data(settings.dataUrl);
    const model = await host.createModel(settings.kind, settings.seed);
    if (runId !== id) {
      model.dispose();
      return;
    }
    const rng = createRng(settings.seed ^ 0x68e31da4);
    run = {
      id,
      settings,
      model,
      data: set,
      trainX: asFloat(set.train.images),
      testX: asFloat(set.test.images),
      rng,
      order: permutation(set.train.count, rng),
      cursor: 0,
      batch: 0,
      examples: 0,
      seconds: 0,
      lossSum: 0,
      lossCount: 0,
      trainLoss: NaN,
      testAccuracy: null,
      evaluatedAt: 0,
      trained: false,
      diverged: false,
      batchX: new Float32Array(settings.batchSize * PIXELS),
      batchY: new Uint8Array(settings.batchSize),
      batchIdx: new Uint32Array(settings.batchSize),
    };
    rate = 0;
    host.post({
      type: 'ready',
      run: id,
      testLabels: set.test.labels.slice(),
      testImages: set.test.images.slice(),
      trainCount: set.train.count,
    });
    evaluate(run);
    postKernels(run);
    postProgress(run);
  };

  return {
    async handle(msg) {
      try {
        switch (msg.type) {
          case 'init':
            await init(msg.run, msg.settings);
            return;
          case 'play':
            if (!run || playing || run.diverged) return;
            playing = true;
            rate = 0;
            meterTime = 0;
            meterExamples = run.examples;
            postProgress(run);
            cancel = host.later(() => {
              inflight = slice();
            });
            return;
          case 'pause':
            stop();
            await inflight;
            if (run) {
              flushLoss(run);
              evaluate(run);
              postKernels(run);
              postProgress(run);
            }
            return;
          case 'step': {
            stop();
            await inflight;
            const r = run;
            if (!r || r.diverged) return;
            for (let b = 0; b < msg.batches && (await trainOne(r)); b++);
            flushLoss(r);
            evaluate(r);
            postKernels(r);
            postProgress(r);
            return;
          }
          case 'set-lr':
            if (run) {
              run.settings = { ...run.settings, learningRate: msg.learningRate };
              postProgress(run);
            }
            return;
          case 'load-trained': {
            stop();
            await inflight;
            const r = run;
            if (!r || r.settings.kind !== 'cnn') return;
            const weights = await host.loadTrained(r.settings.modelUrl);
            if (run !== r) return;
            r.model.setWeights(weights);
            Object.assign(r, { trained: true, diverged: false, trainLoss: NaN });
            evaluate(r);
            postKernels(r);
            postProgress(r);
            return;
          }
          case 'activations': {
            const r = run;
            if (!r) return;
            const image =
              msg.image ??
              r.testX.slice((msg.index ?? 0) * PIXELS, ((msg.index ?? 0) + 1) * PIXELS);
            const layers = r.model.activations(image);
            host.post(
              { type: 'activations', id: msg.id, layers },
              layers.map((l) => l.values.buffer),
            );
            return;
          }
          case 'classify': {
            const r = run;
            if (!r) return;
            const probabilities = r.model.predict(msg.images, msg.count);
            host.post({ type: 'classified', id: msg.id, probabilities }, [probabilities.buffer]);
            return;
          }
          case 'helper':
            helper = msg.port;
            helper.onmessage = (e: MessageEvent) => {
              const reply = e.data as GradReply;
              waiting.get(reply.id)?.(reply);
              waiting.delete(reply.id);
            };
            return;
          case 'dispose':
            stop();
            run?.model.dispose();
            run = undefined;
            return;
        }
      } catch (err) {
        stop();
        host.post({
          type: 'error',
          run: runId,
          message: err instanceof Error ? err.message : String(err),
        });
      }
    },
  };
}
