// Browser only: starts the CNN worker(s). With `workers: 2` (default when the device has ≥ 2
// cores) a second worker computes half of every batch's gradient over a MessageChannel.
import type { CnnInit, FromCnnWorker, ToCnnWorker } from './protocol.ts';

export interface CnnWorkers {
  /** The primary worker: send it ToCnnWorker messages, listen for FromCnnWorker. */
  readonly worker: Worker;
  readonly count: 1 | 2;
  send(msg: ToCnnWorker, transfer?: Transferable[]): void;
  /** Subscribes to the primary's messages; returns an unsubscribe function. */
  on(fn: (msg: FromCnnWorker) => void): () => void;
  terminate(): void;
}

const spawn = () =>
  new Worker(new URL('../../../workers/cnn.worker.ts', import.meta.url), { type: 'module' });

/**
 * Starts the worker(s) and sends `init` (dataUrl made absolute); resolves once the primary
 * reports ready. Errors arrive as { type: 'error' } messages and reject this promise if early.
 */
export async function startCnnWorkers(
  init: Omit<CnnInit, 'type' | 'helper'>,
  opts: { workers?: 1 | 2 } = {},
): Promise<CnnWorkers> {
  const cores = globalThis.navigator?.hardwareConcurrency ?? 1;
  const count = opts.workers ?? (cores >= 2 ? 2 : 1);
  const dataUrl = new URL(init.dataUrl, globalThis.location.href).href;
  const worker = spawn();
  let helper: Worker | undefined;
  const listeners = new Set<(msg: FromCnnWorker) => void>();
  worker.addEventListener('message', (e: MessageEvent<FromCnnWorker>) => {
    for (const fn of listeners) fn(e.data);
  });
  const ready = new Promise<void>((resolve, reject) => {
    const off = (msg: FromCnnWorker) => {
      if (msg.type === 'ready') resolve();
      else if (msg.type === 'error') reject(new Error(msg.message));
      else return;
      listeners.delete(off);
    };
    listeners.add(off);
    worker.addEventListener('error', (e) =>
      reject(new Error(e.message || 'The CNN worker failed.')),
    );
  });
  if (count === 2) {
    helper = spawn();
    const ch = new MessageChannel();
    helper.postMessage(
      {
        type: 'helper',
        dataUrl,
        port: ch.port2,
        ...(init.spec ? { spec: init.spec } : {}),
      } satisfies ToCnnWorker,
      [ch.port2],
    );
    worker.postMessage({ ...init, type: 'init', dataUrl, helper: ch.port1 } satisfies ToCnnWorker, [
      ch.port1,
    ]);
  } else {
    worker.postMessage({ ...init, type: 'init', dataUrl } satisfies ToCnnWorker);
  }
  await ready;
  return {
    worker,
    count,
    send: (msg, transfer) => worker.postMessage(msg, transfer ?? []),
    on(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    terminate() {
      worker.terminate();
      helper?.terminate();
    },
  };
}
