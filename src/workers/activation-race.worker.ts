// Worker entry: the activation race trains here, off the page's main thread.
import { createRaceRunner, type RaceCommand } from '../lib/ml/activation-race-runner.ts';

const runner = createRaceRunner({
  post: (m) => postMessage(m),
  schedule: (fn) => {
    const id = setTimeout(fn, 0);
    return () => clearTimeout(id);
  },
  now: () => performance.now(),
  budgetMs: 30,
});
addEventListener('message', (e: MessageEvent<RaceCommand>) => runner.handle(e.data));
