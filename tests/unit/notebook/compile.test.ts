import { describe, it, expect } from 'vitest';
import { compileCell, formatCellError, paramName } from '../../../src/lib/notebook/compile.ts';
import {
  createLoopGuard,
  LoopStoppedError,
  type LoopGuard,
} from '../../../src/lib/notebook/loop-guard.ts';
import type { CellDefinition } from '../../../src/lib/notebook/types.ts';

function ok(source: string, opts = {}): CellDefinition {
  const r = compileCell(source, opts);
  if (!r.ok) throw new Error(formatCellError(r.error));
  return r.cell;
}

/** Turns a compiled body into a function the way the browser runtime does. */
function instantiate(cell: CellDefinition, guard: LoopGuard = createLoopGuard()) {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const make = new Function('__nbGuard', `return (${cell.body});`) as (g: LoopGuard) => unknown;
  return make(guard) as (...a: unknown[]) => unknown;
}

describe('compileCell', () => {
  it('compiles a named expression cell with its inputs in first-use order', () => {
    const c = ok('y = w * x + b + w', { id: 'c3', index: 3 });
    expect(c).toMatchObject({
      id: 'c3',
      name: 'y',
      label: 'y',
      inputs: ['w', 'x', 'b'],
      outputs: ['y'],
    });
    expect(instantiate(c)(2, 3, 1)).toBe(9);
  });

  it('treats globals such as Math as globals, not inputs', () => {
    const c = ok('f = z => 1 / (1 + Math.exp(-z))');
    expect(c.inputs).toEqual([]);
    expect((instantiate(c)() as (z: number) => number)(0)).toBe(0.5);
  });

  it('ignores names local to the cell (parameters, block declarations)', () => {
    const c = ok('{ const k = 2; let s = 0; for (let i = 0; i < n; i++) s += k * i; return s; }');
    expect(c.inputs).toEqual(['n']);
    expect(c.name).toBeNull();
    expect(c.label).toBe('cell 1');
    expect(instantiate(c)(4)).toBe(12);
  });

  it('defines both "viewof w" and "w" for a viewof cell', () => {
    const c = ok('viewof w = Inputs.range([-5, 5], {label: "w"})');
    expect(c).toMatchObject({
      name: 'w',
      view: true,
      outputs: ['viewof w', 'w'],
      inputs: ['Inputs'],
    });
  });

  it('turns a viewof reference into an input "viewof w" and a valid parameter', () => {
    const c = ok('label = viewof w.value + w');
    expect(c.inputs).toEqual(['viewof w', 'w']);
    expect(paramName('viewof w')).toBe('$viewof$w');
    expect(instantiate(c)({ value: 1 }, 2)).toBe(3);
  });

  it('marks async and generator cells and keeps `this` as the previous value', () => {
    const a = ok('v = await Promise.resolve(x)');
    expect(a.async).toBe(true);
    const g = ok('{ for (let i = 0; i < 3; i++) yield i; }');
    expect(g.generator).toBe(true);
    expect([...(instantiate(g)() as Iterable<number>)]).toEqual([0, 1, 2]);
    const t = ok('count = (this ?? 0) + 1');
    expect(instantiate(t).call(4)).toBe(5);
  });

  it('compiles tagged templates (tex`...`) with their interpolations as inputs', () => {
    const c = ok('formula = tex`y = \\sigma(${w} x + ${b})`');
    expect(c.inputs).toEqual(['tex', 'w', 'b']);
  });

  it('compiles an empty cell to a function returning undefined', () => {
    const c = ok('');
    expect(c.outputs).toEqual([]);
    expect(instantiate(c)()).toBeUndefined();
  });
});

