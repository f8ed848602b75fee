// The digits GAN's training worker: a thin shell around createDigitsRunner
// (src/lib/gan/digits/runner.ts). It trains in ~15 ms slices chained through the shared slice
// queue (./slice-queue.ts), so messages (pause, load) get through between them; it fetches the
// digits, the classifier and the shipped generator. On init the engine probe
// (src/lib/gan/digits/engine-probe.ts) runs beside loading: without a hardware GPU it decides at
// once and tfjs is never loaded; with one, runs train on tfjs there if it measured faster.
import { loadDigits } from '../lib/data/digits.ts';
import { loadTrainedCnn } from '../lib/ml/cnn/model-file.ts';
import { shrinkDigits } from '../lib/gan/digits/image.ts';
import { loadTrainedGan } from '../lib/gan/digits/model-file.ts';
import type { FromDigitsRunner, ToDigitsRunner } from '../lib/gan/digits/protocol.ts';
import { createDigitsRunner, type DigitsRunnerHost } from '../lib/gan/digits/runner.ts';
import { gpuProbeDeps } from './probe-deps.ts';
import { createSliceQueue } from './slice-queue.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const base = new URL('/', scope.location.href).href;

let data: Promise<{ images: Float32Array; count: number; labels: Uint8Array }> | undefined;
const loadData = () =>
  (data ??= loadDigits(new URL('data/digits.bin', base).href).then(({ train }) => ({
    images: shrinkDigits(train.images, train.count),
    count: train.count,
    labels: train.labels,
  })));

/** Set when the probe chose tfjs on a GPU: later runs are built there. */
let makeSession: DigitsRunnerHost['makeSession'];

async function chooseEngine(): Promise<void> {
  const [d, deps, { probeDigitsEngine }, { createTfDigitsSession }] = await Promise.all([
    loadData(),
    gpuProbeDeps(),
    import('../lib/gan/digits/engine-probe.ts'),
    import('../lib/gan/digits/tf-session.ts'),
  ]);
  const { tf, engine } = await probeDigitsEngine(d, deps);
  if (!tf || engine === 'typed') return;
  makeSession = (opts) => ({ session: createTfDigitsSession(tf, opts), engine });
}

const runner = createDigitsRunner(
  {
    post: (message: FromDigitsRunner, transfer) => scope.postMessage(message, transfer),
    now: () => performance.now(),
    later: createSliceQueue(),
    loadData,
    loadClassifier: () => loadTrainedCnn(new URL('models/digits-cnn/', base).href),
    loadTrained: async () => {
      const { meta, weights } = await loadTrainedGan(new URL('models/gan-digits/', base).href);
      return { weights, iterations: meta.training.iterations };
    },
    makeSession: (opts) => makeSession?.(opts) ?? null,
  },
  { sliceMs: 15 },
);

let probe: Promise<void> | undefined;
// Messages are handled one after another (init awaits its downloads before play runs). The first
// init also waits for the probe, at most PROBE_WAIT_MS (a failed or slow probe leaves the
// typed-array engine in charge; a late answer applies from the next run).
const PROBE_WAIT_MS = 3000;
let queue = Promise.resolve();
scope.addEventListener('message', (e: MessageEvent<ToDigitsRunner>) => {
  if (e.data.type === 'init' && !probe) {
    probe = chooseEngine().catch(() => undefined);
    const wait = Promise.race([probe, new Promise<void>((r) => setTimeout(r, PROBE_WAIT_MS))]);
    queue = queue.then(() => wait);
  }
  queue = queue.then(() => runner.handle(e.data));
});
