// Workers (and Node tests): runs the next training slice as soon as the thread is free. Shared by
// the GAN and LSTM workers. Slices are chained with MessageChannel messages, not setTimeout(0):
// nested timers are clamped to ≥ 4 ms after five levels (HTML timers), which left a worker idle
// a quarter of the time between 12 ms slices.

/** Queues `fn` to run once the thread is free; the returned function cancels it if not yet run. */
export type QueueSlice = (fn: () => void) => () => void;

/**
 * A queue on one MessageChannel: callbacks run in the order queued, one per message. A cancelled
 * callback still takes its turn but does nothing.
 */
export function createSliceQueue(): QueueSlice {
  const channel = new MessageChannel();
  const queued: Array<() => void> = [];
  channel.port1.onmessage = () => queued.shift()?.();
  return (fn) => {
    let live = true;
    queued.push(() => {
      if (live) fn();
    });
    channel.port2.postMessage(0);
    return () => {
      live = false;
    };
  };
}
