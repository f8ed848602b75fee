// Dependency resolution between compiled cells: which cell defines which name, what each cell
// depends on, which cells re-run after one changes, and what is wrong (unknown names, names
// defined twice, cycles). Pure: no DOM, no parser.
import type { CellDefinition, CellError } from './types';

/** Names every notebook provides (see src/components/notebook/builtins.ts). */
export const BUILTIN_NAMES = [
  'tf',
  'd3',
  'tex',
  'Inputs',
  'html',
  'svg',
  'Generators',
  'Promises',
  'DOM',
  'now',
  'width',
  'invalidation',
  'visibility',
  'plotFunction',
  'lib',
] as const;

export interface NotebookProblem extends CellError {
  kind: 'syntax' | 'unknown-name' | 'duplicate' | 'cycle';
}

/** Map from each defined name to the id of the cell defining it (first definition wins). */
export function definers(cells: readonly CellDefinition[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const c of cells) for (const o of c.outputs) if (!map.has(o)) map.set(o, c.id);
  return map;
}

/** Unknown names, names defined by two cells, and circular definitions. */
export function checkGraph(
  cells: readonly CellDefinition[],
  builtins: readonly string[] = BUILTIN_NAMES,
): NotebookProblem[] {
  const problems: NotebookProblem[] = [];
  const byName = definers(cells);
  const seen = new Map<string, string>();
  for (const c of cells) {
    for (const o of c.outputs) {
      const first = seen.get(o);
      if (first !== undefined) {
        problems.push({
          kind: 'duplicate',
          cell: c.label,
          line: 1,
          column: 1,
          message: `${o} is already defined by cell ${first}`,
        });
      } else seen.set(o, c.label);
    }
    for (const i of c.inputs) {
      if (!byName.has(i) && !builtins.includes(i)) {
        problems.push({
          kind: 'unknown-name',
          cell: c.label,
          line: 0,
          column: 0,
          message: `${i} is not defined by any cell or builtin`,
        });
      }
    }
  }
  for (const c of cells) {
    if (dependencies(cells, c.id).includes(c.id)) {
      problems.push({
        kind: 'cycle',
        cell: c.label,
        line: 0,
        column: 0,
        message: 'circular definition',
      });
    }
  }
  return problems;
}

/** Ids of the cells `id` reads from, transitively (itself included only in a cycle). */
export function dependencies(cells: readonly CellDefinition[], id: string): string[] {
  const byName = definers(cells);
  const byId = new Map(cells.map((c) => [c.id, c]));
  const out: string[] = [];
  const stack = [...(byId.get(id)?.inputs ?? [])];
  while (stack.length > 0) {
    const dep = byName.get(stack.pop()!);
    if (dep === undefined || out.includes(dep)) continue;
    out.push(dep);
    stack.push(...(byId.get(dep)?.inputs ?? []));
  }
  return out;
}

/**
 * Ids of the cells that re-run when cell `id` changes: itself first, then every cell that reads
 * one of its outputs, transitively, in authored order.
 */
export function dependents(cells: readonly CellDefinition[], id: string): string[] {
  const affected = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of cells) {
      if (affected.has(c.id)) continue;
      const reads = c.inputs.some((i) =>
        cells.some((d) => affected.has(d.id) && d.outputs.includes(i)),
      );
      if (reads) {
        affected.add(c.id);
        grew = true;
      }
    }
  }
  return [id, ...cells.filter((c) => c.id !== id && affected.has(c.id)).map((c) => c.id)];
}
