// The compile step: Observable JavaScript cell source → cell definition {id, name, inputs,
// outputs, body}. Pure: no DOM. Runs at build time (Notebook.astro) and, loaded on the first edit,
// in the browser for reader-edited cells (with the loop guard).
import {
  parseCell,
  peekId,
  walk as observableWalk,
  type ObservableCell,
} from '@observablehq/parser';
import { ancestor } from 'acorn-walk';
import type { Node } from 'acorn';
import { GUARD_NAME, RESERVED_PREFIX } from './loop-guard';
import { applyEdits, loopGuardEdits, type SourceEdit } from './instrument';
import type { CellDefinition, CellError, CompileOptions, CompileResult } from './types';

type Named = Node & { type: string; name?: string; id?: Node & { name: string } };

/** What a cell reference names: `x` for an Identifier, `viewof x` for a ViewExpression. */
function referenceName(ref: Named): string {
  if (ref.type === 'ViewExpression') return `viewof ${ref.id!.name}`;
  if (ref.type === 'MutableExpression') return `mutable ${ref.id!.name}`;
  return ref.name!;
}

/** A JavaScript parameter name for an input ("viewof w" → "$viewof$w"). */
export function paramName(input: string): string {
  return input.replace(/^(viewof|mutable) /, '$$$1$$');
}

/** Default label: the declared name, else "cell N" (1-based). */
function defaultLabel(name: string | null, index: number): string {
  return name ?? `cell ${index + 1}`;
}

/** Locates a parser error in the cell source; acorn reports `pos` and `loc` (0-based column). */
function toCellError(err: unknown, cell: string): CellError {
  const e = err as { message?: string; loc?: { line: number; column: number } };
  const message = String(e.message ?? err).replace(/\s*\(\d+:\d+\)$/, '');
  return {
    cell,
    line: e.loc?.line ?? 0,
    column: e.loc ? e.loc.column + 1 : 0,
    message,
  };
}

/** "SyntaxError in cell f, line 2, column 5: Unexpected token" */
export function formatCellError(error: CellError): string {
  const where = error.line > 0 ? `, line ${error.line}, column ${error.column}` : '';
  return `Error in cell ${error.cell}${where}: ${error.message}`;
}

/** Positions → 1-based line/column within `source`. */
function lineColumn(source: string, pos: number): { line: number; column: number } {
  const before = source.slice(0, pos).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/**
 * Compiles one cell. Never throws for bad input: syntax errors and unsupported constructs come
 * back as `{ok: false, error}` with the cell's label and the line and column in its own source.
 */
export function compileCell(source: string, opts: CompileOptions = {}): CompileResult {
  const id = opts.id ?? 'c0';
  const index = opts.index ?? 0;
  // The label is known only after parsing; a parse error uses the label or a peeked name.
  const fallbackLabel = opts.label ?? peekId(source) ?? defaultLabel(null, index);
  let cell: ObservableCell;
  try {
    cell = parseCell(source);
  } catch (err) {
    return { ok: false, error: toCellError(err, fallbackLabel) };
  }
  const declared: Named | null = cell.id;
  const view = declared?.type === 'ViewExpression';
  const name = declared ? (declared.id?.name ?? declared.name ?? null) : null;
  const label = opts.label ?? defaultLabel(name, index);
  const fail = (pos: number, message: string): CompileResult => ({
    ok: false,
    error: { cell: label, ...lineColumn(source, pos), message },
  });

  if (declared?.type === 'MutableExpression') {
    return fail(declared.start, 'mutable cells are not supported here; use a viewof input instead');
  }
  if (cell.body?.type === 'ImportDeclaration') {
    return fail(cell.body.start, 'import cells are not supported: notebooks run offline');
  }

  // Reserved names: the compiler's own identifiers start with __nb.
  let reserved: Named | undefined;
  if (cell.body) {
    ancestor(
      cell.body,
      {
        Identifier(n: Node) {
          const named = n as Named;
          if (!reserved && named.name?.startsWith(RESERVED_PREFIX)) reserved = named;
        },
      },
      observableWalk,
    );
  }
  if (reserved) return fail(reserved.start, `names starting with ${RESERVED_PREFIX} are reserved`);

  const refs = cell.references as Named[];
  const mutableRef = refs.find((r) => r.type === 'MutableExpression');
  if (mutableRef) return fail(mutableRef.start, 'mutable cells are not supported here');

  const inputs: string[] = [];
  for (const r of refs) {
    const n = referenceName(r);
    if (!inputs.includes(n)) inputs.push(n);
  }
  const edits: SourceEdit[] = refs
    .filter((r) => r.type === 'ViewExpression')
    .map((r) => ({
      start: r.start,
      end: r.end,
      text: paramName(referenceName(r)),
      kind: 'replace',
      depth: 0,
    }));
  const guarded = opts.loopGuard === true && cell.body !== null;
  if (guarded) edits.push(...loopGuardEdits(cell.body!, observableWalk));

  const params = inputs.map(paramName).join(', ');
  const head = `${cell.async ? 'async ' : ''}function${cell.generator ? '*' : ''}(${params})`;
  let body: string;
  if (!cell.body) body = `${head} {}`;
  else {
    const text = applyEdits(source, edits, cell.body.start, cell.body.end);
    body =
      cell.body.type === 'BlockStatement'
        ? `${head} ${text}`
        : `${head} {\nreturn (\n${text}\n);\n}`;
  }
  const outputs = name === null ? [] : view ? [`viewof ${name}`, name] : [name];
  const definition: CellDefinition = {
    id,
    name,
    label,
    inputs,
    outputs,
    body,
    view,
    async: cell.async,
    generator: cell.generator,
    guarded: guarded && body.includes(GUARD_NAME),
  };
  return { ok: true, cell: definition };
}
