// The page side of the training runtime: starts the worker (or, where workers are unavailable, the
// same engine on the main thread in frame-sized slices), sends protocol messages, fans replies out
// to listeners, and caches the backend probe per workload. Browser only; loaded on demand.
import type { BackendName } from './backend-order';
import { fastest } from './backend-order';
import type {
  FromTrainer,
  HyperName,
  SnapshotMessage,
  SnapshotRequest,
  ToTrainer,
  WorkloadConfig,
} from './protocol';
import { workloadKey } from './workloads/key';

export interface TrainerOptions {
  /** 'auto' (default): probe once per workload and device, cached in localStorage. */
  backend?: BackendName | 'auto';
  /** Steps per second cap while playing; 0 (default) = as fast as the device goes. */
  speed?: number;
  /** Train in a Web Worker (default true); false runs on the main thread in slices. */
  worker?: boolean;
  /** Where the probe result is cached; default localStorage (null disables caching). */
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
}

export interface Trainer {
  /** Where training runs. */
  readonly mode: 'worker' | 'main';
  /** Receives every message from the trainer; returns an unsubscribe function. */
  subscribe(listener: (msg: FromTrainer) => void): () => void;
  play(): void;
  pause(): void;
  step(n: number): void;
  /** Re-runs from the start with the same seed, or with `seed` if given. */
  reset(seed?: number): void;
  set(name: HyperName, value: number): void;
  /** Moves training to a backend the reader picked, continuing from the current weights. */
  setBackend(backend: BackendName): void;
  /** Asks for a snapshot; resolves when it arrives (or rejects when disposed first). */
  snapshot(request: Omit<SnapshotRequest, 'id'>): Promise<SnapshotMessage>;
  /** For tests: makes the GPU backend lose its context. */
  simulateContextLoss(): void;
  /** Stops training, frees the model and terminates the worker. Idempotent. */
  dispose(): void;
}

const CACHE_PREFIX = 'nb.backend.v1.';
const CACHE_DAYS = 30;

interface CachedChoice {
  backend: BackendName;
  at: number;
}

/** The cached backend for a workload, if fresh and well-formed. */
export function readCachedBackend(
  storage: Pick<Storage, 'getItem'> | null,
  key: string,
  nowMs = Date.now(),
): BackendName | undefined {
  try {
    const raw = storage?.getItem(CACHE_PREFIX + key);
    if (!raw) return undefined;
    const v = JSON.parse(raw) as Partial<CachedChoice>;
    const ok = ['webgpu', 'webgl', 'wasm', 'cpu'].includes(String(v.backend));
    const fresh = typeof v.at === 'number' && nowMs - v.at < CACHE_DAYS * 86_400_000;
    return ok && fresh ? v.backend : undefined;
  } catch {
    return undefined;
  }
}

function defaultStorage(): Storage | null {
  try {
    return globalThis.localStorage;
  } catch {
    return null;
  }
}

/** Starts a trainer for `config` with `seed`. Messages sent before it is ready are queued. */
export function createTrainer(
  config: WorkloadConfig,
  seed: number,
  opts: TrainerOptions = {},
): Trainer {
  const storage = opts.storage === undefined ? defaultStorage() : opts.storage;
  const key = workloadKey(config);
  const listeners = new Set<(msg: FromTrainer) => void>();
  const waiting = new Map<
    number,
    { resolve: (s: SnapshotMessage) => void; reject: (e: Error) => void }
  >();
  let nextId = 1;
  let disposed = false;

  const receive = (msg: FromTrainer) => {
    if (disposed) return;
    if (msg.type === 'snapshot') {
      waiting.get(msg.id)?.resolve(msg);
      waiting.delete(msg.id);
    }
    if (msg.type === 'progress' && msg.probe && storage) {
      const best = fastest(msg.probe);
      if (best) {
        try {
          storage.setItem(
            CACHE_PREFIX + key,
            JSON.stringify({ backend: best, at: Date.now(), probe: msg.probe }),
          );
        } catch {
          /* storage full or blocked: probe again next time */
        }
      }
    }
    for (const l of listeners) l(msg);
  };

  const init: ToTrainer = {
    type: 'init',
    config,
    seed,
    options: {
      backend: opts.backend ?? 'auto',
      cached: readCachedBackend(storage, key),
      speed: opts.speed ?? 0,
    },
  };

  let send: (msg: ToTrainer) => void;
  let terminate: () => void;
  let mode: 'worker' | 'main' = 'worker';

  const startMain = () => {
    mode = 'main';
    const queued: ToTrainer[] = [];
    let handle: ((msg: ToTrainer) => void) | undefined;
    send = (msg) => {
      if (handle) handle(msg);
      else queued.push(msg);
    };
    terminate = () => {
      send({ type: 'dispose' });
    };
    void import('./engine-host').then(({ createEngine, zeroDelay }) => {
      const engine = createEngine({
        // Deliver asynchronously, as a worker would.
        post: (msg) => queueMicrotask(() => receive(msg)),
        sliceMs: 8,
        defer: (fn, ms) => zeroDelay(fn, Math.max(ms, 0)),
      });
      handle = (msg) => void engine.handle(msg);
      for (const m of queued.splice(0)) handle(m);
    });
  };

  const history: ToTrainer[] = [];
  if (opts.worker !== false && typeof Worker === 'function') {
    try {
      const worker = new Worker(new URL('../../workers/train.worker.ts', import.meta.url), {
        type: 'module',
        name: 'neuronbook-training',
      });
      let heard = false;
      const onMessage = (e: MessageEvent<FromTrainer>) => {
        heard = true;
        receive(e.data);
      };
      const onError = () => {
        if (heard || disposed) {
          receive({ type: 'error', message: 'The training worker stopped unexpectedly.' });
          return;
        }
        // The worker never started (blocked, or module workers unsupported): same code, main thread.
        worker.terminate();
        startMain();
        for (const m of history) send(m);
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      send = (msg) => {
        if (!heard) history.push(msg);
        worker.postMessage(msg);
      };
      terminate = () => {
        worker.postMessage({ type: 'dispose' } satisfies ToTrainer);
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        // Give the worker a moment to free GPU memory, then make sure it is gone.
        setTimeout(() => worker.terminate(), 200);
      };
    } catch {
      startMain();
    }
  } else {
    startMain();
  }
  send!(init);

  const post = (msg: ToTrainer) => {
    if (!disposed) send(msg);
  };

  return {
    get mode() {
      return mode;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    play: () => post({ type: 'play' }),
    pause: () => post({ type: 'pause' }),
    step: (n) => post({ type: 'step', n }),
    reset: (s) => post(s === undefined ? { type: 'reset' } : { type: 'reset', seed: s }),
    set: (name, value) => post({ type: 'set', name, value }),
    setBackend: (backend) => post({ type: 'backend', backend }),
    snapshot(request) {
      if (disposed) return Promise.reject(new Error('Trainer disposed.'));
      const id = nextId++;
      return new Promise<SnapshotMessage>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        post({ type: 'snapshot', request: { ...request, id } });
      });
    },
    simulateContextLoss: () => post({ type: 'simulate', event: 'context-loss' }),
    dispose() {
      if (disposed) return;
      terminate();
      disposed = true;
      listeners.clear();
      for (const w of waiting.values()) w.reject(new Error('Trainer disposed.'));
      waiting.clear();
    },
  };
}
