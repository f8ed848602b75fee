// Pure: no DOM. Drives the character model from commands (see protocol.ts): loads the shipped
// model and corpus, trains in time-boxed slices, reports progress and sends a sample every few
// seconds. The worker runs it with setTimeout; tests run it with a fake clock.
import { createRng, type Rng } from '../ml/rng.ts';
import {
  cloneModel,
  createModel,
  createTrainer,
  evaluate,
  paramCount,
  type RecurrentModel,
} from '../ml/lstm/index.ts';
import { createCharBatch, fillCharBatch, type CharBatch } from './batches.ts';
import * as C from './config.ts';
import type { CharEngine } from './engine-choice.ts';
import type { CharModel } from './format.ts';
import type { CharCommand, CharMessage, CharProgress } from './protocol.ts';
import { generate } from './sample.ts';
import { encode } from './vocab.ts';

/**
 * What the runner trains with: the typed-array engine's trainer, or the same model on tfjs on a
 * GPU (the worker builds that one when its probe chose it, engine-probe.ts).
 */
export interface CharTrainer {
  /** Read before every slice of steps. */
  learningRate: number;
  step(batch: CharBatch): { loss: number };
  /** Writes the current weights into the model's arrays (sampling and evaluation read them). */
  sync?(): void;
  dispose?(): void;
}

export interface CharRunnerHost {
  post(m: CharMessage): void;
  /** Runs fn soon (setTimeout 0 in a worker); returns a canceller. */
  schedule(fn: () => void): () => void;
  now(): number;
  /** Fetches corpus text and the shipped model. */
  load(base: string): Promise<{ corpus: string; trained: CharModel }>;
  /** Milliseconds of training per slice (default 30). */
  budgetMs?: number;
  /**
   * Milliseconds between progress messages (default 1000: each one costs the page a frame of
   * layout and paint) and samples (default 3000).
   */
  progressMs?: number;
  sampleMs?: number;
  /** Milliseconds between held-out evaluations while training (default 8000). */
  evalMs?: number;
  /**
   * A trainer for `model` on another engine (tfjs on a GPU), or null for the typed-array engine.
   * Asked whenever training starts on a model that has no trainer yet.
   */
  makeTrainer?(
    model: RecurrentModel,
    learningRate: number,
  ): { trainer: CharTrainer; engine: CharEngine } | null;
}

export interface CharRunner {
  handle(cmd: CharCommand): void;
}

