// The Playground's training engine as seen from the element: a Web Worker running
// lib/playground/runner.ts, or the same runner on the main thread in frame-sized slices when
// workers are unavailable or fail to start. Browser only.
import type { FromRunner, ToRunner } from '../../../lib/playground/protocol.ts';
import { createRunner } from '../../../lib/playground/runner.ts';

export interface Client {
  /** Shown to the reader under the widget ("typed-array engine, worker"). */
  readonly engine: string;
  send(message: ToRunner): void;
  dispose(): void;
}

/** The runner on the main thread, in frame-sized slices (when Worker is unavailable). */
export function mainThreadClient(onMessage: (m: FromRunner) => void): Client {
  let alive = true;
  const runner = createRunner(
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

/**
 * A worker client, or the main-thread one if workers are unavailable. `onFail` runs if the worker
 * script fails before it ever answered (the caller then switches to mainThreadClient).
 */
export function createClient(onMessage: (m: FromRunner) => void, onFail: () => void): Client {
  if (typeof Worker === 'undefined') return mainThreadClient(onMessage);
  try {
    const worker = new Worker(new URL('../../../workers/playground.worker.ts', import.meta.url), {
      type: 'module',
    });
    let heard = false;
    worker.addEventListener('message', (e: MessageEvent<FromRunner>) => {
      heard = true;
      onMessage(e.data);
    });
    worker.addEventListener('error', () => {
      if (!heard) onFail();
    });
    return {
      engine: 'typed-array engine, worker',
      send: (m) => worker.postMessage(m),
      dispose: () => worker.terminate(),
    };
  } catch {
    return mainThreadClient(onMessage);
  }
}
