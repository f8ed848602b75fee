// The 2-D GAN's training worker: a thin shell around createGanRunner (src/lib/gan/runner.ts).
// It trains in ~12 ms slices and yields between them so messages (pause, speed) get through.
import { createGanRunner } from '../lib/gan/runner.ts';
import type { FromGanRunner, ToGanRunner } from '../lib/gan/protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const runner = createGanRunner(
  {
    post: (message: FromGanRunner, transfer) => scope.postMessage(message, transfer),
    now: () => performance.now(),
    later: (fn) => {
      const t = setTimeout(fn, 0);
      return () => clearTimeout(t);
    },
  },
  { sliceMs: 12 },
);

scope.addEventListener('message', (e: MessageEvent<ToGanRunner>) => runner.handle(e.data));
