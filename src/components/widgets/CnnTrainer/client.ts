// Page side of the CNN trainer: starts the training worker (or, where workers are unavailable or
// fail to start, the same runner on the main thread in short slices), sends protocol messages and
// answers request/response calls (feature maps, classification). Browser only; loaded on demand.
import type { FromRunner, RunSettings, ToRunner } from '../../../lib/cnn-trainer/protocol.ts';
import type { LayerMaps } from '../../../lib/cnn-trainer/model.ts';
import type { ToCnnWorker } from '../../../lib/ml/cnn/protocol.ts';

export interface CnnClient {
  readonly mode: 'worker' | 'main';
  subscribe(fn: (msg: FromRunner) => void): () => void;
  init(run: number, settings: RunSettings): void;
  send(
    msg: Extract<ToRunner, { type: 'play' | 'pause' | 'step' | 'set-lr' | 'load-trained' }>,
  ): void;
  activations(req: { index?: number; image?: Float32Array }): Promise<LayerMaps[]>;
  classify(images: Float32Array, count: number): Promise<Float32Array>;
  dispose(): void;
}

export function createCnnClient(opts: { worker?: boolean } = {}): CnnClient {
  const listeners = new Set<(m: FromRunner) => void>();
  const pending = new Map<number, (m: FromRunner) => void>();
  let nextId = 1;
  let disposed = false;
  let mode: 'worker' | 'main' = 'worker';
  let send: (msg: ToRunner, transfer?: Transferable[]) => void;
  let terminate: () => void = () => {};

  const receive = (m: FromRunner) => {
    if (disposed) return;
    if (m.type === 'activations' || m.type === 'classified') {
      pending.get(m.id)?.(m);
      pending.delete(m.id);
      return;
    }
    for (const l of listeners) l(m);
  };

  const startMain = (replay: ToRunner[]) => {
    mode = 'main';
    const queued: ToRunner[] = [...replay];
    let handle: ((m: ToRunner) => void) | undefined;
    send = (m) => (handle ? handle(m) : queued.push(m));
    terminate = () => send({ type: 'dispose' });
    void Promise.all([
      import('../../../lib/cnn-trainer/runner.ts'),
      import('./engines-host.ts'),
    ]).then(([{ createRunner }, { engineHost }]) => {
      const runner = createRunner(
        engineHost({
          post: (m) => queueMicrotask(() => receive(m)),
          later: (fn) => {
            const t = setTimeout(fn, 16);
            return () => clearTimeout(t);
          },
        }),
        8,
      );
      // Messages run one after another, as in a worker (init awaits the data and the model).
      let chain = Promise.resolve();
      handle = (m) => {
        chain = chain.then(() => runner.handle(m));
      };
      for (const m of queued.splice(0)) handle(m);
    });
  };

  const history: ToRunner[] = [];
  let helper: Worker | undefined;
  /** With two or more cores, cnn-core's worker computes half of every CNN batch. */
  const startHelper = (dataUrl: string) => {
    if (helper || mode !== 'worker' || (globalThis.navigator?.hardwareConcurrency ?? 1) < 2) return;
    try {
      helper = new Worker(new URL('../../../workers/cnn.worker.ts', import.meta.url), {
        type: 'module',
        name: 'neuronbook-cnn-helper',
      });
      const ch = new MessageChannel();
      helper.postMessage({ type: 'helper', dataUrl, port: ch.port2 } satisfies ToCnnWorker, [
        ch.port2,
      ]);
      workerPost?.({ type: 'helper', port: ch.port1 }, [ch.port1]);
    } catch {
      helper = undefined;
    }
  };
  let workerPost: ((m: ToRunner, transfer: Transferable[]) => void) | undefined;
  if (opts.worker !== false && typeof Worker === 'function') {
    try {
      const worker = new Worker(new URL('./train.worker.ts', import.meta.url), {
        type: 'module',
        name: 'neuronbook-cnn-trainer',
      });
      let heard = false;
      const onMessage = (e: MessageEvent<FromRunner>) => {
        heard = true;
        receive(e.data);
      };
      const onError = () => {
        if (heard || disposed) {
          receive({ type: 'error', run: -1, message: 'The training worker stopped unexpectedly.' });
          return;
        }
        worker.terminate();
        helper?.terminate();
        helper = undefined;
        startMain(history.filter((m) => m.type !== 'helper'));
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      send = (m, transfer = []) => {
        if (!heard) history.push(m);
        worker.postMessage(m, heard ? transfer : []);
      };
      workerPost = (m, transfer) => worker.postMessage(m, transfer);
      terminate = () => {
        worker.postMessage({ type: 'dispose' } satisfies ToRunner);
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        setTimeout(() => worker.terminate(), 200);
      };
    } catch {
      startMain([]);
    }
  } else startMain([]);

  const request = <T>(msg: ToRunner, pick: (m: FromRunner) => T): Promise<T> =>
    new Promise((resolve, reject) => {
      if (disposed) return reject(new Error('disposed'));
      const id = (msg as { id: number }).id;
      pending.set(id, (m) => resolve(pick(m)));
      send(msg);
    });

  return {
    get mode() {
      return mode;
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    init: (run, settings) => {
      startHelper(settings.dataUrl);
      send({ type: 'init', run, settings });
    },
    send: (m) => send(m),
    activations: (req) =>
      request({ type: 'activations', id: nextId++, ...req }, (m) =>
        m.type === 'activations' ? m.layers : [],
      ),
    classify: (images, count) =>
      request({ type: 'classify', id: nextId++, images, count }, (m) =>
        m.type === 'classified' ? m.probabilities : new Float32Array(0),
      ),
    dispose() {
      if (disposed) return;
      disposed = true;
      pending.clear();
      terminate();
      helper?.terminate();
    },
  };
}
