// Browser: runs one notebook. Defines every compiled cell on an Observable runtime, shows values
// and errors per cell, wires the editors (Run, Reset cell, Reset notebook, Shift+Enter), keeps the
// reader's edits in localStorage and announces results in the notebook's status region. Loaded by
// element.ts when the notebook scrolls into view; the parser loads only when edited code must be
// compiled. Everything it starts is undone by the disposer it returns.
import { Runtime, type Module, type Observer, type Variable } from '@observablehq/runtime';
import { createBuiltins } from './builtins';
import { display } from './inspect';
import { createLoopGuard, GUARD_NAME, type LoopGuard } from '../../lib/notebook/loop-guard';
import { createEditStore, editsKey, type KeyValueStorage } from '../../lib/notebook/edits';
import { definers, dependents } from '../../lib/notebook/graph';
import type { CellDefinition } from '../../lib/notebook/types';
import type { CellEditor } from './editor';

/** What Notebook.astro embeds as JSON for each notebook. */
export interface NotebookData {
  id: string;
  budgetMs: number;
  cells: Array<{
    id: string;
    source: string;
    editable: boolean;
    hidden: boolean;
    label: string;
    def: CellDefinition;
  }>;
}

type Outcome = { ok: true } | { ok: false; message: string };

interface CellState {
  id: string;
  index: number;
  label: string;
  authored: string;
  authoredDef: CellDefinition;
  def: CellDefinition;
  hidden: boolean;
  editable: boolean;
  el: HTMLElement;
  output: HTMLElement;
  error: HTMLElement;
  main?: Variable;
  value?: Variable;
  editor?: CellEditor;
  /** Cancels a pending save of the editor's text (set when the editor exists). */
  cancelSave?: () => void;
  compileError: string | null;
  runtimeError: string | null;
  waiters: Array<(o: Outcome) => void>;
}

function localStore(): KeyValueStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Turns a compiled body into the runtime's definition function. */
function instantiate(def: CellDefinition, guard: LoopGuard): (...args: unknown[]) => unknown {
  // Cell code is compiled to a function expression (build time or, for edits, in the browser).
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const make = new Function(GUARD_NAME, `"use strict"; return (${def.body});`) as (
    g: LoopGuard,
  ) => unknown;
  return make(guard) as (...args: unknown[]) => unknown;
}

let compiler: Promise<typeof import('../../lib/notebook/compile')> | undefined;
/** The parser and compile step, loaded on the first edit. */
const loadCompiler = () => (compiler ??= import('../../lib/notebook/compile'));

