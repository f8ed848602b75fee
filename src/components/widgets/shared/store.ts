// A tiny typed store: one state object, shallow-merged updates, subscribers told only on change.
// No DOM; widgets keep their whole state in one of these.

export type Listener<T> = (state: T, previous: T) => void;

export interface Store<T extends object> {
  get(): T;
  /** Shallow-merges `patch` (or the object an updater returns); notifies only if a field changed. */
  set(patch: Partial<T> | ((state: T) => Partial<T>)): void;
  /** Calls `fn` on every change (and once now with `immediate`); returns the unsubscriber. */
  subscribe(fn: Listener<T>, opts?: { immediate?: boolean }): () => void;
}

/** Creates a store holding `initial`. Listeners run synchronously in subscription order. */
export function createStore<T extends object>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<Listener<T>>();
  return {
    get: () => state,
    set(patch) {
      const p = typeof patch === 'function' ? patch(state) : patch;
      let changed = false;
      for (const key of Object.keys(p) as Array<keyof T>) {
        if (!Object.is(p[key], state[key])) {
          changed = true;
          break;
        }
      }
      if (!changed) return;
      const previous = state;
      state = { ...state, ...p };
      for (const fn of [...listeners]) fn(state, previous);
    },
    subscribe(fn, opts) {
      listeners.add(fn);
      if (opts?.immediate) fn(state, state);
      return () => {
        listeners.delete(fn);
      };
    },
  };
}
