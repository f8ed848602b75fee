// Worker entry: the memory task (RNN vs LSTM) trains here, off the page's main thread.
import { createMemoryRunner, type MemoryCommand } from '../../../lib/rnn/memory-runner.ts';

const runner = createMemoryRunner({
  post: (m) => postMessage(m),
  schedule: (fn) => {
    const id = setTimeout(fn, 0);
    return () => clearTimeout(id);
  },
  now: () => performance.now(),
  budgetMs: 30,
  reportMs: 250,
});
addEventListener('message', (e: MessageEvent<MemoryCommand>) => runner.handle(e.data));
