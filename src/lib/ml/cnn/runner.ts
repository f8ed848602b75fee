// Pure: no DOM. The CNN worker's logic, testable in Node: handles ToCnnWorker messages, trains in
// time slices and yields between them (so pause and settings get through), reports progress, and
// optionally splits every batch with a helper worker over a MessagePort (two cores, two halves).
import type { DigitsSet } from '../../data/digits-format.ts';
import {
  flatten,
  unflattenInto,
  type CnnInit,
  type FromCnnWorker,
  type GradReply,
  type GradRequest,
  type ToCnnWorker,
} from './protocol.ts';
import { createCnnTrainer, type CnnTrainer } from './trainer.ts';

/** The parts of a MessagePort the runner uses (MessagePort in browsers and Node). */
export interface PortLike {
  postMessage(msg: unknown, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent) => void) | null;
  close?(): void;
}

export interface CnnRunnerHost {
  post(msg: FromCnnWorker, transfer?: Transferable[]): void;
  loadDigits(url: string): Promise<DigitsSet>;
  now?: () => number;
  /** Runs fn after the current task (setTimeout 0). */
  later?: (fn: () => void) => void;
  /** Length of one training slice, ms (default 25). */
  sliceMs?: number;
}

export interface CnnRunner {
  handle(msg: ToCnnWorker): Promise<void>;
}