export function createCharRunner(host: CharRunnerHost): CharRunner {
  const budget = host.budgetMs ?? 30;
  const progressMs = host.progressMs ?? 1000;
  const sampleMs = host.sampleMs ?? 3000;
  const evalMs = host.evalMs ?? 8000;
  let loaded: { trained: CharModel; train: Int32Array; held: Int32Array } | null = null;
  let model: RecurrentModel | null = null;
  let trainer: CharTrainer | null = null;
  let engine: CharEngine = 'typed';
  let source: 'trained' | 'scratch' = 'trained';
  let step = 0;
  let loss: number | null = null;
  let heldOutLoss: number | null = null;
  let running = false;
  let cancel: (() => void) | null = null;
  let temperature = 0.6;
  let prompt = 'The ';
  let learningRate = C.CHARLM_LEARNING_RATE;
  let points: [number, number][] = [];
  let restart = true;
  let lastProgress = 0;
  let lastSample = 0;
  let lastEval = 0;
  let rate = { at: 0, chars: 0, value: 0 };
  let sampleCount = 0;
  const batch: CharBatch = createCharBatch(C.CHARLM_BATCH, C.CHARLM_SEQ);
  let batchRng: Rng = createRng(C.CHARLM_SEED + 1);
  let queue: CharCommand[] | null = [];

  const progress = (): void => {
    const m: CharProgress = {
      type: 'progress',
      source,
      running,
      step,
      loss,
      heldOutLoss,
      charsPerSec: rate.value,
      points,
      restart,
      engine,
    };
    points = [];
    restart = false;
    host.post(m);
  };

  const dropTrainer = (): void => {
    trainer?.dispose?.();
    trainer = null;
  };

  const measureHeldOut = (): void => {
    if (!loaded || !model) return;
    trainer?.sync?.();
    const T = 100;
    // The whole held-out tail in windows of 100, as the training script measures it.
    const ids = loaded.held;
    const n = Math.floor((ids.length - 1) / T);
    if (n < 1) return;
    const tokens = new Int32Array(n * T);
    const targets = new Int32Array(n * T);
    for (let b = 0; b < n; b++) {
      tokens.set(ids.subarray(b * T, b * T + T), b * T);
      targets.set(ids.subarray(b * T + 1, b * T + T + 1), b * T);
    }
    heldOutLoss = evaluate(model, { batchSize: n, steps: T, tokens, targets }).loss;
    lastEval = host.now();
  };

  const sample = (count = C.SAMPLE_LENGTH): void => {
    if (!loaded || !model) return;
    trainer?.sync?.();
    const text = generate(model, loaded.trained.vocab, {
      prompt,
      count,
      temperature,
      rng: createRng(C.CHARLM_SEED + 100 + sampleCount++),
    });
    lastSample = host.now();
    host.post({ type: 'sample', text, prompt, temperature, step, source });
  };

  const use = (m: RecurrentModel, from: 'trained' | 'scratch', steps: number): void => {
    stop();
    dropTrainer();
    model = m;
    source = from;
    step = steps;
    loss = null;
    restart = true;
    points = [];
    batchRng = createRng(C.CHARLM_SEED + 1 + steps);
    measureHeldOut();
    if (heldOutLoss !== null) points.push([step, heldOutLoss]);
    progress();
    sample();
  };

  const stop = (): void => {
    running = false;
    cancel?.();
    cancel = null;
  };

  const tick = (): void => {
    cancel = null;
    if (!running || !loaded || !model) return;
    if (!trainer) {
      const other = host.makeTrainer?.(model, learningRate) ?? null;
      engine = other ? other.engine : 'typed';
      trainer =
        other?.trainer ??
        createTrainer({
          spec: model.spec,
          seed: 0,
          model,
          learningRate,
          clipNorm: C.CHARLM_CLIP,
        });
    }
    trainer.learningRate = learningRate;
    const start = host.now();
    let chars = 0;
    do {
      const r = trainer.step(fillCharBatch(batch, loaded.train, batchRng));
      step++;
      chars += batch.batchSize * batch.steps;
      loss = loss === null ? r.loss : 0.95 * loss + 0.05 * r.loss;
      if (!Number.isFinite(r.loss)) {
        running = false;
        host.post({ type: 'error', message: 'Training diverged (the loss is not a number).' });
        break;
      }
      if (step % 5 === 0) points.push([step, loss]);
    } while (host.now() - start < budget);
    const now = host.now();
    rate.chars += chars;
    if (now - rate.at >= 1000) {
      rate = { at: now, chars: 0, value: Math.round((rate.chars * 1000) / (now - rate.at)) };
    }
    if (now - lastEval >= evalMs) measureHeldOut();
    if (now - lastSample >= sampleMs) sample();
    if (now - lastProgress >= progressMs || !running) {
      lastProgress = now;
      progress();
    }
    if (running) cancel = host.schedule(tick);
  };

  const handle = (cmd: CharCommand): void => {
    if (cmd.type === 'init') {
      temperature = cmd.temperature;
      prompt = cmd.prompt;
      host.load(cmd.base).then(
        ({ corpus, trained }) => {
          const ids = encode(trained.vocab, corpus);
          const split = Math.floor(ids.length * (1 - C.CHARLM_HELD_OUT));
          loaded = { trained, train: ids.subarray(0, split), held: ids.subarray(split) };
          host.post({
            type: 'ready',
            vocabSize: trained.vocab.chars.length,
            hiddenSize: trained.model.spec.hiddenSize,
            params: paramCount(trained.model.spec),
            corpusChars: corpus.length,
            trainedSteps: trained.meta.training.steps,
            trainedLoss: trained.meta.training.finalLoss,
          });
          use(cloneModel(trained.model), 'trained', trained.meta.training.steps);
          const pending = queue ?? [];
          queue = null;
          for (const c of pending) handle(c);
        },
        (e: unknown) => {
          host.post({
            type: 'error',
            message: e instanceof Error ? e.message : 'The trained model could not be loaded.',
          });
        },
      );
      return;
    }
    if (queue) {
      queue.push(cmd);
      return;
    }
    switch (cmd.type) {
      case 'load-trained':
        if (loaded)
          use(cloneModel(loaded.trained.model), 'trained', loaded.trained.meta.training.steps);
        break;
      case 'scratch':
        if (loaded) use(createModel(loaded.trained.model.spec, createRng(cmd.seed)), 'scratch', 0);
        break;
      case 'play':
        if (running || !model) break;
        running = true;
        rate = { at: host.now(), chars: 0, value: rate.value };
        lastSample = host.now();
        lastEval = host.now();
        progress();
        cancel = host.schedule(tick);
        break;
      case 'pause':
        if (!running) break;
        stop();
        progress();
        break;
      case 'set':
        if (cmd.temperature !== undefined) temperature = Math.max(0, Math.min(3, cmd.temperature));
        if (cmd.prompt !== undefined) prompt = cmd.prompt.slice(0, 200);
        if (cmd.learningRate !== undefined && cmd.learningRate > 0) learningRate = cmd.learningRate;
        break;
      case 'sample':
        sample(cmd.count);
        break;
      case 'dispose':
        stop();
        dropTrainer();
        model = null;
        loaded = null;
        break;
    }
  };
  return { handle };
}
