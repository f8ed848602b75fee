// Whole-notebook compile: every cell of a notebook, then the dependency checks of graph.ts.
// Pure: no DOM. (The graph functions live apart so the browser runtime can use them without
// loading the parser.)
import { compileCell } from './compile';
import { BUILTIN_NAMES, checkGraph, type NotebookProblem } from './graph';
import type { CellDefinition, CellSource } from './types';

export * from './graph';

export interface CompiledNotebook {
  /** One entry per authored cell, in order; null where the cell did not compile. */
  cells: Array<CellDefinition | null>;
  problems: NotebookProblem[];
}

/** Compiles every cell of a notebook (authored code: no loop guard) and checks the graph. */
export function compileNotebook(
  sources: CellSource[],
  opts: { builtins?: readonly string[]; loopGuard?: boolean } = {},
): CompiledNotebook {
  const problems: NotebookProblem[] = [];
  const cells = sources.map((s, index) => {
    const r = compileCell(s.source, {
      id: `c${index}`,
      index,
      loopGuard: opts.loopGuard ?? false,
      ...(s.label ? { label: s.label } : {}),
    });
    if (r.ok) return r.cell;
    problems.push({ kind: 'syntax', ...r.error });
    return null;
  });
  const defined = cells.filter((c): c is CellDefinition => c !== null);
  problems.push(...checkGraph(defined, opts.builtins ?? BUILTIN_NAMES));
  return { cells, problems };
}
