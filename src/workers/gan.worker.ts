// The 2-D GAN's training worker: a thin shell around createGanRunner (src/lib/gan/runner.ts).
// It trains in ~12 ms slices and yields between them so messages (pause, speed) get through;
// the next slice is queued with a MessageChannel message (./slice-queue.ts says why).
import { createGanRunner } from '../lib/gan/runner.ts';
import type { FromGanRunner, ToGanRunner } from '../lib/gan/protocol.ts';
import { createSliceQueue } from './slice-queue.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const queueSlice = createSliceQueue();

const runner = createGanRunner(
  {
    post: (message: FromGanRunner, transfer) => scope.postMessage(message, transfer),
    now: () => performance.now(),
    later: (fn, idleMs = 0) => {
      // Speed-limited: nothing to do for a while, so wait (a message chain would spin).
      if (idleMs >= 1) {
        const t = setTimeout(fn, idleMs);
        return () => clearTimeout(t);
      }
      return queueSlice(fn);
    },
  },
  { sliceMs: 12 },
);

scope.addEventListener('message', (e: MessageEvent<ToGanRunner>) => runner.handle(e.data));
