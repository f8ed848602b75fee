// Pure: no DOM. The digits GAN's training loop around a DigitsSession: time-budgeted slices of
// iterations, a classifier reading of the 256 fixed-noise samples every QUALITY_EVERY_S seconds of
// training (and on pause and load), and snapshots at most every SNAPSHOT_MS. Data, classifier and
// shipped weights come from injected loaders; clock and timers are injected too, so tests drive
// it in Node with the real engine.
import type { CnnSpec, CnnWeights } from '../../ml/cnn/spec.ts';
import type { GpuEngine } from '../../ml/gpu-engine.ts';
import { toSeed } from '../../ml/rng.ts';
import { fixedInputs, fixedLabels, GRID_SAMPLES } from './fixed.ts';
import { runSpec } from './model.ts';
import { enlargeImages } from './image.ts';
import {
  meetsTarget,
  type DigitsSnapshot,
  type FromDigitsRunner,
  type QualityReading,
  type ToDigitsRunner,
} from './protocol.ts';
import { judgeDigits, QUALITY_SAMPLES } from './quality.ts';
import {
  createDigitsSession,
  type DigitsGanWeights,
  type DigitsSession,
  type DigitsSessionOptions,
} from './session.ts';

export const SNAPSHOT_MS = 250;
/** Seconds of training between classifier readings. */
export const QUALITY_EVERY_S = 2;
/** Generator weight averaging used for every sample the widget shows (see session.ts). */
export const EMA_DECAY = 0.999;

export interface DigitsRunnerHost {
  post(message: FromDigitsRunner, transfer: Transferable[]): void;
  now(): number;
  later(fn: () => void): () => void;
  /** Training digits shrunk to 14×14 (image.ts), with their labels. */
  loadData(): Promise<{ images: Float32Array; count: number; labels: Uint8Array }>;
  loadClassifier(): Promise<{ spec: CnnSpec; weights: CnnWeights }>;
  loadTrained(): Promise<{ weights: DigitsGanWeights; iterations: number }>;
  /**
   * A session on another engine (tfjs on a GPU, when the worker's probe chose it), or null for
   * the typed-array engine. Asked at every new run.
   */
  makeSession?(opts: DigitsSessionOptions): { session: DigitsSession; engine: GpuEngine } | null;
}

export interface DigitsRunner {
  handle(message: ToDigitsRunner): Promise<void>;
  readonly session: DigitsSession | undefined;
}

/** Judges the 256 fixed samples of `session` (its averaged generator). */
export function readQuality(
  session: DigitsSession,
  classifier: { spec: CnnSpec; weights: CnnWeights },
  seconds: number,
): QualityReading {
  const images = session.generate(fixedInputs(session.spec), QUALITY_SAMPLES);
  const q = judgeDigits(
    enlargeImages(images, QUALITY_SAMPLES),
    QUALITY_SAMPLES,
    classifier,
    undefined,
    session.spec.classes ? fixedLabels() : undefined,
  );
  return {
    seconds,
    iteration: session.iteration,
    coverage: q.coverage,
    confidence: q.confidence,
    agreement: q.agreement,
    counts: q.counts,
    gridLabels: Array.from(q.labels.subarray(0, GRID_SAMPLES)),
    gridProbs: Array.from(q.probs.subarray(0, GRID_SAMPLES), (p) => Math.round(p * 1000) / 1000),
  };
}

