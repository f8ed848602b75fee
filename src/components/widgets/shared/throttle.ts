// Rate-limits a function: the first call runs at once, later calls within `ms` are merged into one
// trailing call with the latest arguments. No DOM; the clock can be injected for tests.

export interface Throttled<A extends unknown[]> {
  (...args: A): void;
  /** runs a pending trailing call now */
  flush(): void;
  /** drops a pending trailing call */
  cancel(): void;
}

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Throttles `fn` to at most one call per `ms` milliseconds, keeping the latest arguments. */
export function throttle<A extends unknown[]>(
  fn: (...args: A) => void,
  ms: number,
  clock: Clock = realClock,
): Throttled<A> {
  let last = -Infinity;
  let pending: A | undefined;
  let timer: unknown;
  const run = () => {
    timer = undefined;
    if (!pending) return;
    const args = pending;
    pending = undefined;
    last = clock.now();
    fn(...args);
  };
  const throttled = (...args: A) => {
    pending = args;
    const wait = last + ms - clock.now();
    if (wait <= 0) {
      if (timer !== undefined) clock.clearTimeout(timer);
      run();
    } else if (timer === undefined) timer = clock.setTimeout(run, wait);
  };
  throttled.flush = () => {
    if (timer !== undefined) clock.clearTimeout(timer);
    run();
  };
  throttled.cancel = () => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
    pending = undefined;
  };
  return throttled;
}
