// Data shapes shared by the notebook's compile step (build time and browser) and its runtime.
// Pure: no DOM.

/** One cell as authored in a lesson (or as edited by a reader). */
export interface CellSource {
  /** Observable JavaScript: `x = 1`, `viewof w = Inputs.range(...)`, `{ ... }`, `tex\`...\``. */
  source: string;
  /** The reader may edit this cell in the browser (CodeMirror). */
  editable?: boolean;
  /** The cell's output is not shown (a helper cell); its code stays readable. */
  hidden?: boolean;
  /** A readable name for messages and labels; defaults to the declared name or "cell N". */
  label?: string;
}

/**
 * A compiled cell, ready for `runtime.module().variable(observer).define(name, inputs, fn)`.
 * `body` is the source of a function expression whose parameters match `inputs` in order; it is
 * turned into a function in the browser (`new Function`), because reader-edited cells must be
 * compiled there too. `outputs` lists the names the cell defines (`viewof w` defines both
 * "viewof w" and "w").
 */
export interface CellDefinition {
  /** Stable id within the notebook: "c0", "c1", ... in authored order. */
  id: string;
  /** The declared name ("w" for `viewof w = ...`), or null for an anonymous cell. */
  name: string | null;
  /** What messages call the cell: the label, else the name, else "cell N" (1-based). */
  label: string;
  /** The names the cell reads (other cells or builtins), each once, in first-use order. */
  inputs: string[];
  /** The names the cell defines. */
  outputs: string[];
  /** Source of a function expression taking `inputs` in order. */
  body: string;
  /** `viewof name = ...`: the value is an input element; `name` is its current value. */
  view: boolean;
  async: boolean;
  generator: boolean;
  /** True if loops in `body` call the loop guard (`__nbGuard`). */
  guarded: boolean;
}

/** A problem found while compiling a cell, located in that cell's own source. */
export interface CellError {
  /** The cell's label ("f", "cell 3"). */
  cell: string;
  /** 1-based line and column in the cell source (0 when unknown). */
  line: number;
  column: number;
  /** The parser's message without its "(line:column)" suffix. */
  message: string;
}

export type CompileResult = { ok: true; cell: CellDefinition } | { ok: false; error: CellError };

/** Options for compiling one cell. */
export interface CompileOptions {
  /** Cell id; default "c0". */
  id?: string;
  /** Index used for the default label "cell N" (0-based); default 0. */
  index?: number;
  /** A readable label overriding the declared name in messages. */
  label?: string;
  /** Instrument loops with the time-budget guard (for reader-edited code). Default false. */
  loopGuard?: boolean;
}
