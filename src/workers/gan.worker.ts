// The 2-D GAN's training worker: a thin shell around createGanRunner (src/lib/gan/runner.ts).
// It trains in ~12 ms slices and yields between them so messages (pause, speed) get through.
// The next slice is queued with a MessageChannel message, not setTimeout(0): nested timers are
// clamped to ≥ 4 ms after five levels (HTML timers), which left the worker idle a quarter of
// the time between 12 ms slices.
import { createGanRunner } from '../lib/gan/runner.ts';
import type { FromGanRunner, ToGanRunner } from '../lib/gan/protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const channel = new MessageChannel();
const queued: Array<() => void> = [];
channel.port1.onmessage = () => queued.shift()?.();

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
      let live = true;
      queued.push(() => {
        if (live) fn();
      });
      channel.port2.postMessage(0);
      return () => {
        live = false;
      };
    },
  },
  { sliceMs: 12 },
);

scope.addEventListener('message', (e: MessageEvent<ToGanRunner>) => runner.handle(e.data));
