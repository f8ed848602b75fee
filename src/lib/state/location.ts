// Browser only: reads and writes a widget's namespaced state in the page URL (history.replaceState,
// so no navigation or history entries).
import type { ReadResult, Schema, Values } from './url-state';
import { readState, writeState } from './url-state';

/** Reads `ns` from the current URL; never throws. */
export function loadUrlState<S extends Schema>(
  ns: string,
  schema: S,
  base?: Values<S>,
): ReadResult<S> {
  return readState(globalThis.location?.search ?? '', ns, schema, base);
}

/** Writes `ns` into the current URL without navigating; never throws. */
export function saveUrlState<S extends Schema>(
  ns: string,
  schema: S,
  values: Values<S>,
  base?: Values<S>,
): void {
  try {
    const search = writeState(location.search, ns, schema, values, base);
    if (search === location.search) return;
    history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
  } catch {
    /* sandboxed frames may forbid replaceState; state simply is not shared */
  }
}