export function createDigitsRunner(
  host: DigitsRunnerHost,
  { sliceMs }: { sliceMs: number },
): DigitsRunner {
  let session: DigitsSession | undefined;
  let engine: GpuEngine = 'typed';
  let data: { images: Float32Array; count: number; labels: Uint8Array } | undefined;
  let classifier: { spec: CnnSpec; weights: CnnWeights } | undefined;
  let run = 0;
  let seed = 1;
  let conditional = true;
  let source: DigitsSnapshot['source'] = 'seed';
  let playing = false;
  let cancel: (() => void) | undefined;
  let seconds = 0;
  let sliceStart = 0;
  let lastPost = -Infinity;
  let nextQuality = QUALITY_EVERY_S;
  let quality: QualityReading | null = null;
  let reached: QualityReading | null = null;
  let diverged = false;
  let rate = 0;
  let meterTime = 0;
  let meterIters = 0;

  const post = () => {
    if (!session) return;
    const generator = session.averagedGenerator();
    const grid = session.generate(fixedInputs(session.spec), GRID_SAMPLES);
    const l = session.last;
    const snapshot: DigitsSnapshot = {
      run,
      playing,
      source,
      conditional,
      engine,
      iteration: session.iteration,
      seconds,
      itersPerSecond: playing ? rate : 0,
      generator,
      grid,
      dLoss: l.dLoss,
      gLoss: l.gLoss,
      dReal: l.dReal,
      dFake: l.dFake,
      quality,
      reached,
      diverged,
    };
    lastPost = host.now();
    host.post(
      { type: 'snapshot', snapshot },
      generator.map((a) => a.buffer as ArrayBuffer),
    );
  };
  const judge = () => {
    if (!session || !classifier) return;
    quality = readQuality(session, classifier, seconds);
    if (!reached && meetsTarget(quality)) reached = quality;
  };
  const stop = () => {
    playing = false;
    cancel?.();
    cancel = undefined;
  };
  const slice = () => {
    cancel = undefined;
    if (!playing || !session) return;
    const start = host.now();
    while (host.now() - start < sliceMs) {
      if (!session.run(2)) {
        diverged = true;
        break;
      }
    }
    const now = host.now();
    seconds += (now - sliceStart) / 1000;
    sliceStart = now;
    if (now - meterTime >= 1000) {
      rate = ((session.iteration - meterIters) * 1000) / (now - meterTime);
      meterTime = now;
      meterIters = session.iteration;
    }
    if (diverged) {
      stop();
      post();
      return;
    }
    if (seconds >= nextQuality) {
      // The reading is one ~100 ms task in the worker; it counts as training time.
      judge();
      nextQuality = seconds + QUALITY_EVERY_S;
      const after = host.now();
      seconds += (after - sliceStart) / 1000;
      sliceStart = after;
      post();
    } else if (now - lastPost >= SNAPSHOT_MS) post();
    cancel = host.later(slice);
  };
  const fresh = async () => {
    data ??= await host.loadData();
    classifier ??= await host.loadClassifier();
    const { images, count, labels } = data;
    const opts = { seed, images, count, labels, emaDecay: EMA_DECAY, spec: runSpec(conditional) };
    session?.dispose?.();
    const other = host.makeSession?.(opts) ?? null;
    session = other?.session ?? createDigitsSession(opts);
    engine = other?.engine ?? 'typed';
    seconds = 0;
    nextQuality = QUALITY_EVERY_S;
    quality = null;
    reached = null;
    diverged = false;
    rate = 0;
  };

  return {
    get session() {
      return session;
    },
    async handle(msg) {
      try {
        switch (msg.type) {
          case 'init':
            stop();
            run = msg.run;
            seed = toSeed(msg.seed);
            conditional = msg.conditional ?? true;
            source = 'seed';
            host.post(
              { type: 'status', run, message: 'Loading the digits and the classifier…' },
              [],
            );
            await fresh();
            judge();
            post();
            break;
          case 'play':
            if (!session || playing || diverged) return post();
            playing = true;
            rate = 0;
            sliceStart = meterTime = host.now();
            meterIters = session.iteration;
            post();
            cancel = host.later(slice);
            break;
          case 'pause':
            stop();
            judge();
            post();
            break;
          case 'load-trained': {
            stop();
            run = msg.run;
            host.post({ type: 'status', run, message: 'Loading the trained generator…' }, []);
            const trained = await host.loadTrained();
            // The shipped generator is conditional: an unlabelled run gives way to a labelled one.
            if (!session || !conditional) {
              conditional = true;
              await fresh();
            }
            session!.load(trained.weights, trained.iterations);
            source = 'trained';
            seconds = 0;
            reached = null;
            diverged = false;
            judge();
            post();
            break;
          }
          case 'dispose':
            stop();
            session?.dispose?.();
            session = undefined;
            break;
        }
      } catch (err) {
        stop();
        host.post(
          { type: 'error', run, message: err instanceof Error ? err.message : String(err) },
          [],
        );
      }
    },
  };
}
