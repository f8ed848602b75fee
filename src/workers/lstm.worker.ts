// Worker entry: the character-level LSTM of lesson 3.2 trains and samples here, off the page's
// main thread (src/lib/charlm/runner.ts does the work).
import { createCharRunner } from '../lib/charlm/runner.ts';
import { loadCharModel } from '../lib/charlm/format.ts';
import type { CharCommand } from '../lib/charlm/protocol.ts';

const runner = createCharRunner({
  post: (m) => postMessage(m),
  schedule: (fn) => {
    const id = setTimeout(fn, 0);
    return () => clearTimeout(id);
  },
  now: () => performance.now(),
  async load(base) {
    const root = new URL(base, self.location.origin).href;
    const [trained, res] = await Promise.all([loadCharModel(root), fetch(`${root}corpus.txt`)]);
    if (!res.ok) throw new Error('The training text could not be loaded.');
    return { corpus: await res.text(), trained };
  },
});
addEventListener('message', (e: MessageEvent<CharCommand>) => runner.handle(e.data));
