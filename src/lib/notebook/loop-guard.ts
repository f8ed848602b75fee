// The loop guard the instrumented cells call (see instrument.ts for the source rewrite).
// Pure: no DOM. Used in the browser and in tests.
//
// Why an epoch and not a plain start time: a loop that yields to the event loop (a generator
// animating with `yield`, an `await` of a timer) does not freeze the page, however long it runs.
// The guard counts the time a loop runs *without a task boundary*: every check makes sure a
// zero-delay task is scheduled that bumps the epoch; if that task never gets to run, the page is
// blocked, and once a loop has blocked for longer than the budget its next check throws.

/** The identifier the instrumented code calls; cells may not use names starting with `__nb`. */
export const GUARD_NAME = '__nbGuard';
/** Reserved prefix for names the compiler generates. */
export const RESERVED_PREFIX = '__nb';

/** Thrown by the guard when a loop has blocked the page for longer than its budget. */
export class LoopStoppedError extends Error {
  readonly elapsedMs: number;
  constructor(elapsedMs: number, budgetMs: number) {
    super(
      `Loop stopped after ${elapsedMs} ms: it ran longer than the ${budgetMs} ms budget without pausing. Does it ever end?`,
    );
    this.name = 'LoopStoppedError';
    this.elapsedMs = elapsedMs;
  }
}

/** Per-loop state the instrumented code keeps in `__nbLoopK`. */
export interface LoopState {
  start: number;
  epoch: number;
}

/** The object instrumented cells call as `__nbGuard`. */
export interface LoopGuard {
  loop(): LoopState;
  /** Throws LoopStoppedError once the loop has run `budgetMs` without a task boundary. */
  check(state: LoopState): void;
}

export interface LoopGuardOptions {
  /** Time budget per loop in ms; default 1000. */
  budgetMs?: number;
  /** Clock in ms; default performance.now. */
  now?: () => number;
  /** Runs `f` in a later task; default setTimeout(f, 0). */
  schedule?: (f: () => void) => void;
}

/** Creates a guard. One guard can serve every cell of a notebook. */
export function createLoopGuard(opts: LoopGuardOptions = {}): LoopGuard {
  const budgetMs = opts.budgetMs ?? 1000;
  const now = opts.now ?? (() => performance.now());
  const schedule = opts.schedule ?? ((f: () => void) => void setTimeout(f, 0));
  let epoch = 0;
  let pending = false;
  const tick = (): void => {
    if (pending) return;
    pending = true;
    schedule(() => {
      pending = false;
      epoch++;
    });
  };
  return {
    loop() {
      tick();
      return { start: now(), epoch };
    },
    check(state) {
      tick();
      const t = now();
      if (state.epoch !== epoch) {
        state.epoch = epoch;
        state.start = t;
        return;
      }
      const elapsed = t - state.start;
      if (elapsed > budgetMs) throw new LoopStoppedError(Math.round(elapsed), budgetMs);
    },
  };
}