/** Mounts the notebook in `root` (the nb-notebook element). Returns its disposer. */
export async function mountNotebook(root: HTMLElement, data: NotebookData): Promise<() => void> {
  const cleanup: Array<() => void> = [];
  const dispose = () => {
    for (const f of cleanup.splice(0).reverse()) f();
  };
  const status = root.querySelector<HTMLElement>('.nb-status');
  const announce = (text: string) => {
    if (status) status.textContent = text;
  };
  const guard = createLoopGuard({ budgetMs: data.budgetMs });
  const runtime = new Runtime(createBuiltins(root));
  cleanup.push(() => runtime.dispose());
  const module: Module = runtime.module();
  const store = createEditStore(
    localStore(),
    editsKey(location.pathname, data.id),
    data.cells.map((c) => c.id),
  );

  const cells: CellState[] = data.cells.map((c, index) => {
    const el = root.querySelector<HTMLElement>(`[data-cell="${c.id}"]`)!;
    return {
      id: c.id,
      index,
      label: c.label,
      authored: c.source,
      authoredDef: c.def,
      def: c.def,
      hidden: c.hidden,
      editable: c.editable,
      el,
      output: el.querySelector<HTMLElement>('.nb-output')!,
      error: el.querySelector<HTMLElement>('.nb-error')!,
      compileError: null,
      runtimeError: null,
      waiters: [],
    };
  });
  const byName = () => definers(cells.map((c) => c.def));

  const renderError = (cell: CellState) => {
    const message = cell.compileError ?? cell.runtimeError;
    cell.error.hidden = message === null;
    cell.error.textContent = message ?? '';
    cell.el.classList.toggle('nb-has-error', message !== null);
    cell.el.classList.toggle('nb-stale', cell.compileError !== null);
  };

  const describe = (cell: CellState, error: unknown): { message: string; upstream: boolean } => {
    const e = error as { name?: string; message?: string; input?: string };
    // The loop guard's message speaks for itself; other errors keep their type ("TypeError: ...").
    const message =
      e.name === 'LoopStoppedError' && e.message
        ? e.message
        : `${e.name ?? 'Error'}: ${e.message ?? String(error)}`;
    if (e.name === 'RuntimeError' && e.input !== undefined) {
      const from = byName().get(e.input);
      const other = cells.find((c) => c.id === from);
      if (other && other !== cell)
        return { message: `Waiting for ${other.label}, which has an error.`, upstream: true };
    }
    return { message, upstream: false };
  };

  const settle = (cell: CellState, outcome: Outcome) => {
    for (const w of cell.waiters.splice(0)) w(outcome);
  };

  const observer = (cell: CellState): Observer => ({
    pending() {
      cell.el.classList.add('nb-pending');
    },
    fulfilled(value) {
      cell.el.classList.remove('nb-pending');
      cell.runtimeError = null;
      renderError(cell);
      if (!cell.hidden) display(cell.output, value, cell.def.view ? null : cell.def.name);
      settle(cell, { ok: true });
    },
    rejected(error) {
      cell.el.classList.remove('nb-pending');
      const { message, upstream } = describe(cell, error);
      cell.runtimeError = message;
      cell.el.classList.toggle('nb-upstream-error', upstream);
      renderError(cell);
      if (!cell.hidden) cell.output.replaceChildren();
      settle(cell, { ok: false, message });
    },
  });

  /** (Re)defines a cell's variables; a viewof cell also defines its value. */
  const define = (cell: CellState, def: CellDefinition) => {
    let fn: (...args: unknown[]) => unknown;
    try {
      fn = instantiate(def, guard);
    } catch (err) {
      cell.compileError = `SyntaxError: ${(err as Error).message}`;
      renderError(cell);
      return;
    }
    cell.def = def;
    cell.main ??= module.variable(observer(cell));
    cell.main.define(def.view ? `viewof ${def.name}` : def.name, def.inputs, fn);
    if (def.view && def.name) {
      cell.value ??= module.variable();
      cell.value.define(def.name, ['Generators', `viewof ${def.name}`], (G: unknown, v: unknown) =>
        (G as { input: (el: unknown) => unknown }).input(v),
      );
    } else if (cell.value) {
      cell.value.delete();
      delete cell.value;
    }
  };

  const nextOutcome = (cell: CellState, ms = 4000) =>
    new Promise<Outcome | 'running'>((resolve) => {
      const t = setTimeout(() => resolve('running'), ms);
      cell.waiters.push((o) => {
        clearTimeout(t);
        resolve(o);
      });
    });

  /** Compiles `source` (guarded) unless it is the authored code; null on a compile error. */
  const compile = async (cell: CellState, source: string): Promise<CellDefinition | null> => {
    if (source === cell.authored) return cell.authoredDef;
    const { compileCell, formatCellError } = await loadCompiler();
    const r = compileCell(source, {
      id: cell.id,
      index: cell.index,
      label: cell.label,
      loopGuard: true,
    });
    if (r.ok) return r.cell;
    cell.compileError = formatCellError(r.error);
    renderError(cell);
    return null;
  };

  const runCell = async (cell: CellState, source: string, verb: string) => {
    const def = await compile(cell, source);
    if (!def) {
      announce(
        `${cell.compileError} The other cells keep running the last code of ${cell.label} that worked.`,
      );
      return;
    }
    cell.compileError = null;
    renderError(cell);
    const outcome = nextOutcome(cell);
    define(cell, def);
    const o = await outcome;
    const n =
      dependents(
        cells.map((c) => c.def),
        cell.id,
      ).length - 1;
    const deps = n === 0 ? '' : ` ${n} dependent cell${n === 1 ? '' : 's'} updated.`;
    if (o === 'running') announce(`${cell.label} ${verb} and is still running.`);
    else if (o.ok) announce(`${cell.label} ${verb}.${deps}`);
    else announce(`${cell.label}: ${o.message}`);
  };

  // First definition: authored code, or the reader's saved edits (compiled with the loop guard).
  const saved = store.load();
  const restored = cells.filter((c) => c.editable && saved[c.id] !== undefined);
  for (const cell of cells) {
    const edit = cell.editable ? saved[cell.id] : undefined;
    const def =
      edit === undefined ? cell.authoredDef : ((await compile(cell, edit)) ?? cell.authoredDef);
    define(cell, def);
  }
  if (restored.length > 0) {
    const n = restored.length;
    announce(
      `Restored your edits to ${n} cell${n === 1 ? '' : 's'} from this browser. “Reset notebook” brings back the original code.`,
    );
  }

  // Editors: replace each editable cell's static listing with CodeMirror.
  const editable = cells.filter((c) => c.editable);
  if (editable.length > 0) {
    const { createCellEditor } = await import('./editor');
    for (const cell of editable) {
      const host = cell.el.querySelector<HTMLElement>('.nb-editor')!;
      const listing = host.querySelector<HTMLElement>('.nb-code-static');
      const badge = cell.el.querySelector<HTMLElement>('.nb-edited');
      const markEdited = (doc: string) => {
        if (badge) badge.hidden = doc === cell.authored;
      };
      let saveTimer: ReturnType<typeof setTimeout> | undefined;
      const initial = saved[cell.id] ?? cell.authored;
      const saveNow = () => {
        clearTimeout(saveTimer);
        if (cell.editor) store.save(cell.id, cell.editor.getDoc(), cell.authored);
      };
      const run = () => {
        saveNow();
        void runCell(cell, cell.editor!.getDoc(), 'ran');
      };
      cell.editor = createCellEditor({
        parent: host,
        doc: initial,
        labelledBy: host.dataset['labelledby'] ?? '',
        describedBy: host.dataset['describedby'] ?? '',
        onRun: run,
        onChange: (doc) => {
          markEdited(doc);
          clearTimeout(saveTimer);
          saveTimer = setTimeout(() => store.save(cell.id, doc, cell.authored), 300);
        },
      });
      markEdited(initial);
      cell.cancelSave = () => clearTimeout(saveTimer);
      if (listing) listing.hidden = true;
      // Leaving the page (or removing the notebook) keeps the last keystrokes.
      cleanup.push(() => {
        saveNow();
        cell.editor?.destroy();
      });
      const on = (action: string, f: () => void) => {
        const b = cell.el.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);
        if (!b) return;
        b.disabled = false;
        b.addEventListener('click', f);
        cleanup.push(() => b.removeEventListener('click', f));
      };
      on('run', run);
      on('reset', () => {
        cell.editor!.setDoc(cell.authored);
        clearTimeout(saveTimer);
        store.discard(cell.id);
        void runCell(cell, cell.authored, 'was reset to the original code');
      });
    }
  }

  const resetAll = root.querySelector<HTMLButtonElement>('button[data-action="reset-all"]');
  if (resetAll) {
    const onReset = () => {
      store.discard();
      for (const cell of cells) {
        cell.editor?.setDoc(cell.authored);
        cell.cancelSave?.();
        cell.compileError = null;
        define(cell, cell.authoredDef);
      }
      announce('Notebook reset: every cell is back to its original code.');
    };
    resetAll.disabled = false;
    resetAll.addEventListener('click', onReset);
    cleanup.push(() => resetAll.removeEventListener('click', onReset));
  }

  root.classList.add('nb-ready');
  cleanup.push(() => root.classList.remove('nb-ready'));
  return dispose;
}
