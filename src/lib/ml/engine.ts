// The training loop behind the worker protocol: handles ToTrainer messages, runs steps for a time
// budget and yields, reports progress, detects divergence and lost GPU contexts. The same code runs
// in the worker (src/workers/train.worker.ts), in the main-thread fallback and in vitest.
import type { BackendName } from './backend-order';
import { backendOrder, BACKENDS, probeCandidates } from './backend-order';
import { fastest, probeBackends } from './backend-probe';
import { isDiverged } from './divergence';
import { gpuLossWatch } from './gpu-loss';
import type { FromTrainer, HyperName, InitOptions, ToTrainer, WorkloadConfig } from './protocol';
import { toSeed } from './rng';
import type { Tf } from './tf';
import { detectDevice, importTf, setTfBackend } from './tf';
import type { Workload } from './workloads';
import { createWorkload, isConv } from './workloads';

export interface EngineHost {
  /** Delivers a message to the page. */
  post(msg: FromTrainer, transfer?: Transferable[]): void;
  /** How long one slice of steps may run before yielding, ms (worker ~30, main thread ~8). */
  sliceMs: number;
  /** Runs `fn` soon (after `delayMs`), letting messages and rendering in; returns a canceller. */
  defer(fn: () => void, delayMs: number): () => void;
  now?: () => number;
  /** Overrides device detection (tests). */
  order?: readonly BackendName[];
}

export interface Engine {
  handle(msg: ToTrainer): Promise<void>;
}

const EVAL_EVERY_MS = 150;
const CHECKPOINT_EVERY_MS = 250;
const PROGRESS_EVERY_MS = 100;

