// A reader's edits to a notebook, kept per lesson page and notebook id in a Storage
// (localStorage in the browser, a Map-backed fake in tests). Pure: no DOM beyond the Storage shape.
// Corrupt or foreign data is ignored (and never thrown on); a later save overwrites it.

/** The subset of the Web Storage API the notebook uses. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Saved edits: cell id → edited source. Only cells that differ from the authored code. */
export type Edits = Record<string, string>;

const VERSION = 1;

/** Storage key for one notebook on one page. */
export function editsKey(pagePath: string, notebookId: string): string {
  return `neuronbook:notebook:v${VERSION}:${pagePath}#${notebookId}`;
}

/** Parses stored JSON; anything malformed yields no edits. Unknown cell ids are dropped. */
export function parseEdits(raw: string | null, cellIds: readonly string[]): Edits {
  if (!raw) return {};
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return {};
  }
  if (typeof data !== 'object' || data === null) return {};
  const { v, cells } = data as { v?: unknown; cells?: unknown };
  if (v !== VERSION || typeof cells !== 'object' || cells === null) return {};
  const out: Edits = {};
  for (const [id, source] of Object.entries(cells)) {
    if (cellIds.includes(id) && typeof source === 'string') out[id] = source;
  }
  return out;
}

/** Store for one notebook's edits. Writes swallow quota/availability errors (edits are a bonus). */
export function createEditStore(
  storage: KeyValueStorage | undefined,
  key: string,
  cellIds: readonly string[],
) {
  const read = (): Edits => {
    try {
      return parseEdits(storage?.getItem(key) ?? null, cellIds);
    } catch {
      return {};
    }
  };
  const write = (edits: Edits): void => {
    try {
      if (Object.keys(edits).length === 0) storage?.removeItem(key);
      else storage?.setItem(key, JSON.stringify({ v: VERSION, cells: edits }));
    } catch {
      /* storage full or unavailable: the edit still runs, it just is not kept */
    }
  };
  return {
    load: read,
    /** Saves `source` for a cell, or forgets the cell's edit when it equals the authored code. */
    save(cellId: string, source: string, authored: string): void {
      const edits = read();
      if (source === authored) delete edits[cellId];
      else edits[cellId] = source;
      write(edits);
    },
    discard(cellId?: string): void {
      if (cellId === undefined) return write({});
      const edits = read();
      delete edits[cellId];
      write(edits);
    },
  };
}
