// Loop-guard instrumentation: source edits, computed from the parser's AST (acorn) and source
// positions, that make every loop of a cell check the time budget of loop-guard.ts. Pure: no DOM.
// Used when compiling reader-edited cells (in the browser) and in tests.
import { ancestor } from 'acorn-walk';
import type { Node } from 'acorn';
import { GUARD_NAME } from './loop-guard';

/** A text edit on a cell's source: insert `text` at `start` (start === end) or replace. */
export interface SourceEdit {
  start: number;
  end: number;
  text: string;
  /**
   * Orders insertions at the same position: closings (kind 'close') come before openings, deeper
   * closings first, shallower openings first.
   */
  kind: 'open' | 'close' | 'replace';
  depth: number;
}

type LoopNode = Node & { type: string; body: Node & { type: string } };
const LOOPS = new Set([
  'ForStatement',
  'ForInStatement',
  'ForOfStatement',
  'WhileStatement',
  'DoWhileStatement',
]);

/**
 * Edits that make each loop inside `root` check the guard. Every loop statement (with its labels)
 * is wrapped as `{ const __nbLoopK = __nbGuard.loop(); <labels> loop }` and its body starts with
 * `__nbGuard.check(__nbLoopK);` (a non-block body is wrapped in braces). `base` is the walker that
 * knows the parser's extra node types.
 */
export function loopGuardEdits(
  root: Node,
  base: import('acorn-walk').RecursiveVisitors<unknown>,
): SourceEdit[] {
  const edits: SourceEdit[] = [];
  let k = 0;
  const visit = (node: Node, _state: unknown, ancestors: Node[]): void => {
    if (!LOOPS.has(node.type)) return;
    const loop = node as LoopNode;
    // Labels must stay directly on the loop (`continue outer` needs it), so wrap the label chain.
    let outer: Node = loop;
    for (let i = ancestors.length - 2; i >= 0 && ancestors[i]?.type === 'LabeledStatement'; i--) {
      outer = ancestors[i]!;
    }
    const depth = ancestors.length * 2;
    const v = `__nbLoop${k++}`;
    edits.push({
      start: outer.start,
      end: outer.start,
      text: `{ const ${v} = ${GUARD_NAME}.loop(); `,
      kind: 'open',
      depth,
    });
    edits.push({ start: loop.end, end: loop.end, text: ' }', kind: 'close', depth });
    const body = loop.body;
    const check = `${GUARD_NAME}.check(${v});`;
    if (body.type === 'BlockStatement') {
      edits.push({
        start: body.start + 1,
        end: body.start + 1,
        text: ` ${check}`,
        kind: 'open',
        depth: depth + 1,
      });
    } else {
      edits.push({
        start: body.start,
        end: body.start,
        text: `{ ${check} `,
        kind: 'open',
        depth: depth + 1,
      });
      edits.push({ start: body.end, end: body.end, text: ' }', kind: 'close', depth: depth + 1 });
    }
  };
  const visitors: Record<string, typeof visit> = {};
  for (const type of LOOPS) visitors[type] = visit;
  ancestor(root, visitors, base);
  return edits;
}

const kindOrder = { close: 0, open: 1, replace: 2 } as const;

/** Applies non-overlapping edits to `source[from, to)` and returns that slice, edited. */
export function applyEdits(
  source: string,
  edits: SourceEdit[],
  from = 0,
  to = source.length,
): string {
  const sorted = edits
    .filter((e) => e.start >= from && e.end <= to)
    .sort(
      (a, b) =>
        a.start - b.start ||
        kindOrder[a.kind] - kindOrder[b.kind] ||
        (a.kind === 'close' ? b.depth - a.depth : a.depth - b.depth),
    );
  let out = '';
  let cursor = from;
  for (const e of sorted) {
    if (e.start < cursor) throw new Error(`Overlapping edits at ${e.start}`);
    out += source.slice(cursor, e.start) + e.text;
    cursor = e.end;
  }
  return out + source.slice(cursor, to);
}
