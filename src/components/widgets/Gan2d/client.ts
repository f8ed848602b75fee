// The 2-D GAN's engine as seen from the element: a Web Worker running lib/gan/runner.ts, or the
// same runner on the main thread in short slices when workers are unavailable. Browser only.
import type { FromGanRunner, ToGanRunner } from '../../../lib/gan/protocol.ts';
import { createGanRunner } from '../../../lib/gan/runner.ts';

export interface GanClient {
  readonly engine: string;
  send(message: ToGanRunner): void;
  dispose(): void;
}

function mainThreadClient(onMessage: (m: FromGanRunner) => void): GanClient {
  let alive = true;
  const runner = createGanRunner(
    {
      post: (m) => queueMicrotask(() => alive && onMessage(m)),
      now: () => performance.now(),
      later: (fn) => {
        const t = setTimeout(fn, 0);
        return () => clearTimeout(t);
      },
    },
    { sliceMs: 6 },
  );
  return {
    engine: 'typed-array engine, main thread',
    send: (m) => runner.handle(m),
    dispose: () => {
      runner.handle({ type: 'dispose' });
      alive = false;
    },
  };
}

/** A worker client; falls back to the main thread if workers are missing or fail to start. */
export function createGanClient(onMessage: (m: FromGanRunner) => void): GanClient {
  if (typeof Worker === 'undefined') return mainThreadClient(onMessage);
  let heard = false;
  let fallback: GanClient | undefined;
  const queued: ToGanRunner[] = [];
  const worker = new Worker(new URL('../../../workers/gan.worker.ts', import.meta.url), {
    type: 'module',
  });
  worker.addEventListener('message', (e: MessageEvent<FromGanRunner>) => {
    heard = true;
    queued.length = 0;
    onMessage(e.data);
  });
  worker.addEventListener('error', () => {
    if (heard || fallback) return;
    worker.terminate();
    fallback = mainThreadClient(onMessage);
    for (const m of queued) fallback.send(m);
  });
  return {
    get engine() {
      return fallback ? fallback.engine : 'typed-array engine, worker';
    },
    send: (m) => {
      if (fallback) return fallback.send(m);
      if (!heard) queued.push(m);
      worker.postMessage(m);
    },
    dispose: () => {
      worker.terminate();
      fallback?.dispose();
    },
  };
}