/** Creates an engine; messages are processed in order, one at a time. */
export function createEngine(host: EngineHost): Engine {
  const now = host.now ?? (() => performance.now());
  let tf: Tf | undefined;
  let config: WorkloadConfig | undefined;
  let seed = 0;
  let workload: Workload | undefined;
  let backend: BackendName = 'cpu';
  let order: BackendName[] = [...BACKENDS];
  const lost = new Set<BackendName>();
  const hyper = new Map<HyperName, number>();
  let step = 0;
  let examples = 0;
  let playing = false;
  let pending = 0;
  let speed = 0;
  let tokens = 0;
  let diverged = false;
  let reference: number | null = null;
  let busy = false;
  let disposed = false;
  let cancel: (() => void) | undefined;
  let lastTick = 0;
  let lastEval = -Infinity;
  let lastPost = -Infinity;
  let evaluation = {
    trainLoss: NaN,
    testLoss: null as number | null,
    testAccuracy: null as number | null,
  };
  let batchLoss = NaN;
  let rate = 0;
  let checkpoint: { step: number; weights: Float32Array[] } | undefined;
  let lastCheckpoint = -Infinity;
  const gpu = gpuLossWatch();
  let queue: Promise<void> = Promise.resolve();

  const post = (msg: FromTrainer, transfer?: Transferable[]) => {
    if (!disposed) host.post(msg, transfer);
  };

  const progress = (
    extra: { probe?: Partial<Record<BackendName, number>>; notice?: string } = {},
  ) => {
    if (!workload) return;
    post({
      type: 'progress',
      step,
      epoch: examples / workload.trainSize,
      batchLoss,
      trainLoss: evaluation.trainLoss,
      testLoss: evaluation.testLoss,
      testAccuracy: evaluation.testAccuracy,
      stepsPerSec: rate,
      examplesPerSec: rate * workload.batchSize,
      backend,
      playing,
      ...extra,
    });
  };

  const evaluate = () => {
    if (!workload) return;
    evaluation = workload.evaluate();
    lastEval = now();
  };

  const contextLost = (): boolean => gpu.lost(tf, backend);

  const schedule = (delay = 0) => {
    if (cancel || disposed) return;
    cancel = host.defer(() => {
      cancel = undefined;
      tick();
    }, delay);
  };

  const build = (weights?: readonly Float32Array[]) => {
    if (!tf || !config) throw new Error('Not initialised.');
    workload = createWorkload(tf, config, seed);
    for (const [name, value] of hyper) workload.set(name, value);
    if (weights) workload.setWeights(weights);
  };

  const freeWorkload = () => {
    try {
      workload?.dispose();
    } catch {
      /* a lost context has nothing left to free */
    }
    workload = undefined;
  };

  /**
   * Brings up the first backend of `candidates` that starts and can run the model (builds it and
   * evaluates once: some GPU stacks start but then fail on the first kernel); cpu last.
   */
  const bringUp = async (candidates: readonly BackendName[], weights?: readonly Float32Array[]) => {
    if (!tf) throw new Error('Not initialised.');
    let lastError: unknown;
    for (const name of new Set([...candidates, 'cpu' as const])) {
      if (lost.has(name) || !(await setTfBackend(tf, name))) continue;
      backend = name;
      gpu.watch(tf);
      try {
        build(weights);
        evaluate();
        return;
      } catch (e) {
        lastError = e;
        freeWorkload();
      }
    }
    throw lastError instanceof Error
      ? lastError
      : new Error('No TensorFlow.js backend could run this model.');
  };

  /** Moves training to another backend, continuing from the last readable weights. */
  const moveTo = async (
    candidates: readonly BackendName[],
    notice: (b: BackendName, at: number) => string,
  ) => {
    busy = true;
    const wasPlaying = playing;
    let weights = checkpoint?.weights;
    let at = checkpoint?.step ?? 0;
    if (!contextLost() && workload) {
      try {
        weights = workload.getWeights();
        at = step;
      } catch {
        /* fall back to the checkpoint */
      }
    }
    freeWorkload();
    await bringUp(candidates, weights);
    step = at;
    checkpoint = { step, weights: workload!.getWeights() };
    evaluate();
    busy = false;
    playing = wasPlaying;
    progress({ notice: notice(backend, at) });
    schedule();
  };

  const onContextLost = async () => {
    lost.add(backend);
    const rest = order.filter((b) => !lost.has(b));
    await moveTo(
      rest,
      (b, at) => `The graphics context was lost; training continues on ${b} from step ${at}.`,
    );
  };

  const stopDiverged = (loss: number) => {
    diverged = true;
    playing = false;
    pending = 0;
    progress();
    post({ type: 'diverged', step, loss });
  };

  function tick() {
    if (!workload || busy || diverged || disposed) return;
    const t0 = now();
    let allowed = pending > 0 ? pending : playing ? Infinity : 0;
    if (allowed === 0) return;
    if (pending === 0 && speed > 0) {
      tokens = Math.min(tokens + (speed * (t0 - lastTick)) / 1000, Math.max(1, speed / 10));
      lastTick = t0;
      allowed = Math.floor(tokens);
      if (allowed < 1) {
        schedule(Math.ceil(1000 / speed));
        return;
      }
    }
    let n = 0;
    let loss: ReturnType<Workload['step']> | undefined;
    try {
      while (n < allowed && (n === 0 || now() - t0 < host.sliceMs)) {
        loss?.dispose();
        loss = workload.step();
        n++;
      }
      batchLoss = loss ? loss.dataSync()[0]! : NaN;
    } catch (e) {
      loss?.dispose();
      if (backend === 'webgl' || backend === 'webgpu') {
        void run(onContextLost);
        return;
      }
      post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
      playing = false;
      return;
    }
    loss?.dispose();
    if (contextLost()) {
      void run(onContextLost);
      return;
    }
    const t1 = now();
    step += n;
    examples += n * workload.batchSize;
    if (pending > 0) pending = Math.max(0, pending - n);
    if (speed > 0 && pending === 0) tokens -= n;
    const inst = (n * 1000) / Math.max(t1 - t0, 0.001);
    rate = rate === 0 ? inst : 0.8 * rate + 0.2 * inst;
    if (t1 - lastEval > EVAL_EVERY_MS || (!playing && pending === 0)) evaluate();
    // A single batch can be unlucky; explosion is judged on the whole training set, but a
    // non-finite batch loss (NaN weights) stops at once.
    if (!Number.isFinite(batchLoss) || isDiverged(evaluation.trainLoss, reference)) {
      stopDiverged(Number.isFinite(batchLoss) ? evaluation.trainLoss : batchLoss);
      return;
    }
    if (t1 - lastCheckpoint > CHECKPOINT_EVERY_MS) {
      checkpoint = { step, weights: workload.getWeights() };
      lastCheckpoint = now();
    }
    // While playing, report at most ~10×/s: the page redraws on each report.
    if (!playing || t1 - lastPost >= PROGRESS_EVERY_MS) {
      lastPost = t1;
      progress();
    }
    if (playing || pending > 0) schedule();
  }

  const start = async (options: InitOptions) => {
    if (!tf || !config) return;
    const device = await detectDevice();
    order = host.order
      ? [...host.order]
      : backendOrder(device, { conv: isConv(config), wasmConvGrad: true });
    speed = Math.max(0, options.speed);
    let probe: Partial<Record<BackendName, number>> | undefined;
    let candidates: BackendName[];
    if (options.backend !== 'auto') candidates = [options.backend, ...order];
    else if (options.cached && order.includes(options.cached))
      candidates = [options.cached, ...order];
    else {
      probe = await probeBackends(tf, config, seed, probeCandidates(device, order));
      const best = fastest(probe);
      candidates = best ? [best, ...order] : order;
    }
    await bringUp(candidates);
    reference = evaluation.trainLoss;
    checkpoint = { step: 0, weights: workload!.getWeights() };
    progress(probe ? { probe } : {});
  };

  const process = async (msg: ToTrainer) => {
    if (disposed) return;
    switch (msg.type) {
      case 'init': {
        freeWorkload();
        tf ??= await importTf();
        config = structuredClone(msg.config);
        seed = toSeed(msg.seed);
        busy = true;
        await start(msg.options);
        busy = false;
        if (playing) schedule();
        return;
      }
      case 'play':
        if (diverged) return;
        playing = true;
        lastTick = now();
        tokens = 1;
        progress();
        schedule();
        return;
      case 'pause':
        playing = false;
        pending = 0;
        progress();
        return;
      case 'step':
        if (diverged) return;
        pending += Math.max(0, Math.floor(msg.n));
        schedule();
        return;
      case 'reset': {
        if (!tf || !config) return;
        if (msg.seed !== undefined) seed = toSeed(msg.seed);
        freeWorkload();
        playing = false;
        pending = 0;
        step = 0;
        examples = 0;
        diverged = false;
        rate = 0;
        batchLoss = NaN;
        build();
        evaluate();
        reference = evaluation.trainLoss;
        checkpoint = { step: 0, weights: workload!.getWeights() };
        progress();
        return;
      }
      case 'set': {
        if (msg.name === 'speed') {
          speed = Math.max(0, msg.value);
          tokens = 1;
          lastTick = now();
          return;
        }
        if (!Number.isFinite(msg.value)) throw new RangeError(`${msg.name} must be a number.`);
        hyper.set(msg.name, msg.value);
        if (config && msg.name in config)
          (config as unknown as Record<string, number>)[msg.name] = msg.value;
        workload?.set(msg.name, msg.value);
        return;
      }
      case 'snapshot': {
        if (!workload) return;
        const snap = workload.snapshot(msg.request);
        const transfer: Transferable[] = [];
        if (snap.grid) transfer.push(snap.grid.values.buffer);
        for (const w of snap.weights ?? []) transfer.push(w.values.buffer);
        post({ type: 'snapshot', id: msg.request.id, step, ...snap }, transfer);
        return;
      }
      case 'backend': {
        if (!workload) return;
        lost.delete(msg.backend);
        await moveTo([msg.backend, ...order], (b) =>
          b === msg.backend
            ? `Now training on ${b}.`
            : `${msg.backend} could not start; training on ${b}.`,
        );
        return;
      }
      case 'simulate': {
        if (!tf) return;
        gpu.simulate(tf, backend);
        if (!playing && pending === 0) pending = 1; // let the loop notice and fall back
        schedule();
        return;
      }
      case 'dispose':
        cancel?.();
        freeWorkload();
        disposed = true;
        return;
    }
  };

  const run = (fn: () => Promise<void>): Promise<void> => {
    queue = queue.then(fn).catch((e: unknown) => {
      busy = false;
      post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    });
    return queue;
  };

  return { handle: (msg) => run(() => process(msg)) };
}