export function createCnnRunner(host: CnnRunnerHost): CnnRunner {
  const now = host.now ?? (() => performance.now());
  const later = host.later ?? ((fn) => setTimeout(fn, 0));
  const sliceMs = host.sliceMs ?? 25;
  let trainer: CnnTrainer | undefined;
  let helper: PortLike | undefined;
  let playing = false;
  let budgetMs = Infinity;
  let untilAccuracy = Infinity;
  let evalEveryMs = 1000;
  let trainMs = 0;
  let lastEvalAt = 0;
  let lastAccuracy: number | null = null;
  let sinceLoss = 0;
  let sinceSteps = 0;
  // Recent (time, examples) samples over the last second, for the examples/s readout.
  let rateWindow: { t: number; examples: number }[] = [];
  let nextId = 0;
  const waiting = new Map<number, (r: GradReply) => void>();

  const fail = (e: unknown) =>
    host.post({ type: 'error', message: e instanceof Error ? e.message : String(e) });

  /** One batch, split in two when a helper is connected. */
  const step = async (t: CnnTrainer): Promise<number> => {
    if (!helper) return t.step().loss;
    const idx = t.nextBatch();
    const half = idx.length >> 1;
    const req: GradRequest = {
      id: nextId++,
      params: flatten(t.paramArrays),
      indices: idx.slice(half),
      scaleBy: t.batchSize,
    };
    const reply = new Promise<GradReply>((resolve) => waiting.set(req.id, resolve));
    helper.postMessage(req, [req.params.buffer, req.indices.buffer]);
    const local = t.gradients(idx.subarray(0, half), t.batchSize);
    const remote = await reply;
    let o = 0;
    for (const g of local.grads) {
      for (let i = 0; i < g.length; i++) g[i]! += remote.grads[o + i]!;
      o += g.length;
    }
    t.apply(local.grads);
    return (local.loss * half + remote.loss * (idx.length - half)) / idx.length;
  };

  const progress = (t: CnnTrainer, evaluated: boolean) => {
    const first = rateWindow[0];
    const last = rateWindow[rateWindow.length - 1];
    const rate =
      first && last && last.t > first.t
        ? ((last.examples - first.examples) * 1000) / (last.t - first.t)
        : 0;
    host.post({
      type: 'progress',
      steps: t.steps,
      examples: t.examplesSeen,
      epoch: t.epoch,
      loss: sinceSteps ? sinceLoss / sinceSteps : NaN,
      examplesPerSec: rate,
      trainMs,
      testAccuracy: evaluated ? lastAccuracy : null,
      playing,
    });
    sinceLoss = 0;
    sinceSteps = 0;
  };

  const slice = async () => {
    const t = trainer;
    if (!t || !playing) return;
    try {
      const t0 = now();
      do {
        sinceLoss += await step(t);
        sinceSteps++;
      } while (now() - t0 < sliceMs && trainMs + now() - t0 < budgetMs);
      trainMs += now() - t0;
      rateWindow.push({ t: trainMs, examples: t.examplesSeen });
      while (rateWindow.length > 2 && rateWindow[0]!.t < trainMs - 1000) rateWindow.shift();
      let evaluated = false;
      if (evalEveryMs > 0 && trainMs - lastEvalAt >= evalEveryMs) {
        lastEvalAt = trainMs;
        lastAccuracy = t.evaluate().accuracy;
        evaluated = true;
      }
      if (trainMs >= budgetMs || (lastAccuracy ?? 0) >= untilAccuracy) playing = false;
      progress(t, evaluated);
      if (playing) later(() => void slice());
    } catch (e) {
      playing = false;
      fail(e);
    }
  };

  const init = async (msg: CnnInit) => {
    playing = false;
    const data = await host.loadDigits(msg.dataUrl);
    trainer = createCnnTrainer({
      data,
      ...(msg.spec ? { spec: msg.spec } : {}),
      ...(msg.seed !== undefined ? { seed: msg.seed } : {}),
      ...(msg.learningRate !== undefined ? { learningRate: msg.learningRate } : {}),
      ...(msg.batchSize !== undefined ? { batchSize: msg.batchSize } : {}),
      ...(msg.optimizer ? { optimizer: msg.optimizer } : {}),
      ...(msg.classes ? { classes: msg.classes } : {}),
      ...(msg.weights ? { weights: msg.weights } : {}),
    });
    helper?.close?.();
    helper = msg.helper;
    if (helper) {
      helper.onmessage = (e: MessageEvent) => {
        const r = e.data as GradReply;
        waiting.get(r.id)?.(r);
        waiting.delete(r.id);
      };
    }
    evalEveryMs = msg.evalEveryMs ?? 1000;
    trainMs = 0;
    lastEvalAt = 0;
    lastAccuracy = null;
    rateWindow = [];
    host.post({
      type: 'ready',
      trainSize: trainer.trainSize,
      testSize: data.test.count,
      workers: helper ? 2 : 1,
    });
  };

  /** Helper role: answers gradient requests on `port` with its own copy of the data. */
  const serveHelper = async (msg: Extract<ToCnnWorker, { type: 'helper' }>) => {
    const data = await host.loadDigits(msg.dataUrl);
    const t = createCnnTrainer({ data, ...(msg.spec ? { spec: msg.spec } : {}) });
    const port = msg.port as PortLike;
    port.onmessage = (e: MessageEvent) => {
      const req = e.data as GradRequest;
      unflattenInto(req.params, t.paramArrays);
      const r = t.gradients(req.indices, req.scaleBy);
      const reply: GradReply = {
        id: req.id,
        grads: flatten(r.grads),
        loss: r.loss,
        correct: r.correct,
      };
      port.postMessage(reply, [reply.grads.buffer]);
    };
    host.post({ type: 'ready', trainSize: t.trainSize, testSize: data.test.count, workers: 1 });
  };

  return {
    async handle(msg) {
      try {
        switch (msg.type) {
          case 'init':
            return await init(msg);
          case 'helper':
            return await serveHelper(msg);
          case 'play':
            if (!trainer)
              throw new Error('The CNN worker was asked to train before it was set up.');
            budgetMs = msg.ms !== undefined ? trainMs + msg.ms : Infinity;
            untilAccuracy = msg.untilAccuracy ?? Infinity;
            if (!playing) {
              playing = true;
              later(() => void slice());
            }
            return;
          case 'pause':
            playing = false;
            return;
          case 'set':
            if (trainer) trainer.learningRate = msg.learningRate;
            return;
          case 'evaluate': {
            if (!trainer) return;
            const ev = trainer.evaluate(msg.limit !== undefined ? { limit: msg.limit } : {});
            host.post({
              type: 'evaluation',
              accuracy: ev.accuracy,
              loss: ev.loss,
              count: ev.count,
              confusion: ev.confusion,
              trainMs,
              examples: trainer.examplesSeen,
            });
            return;
          }
          case 'getWeights':
            if (trainer) host.post({ type: 'weights', weights: trainer.weights() });
            return;
          case 'setWeights':
            trainer?.setWeights(msg.weights);
            return;
        }
      } catch (e) {
        fail(e);
      }
    },
  };
}
