// Worker entry: the character-level LSTM of lesson 3.2 trains and samples here, off the page's
// main thread (src/lib/charlm/runner.ts does the work). A 'bench' command (scripts/bench/lstm.mjs)
// loads the timing code, and tfjs with it, only when asked.
import { createCharRunner } from '../lib/charlm/runner.ts';
import { loadCharModel } from '../lib/charlm/format.ts';
import type { CharCommand, CharMessage } from '../lib/charlm/protocol.ts';
import { encode } from '../lib/charlm/vocab.ts';

async function load(base: string) {
  const root = new URL(base, self.location.origin).href;
  const [trained, res] = await Promise.all([loadCharModel(root), fetch(`${root}corpus.txt`)]);
  if (!res.ok) throw new Error('The training text could not be loaded.');
  return { corpus: await res.text(), trained };
}

const post = (m: CharMessage) => postMessage(m);
const runner = createCharRunner({
  post,
  schedule: (fn) => {
    const id = setTimeout(fn, 0);
    return () => clearTimeout(id);
  },
  now: () => performance.now(),
  load,
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
  if (cmd.type === 'bench')
    bench(cmd).catch((err: unknown) => post({ type: 'error', message: String(err) }));
  else runner.handle(cmd);
});