describe('compileCell errors', () => {
  it('reports a syntax error with the cell name, line and column', () => {
    const r = compileCell('f = z => {\n  return z +;\n}', { index: 2 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ cell: 'f', line: 2, column: 13, message: 'Unexpected token' });
    expect(formatCellError(r.error)).toBe('Error in cell f, line 2, column 13: Unexpected token');
  });

  it('names an anonymous cell by its position, or by its label', () => {
    const r = compileCell('1 +', { index: 4 });
    expect(!r.ok && r.error.cell).toBe('cell 5');
    const l = compileCell('1 +', { index: 4, label: 'plot' });
    expect(!l.ok && l.error.cell).toBe('plot');
  });

  it('rejects assignment to another cell, imports, mutable and reserved names', () => {
    const assign = compileCell('{ w = 2; }');
    expect(!assign.ok && assign.error.message).toMatch(/Assignment to constant variable w/);
    const imp = compileCell('import {x} from "@d3/y"');
    expect(!imp.ok && imp.error.message).toMatch(/import cells are not supported/);
    const mut = compileCell('mutable m = 1');
    expect(!mut.ok && mut.error.message).toMatch(/mutable/);
    const res = compileCell('y = __nbGuard');
    expect(!res.ok && res.error).toMatchObject({ line: 1, column: 5 });
  });
});

describe('loop guard instrumentation', () => {
  it('leaves authored code alone unless asked', () => {
    const c = ok('{ while (true) {} }');
    expect(c.guarded).toBe(false);
    expect(c.body).not.toContain('__nbGuard');
  });

  it('inserts a guard into every kind of loop', () => {
    const src = `{
      let n = 0;
      for (let i = 0; i < 2; i++) n++;
      for (const k in {a: 1}) n++;
      for (const v of [1]) n++;
      while (n < 10) n++;
      do { n++; } while (n < 12);
      return n;
    }`;
    const c = ok(src, { loopGuard: true });
    expect(c.guarded).toBe(true);
    expect(c.body.match(/__nbGuard\.loop\(\)/g)).toHaveLength(5);
    expect(c.body.match(/__nbGuard\.check\(/g)).toHaveLength(5);
    expect(instantiate(c)()).toBe(12);
  });

  it('keeps labels, continue and break working', () => {
    const src = `{
      let hits = 0;
      outer: for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 3; j++) {
          if (j === 1) continue outer;
          if (i === 2) break outer;
          hits++;
        }
      }
      return hits;
    }`;
    expect(instantiate(ok(src, { loopGuard: true }))()).toBe(2);
  });

  it('handles loops as unbraced bodies of if and of other loops', () => {
    const src =
      '{ let s = 0; if (true) for (let i = 0; i < 3; i++) for (let j = 0; j < 2; j++) s++; return s; }';
    const c = ok(src, { loopGuard: true });
    expect(c.body.match(/__nbGuard\.check\(/g)).toHaveLength(2);
    expect(instantiate(c)()).toBe(6);
  });

  it('guards loops inside functions and arrow functions the cell defines', () => {
    const c = ok('spin = () => { while (true) {} }', { loopGuard: true });
    expect(c.guarded).toBe(true);
    let t = 0;
    const guard = createLoopGuard({ budgetMs: 50, now: () => (t += 10), schedule: () => {} });
    const spin = instantiate(c, guard)() as () => void;
    expect(spin).toThrow(LoopStoppedError);
  });

  it('stops an infinite loop with "stopped after N ms"', () => {
    const c = ok('{ while (true) {} }', { loopGuard: true });
    let t = 0;
    const guard = createLoopGuard({ budgetMs: 1000, now: () => (t += 7), schedule: () => {} });
    expect(() => instantiate(c, guard)()).toThrow(/stopped after \d+ ms/);
  });

  it('stops a loop even if the cell catches the error inside it', () => {
    const c = ok('{ while (true) { try { } catch (e) { } } }', { loopGuard: true });
    let t = 0;
    const guard = createLoopGuard({ budgetMs: 100, now: () => (t += 5), schedule: () => {} });
    expect(() => instantiate(c, guard)()).toThrow(LoopStoppedError);
  });
});
