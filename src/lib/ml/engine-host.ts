// Scheduling helpers for hosting the engine in a worker or on the main thread. Browser/worker only.
export { createEngine } from './engine';

/**
 * Runs `fn` after `delayMs`; with 0, as the next task via a MessageChannel (setTimeout chains are
 * clamped to 4 ms, which would idle a fast loop ~10% of the time).
 */
export function zeroDelay(fn: () => void, delayMs: number): () => void {
  if (delayMs > 0) {
    const t = setTimeout(fn, delayMs);
    return () => clearTimeout(t);
  }
  let live = true;
  const ch = new MessageChannel();
  ch.port1.onmessage = () => {
    ch.port1.close();
    if (live) fn();
  };
  ch.port2.postMessage(null);
  return () => {
    live = false;
    ch.port1.close();
  };
}
