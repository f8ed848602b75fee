// Worker entry: the character-level LSTM of lesson 3.2 trains and samples here, off the page's
// main thread (src/lib/charlm/runner.ts does the work). After loading, the engine probe
// (src/lib/charlm/engine-probe.ts) decides what trains the model: the typed-array engine, or the
// same model on tfjs where a hardware GPU is faster. Without a hardware GPU it decides at once and
// tfjs is never loaded. A 'bench' command (scripts/bench/lstm.mjs) loads the timing code, and
// tfjs with it, only when asked.
import { createCharRunner, type CharRunnerHost } from '../lib/charlm/runner.ts';
import { loadCharModel, type CharModel } from '../lib/charlm/format.ts';
import type { CharCommand, CharMessage } from '../lib/charlm/protocol.ts';
import { encode } from '../lib/charlm/vocab.ts';
import { CHARLM_CLIP } from '../lib/charlm/config.ts';
import { gpuProbeDeps } from './probe-deps.ts';
import { createSliceQueue } from './slice-queue.ts';

const loads = new Map<string, Promise<{ corpus: string; trained: CharModel }>>();

/** The corpus and shipped model at `base`, fetched once (the runner and the probe share it). */
function load(base: string): Promise<{ corpus: string; trained: CharModel }> {
  const root = new URL(base, self.location.origin).href;
  let p = loads.get(root);
  if (!p) {
    p = (async () => {
      const [trained, res] = await Promise.all([loadCharModel(root), fetch(`${root}corpus.txt`)]);
      if (!res.ok) throw new Error('The training text could not be loaded.');
      return { corpus: await res.text(), trained };
    })();
    loads.set(root, p);
  }
  return p;
}

/**
 * Set when the probe chose tfjs on a GPU: builds the runner's trainers there (training started
 * before the probe finished stays on the typed-array engine until the next model).
 */
let makeGpuTrainer: CharRunnerHost['makeTrainer'];

async function chooseEngine(base: string): Promise<void> {
  const [{ trained, corpus }, deps, { probeCharEngine }] = await Promise.all([
    load(base),
    gpuProbeDeps(),
    import('../lib/charlm/engine-probe.ts'),
  ]);
  const r = await probeCharEngine(trained.model, encode(trained.vocab, corpus), deps);
  const { tf, engine } = r;
  if (!tf || engine === 'typed') return;
  const { createTfCharTrainer, asRunnerTrainer } = await import('../lib/charlm/tf-model.ts');
  makeGpuTrainer = (model, learningRate) => ({
    trainer: asRunnerTrainer(
      createTfCharTrainer(tf, model, learningRate, CHARLM_CLIP),
      model,
      learningRate,
    ),
    engine,
  });
}

const post = (m: CharMessage) => postMessage(m);
// Slices (30 ms) are chained with MessageChannel messages, not setTimeout(0) (./slice-queue.ts).
const runner = createCharRunner({
  post,
  schedule: createSliceQueue(),
  now: () => performance.now(),
  load,
  makeTrainer: (model, learningRate) => makeGpuTrainer?.(model, learningRate) ?? null,
});

async function bench(cmd: Extract<CharCommand, { type: 'bench' }>): Promise<void> {
  const [{ benchCharModel }, { corpus, trained }] = await Promise.all([
    import('../lib/charlm/bench.ts'),
    load(cmd.base),
  ]);
  const result = await benchCharModel(
    trained,
    encode(trained.vocab, corpus),
    cmd.seconds,
    cmd.backends,
  );
  post({ type: 'bench', result });
}

addEventListener('message', (e: MessageEvent<CharCommand>) => {
  const cmd = e.data;
  if (cmd.type === 'bench') {
    bench(cmd).catch((err: unknown) => post({ type: 'error', message: String(err) }));
    return;
  }
  // The probe runs beside loading; a failed probe leaves the typed-array engine in charge.
  if (cmd.type === 'init') void chooseEngine(cmd.base).catch(() => undefined);
  runner.handle(cmd);
});
