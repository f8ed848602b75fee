// The playground's training worker: a thin shell around createRunner (src/lib/playground/runner.ts).
// It trains in ~12 ms slices and yields between them so messages (pause, speed) get through.
import { createRunner } from '../lib/playground/runner.ts';
import type { FromRunner, ToRunner } from '../lib/playground/protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const runner = createRunner(
  {
    post: (message: FromRunner, transfer) => scope.postMessage(message, transfer),
    now: () => performance.now(),
    later: (fn) => {
      const t = setTimeout(fn, 0);
      return () => clearTimeout(t);
    },
  },
  { sliceMs: 12 },
);

scope.addEventListener('message', (e: MessageEvent<ToRunner>) => runner.handle(e.data));
