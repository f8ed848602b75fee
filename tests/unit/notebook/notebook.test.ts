import { describe, it, expect } from 'vitest';
import {
  compileNotebook,
  checkGraph,
  definers,
  dependencies,
  dependents,
} from '../../../src/lib/notebook/notebook.ts';
import { sampleFunction, yDomain, describeCurve } from '../../../src/lib/notebook/plot-model.ts';
import type { CellDefinition } from '../../../src/lib/notebook/types.ts';

const unit = [
  { source: 'viewof w = Inputs.range([-5, 5], {label: "w"})' },
  { source: 'viewof b = Inputs.range([-5, 5], {label: "b"})' },
  { source: 'f = z => 1 / (1 + Math.exp(-z))', editable: true },
  { source: 'formula = tex`y = f(${w}x + ${b})`' },
  { source: 'plotFunction(x => f(w * x + b), {x: [-6, 6]})', label: 'plot' },
];

function defs(sources: typeof unit): CellDefinition[] {
  return compileNotebook(sources).cells.filter((c): c is CellDefinition => c !== null);
}

describe('compileNotebook', () => {
  it('compiles every cell with ids in authored order and finds no problems', () => {
    const nb = compileNotebook(unit);
    expect(nb.problems).toEqual([]);
    expect(nb.cells.map((c) => c?.id)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
    expect(nb.cells[4]?.label).toBe('plot');
  });

  it('resolves which cell defines each name', () => {
    const map = definers(defs(unit));
    expect(map.get('w')).toBe('c0');
    expect(map.get('viewof b')).toBe('c1');
    expect(map.get('f')).toBe('c2');
  });

  it('lists transitive dependencies and dependents', () => {
    const cells = defs(unit);
    expect(dependencies(cells, 'c4').sort()).toEqual(['c0', 'c1', 'c2']);
    expect(dependents(cells, 'c2')).toEqual(['c2', 'c4']);
    expect(dependents(cells, 'c0')).toEqual(['c0', 'c3', 'c4']);
    expect(dependents(cells, 'c3')).toEqual(['c3']);
  });

  it('reports a syntax error with the cell and line, and keeps compiling the others', () => {
    const nb = compileNotebook([
      { source: 'a = 1' },
      { source: 'b = a +\n* 2' },
      { source: 'c = a' },
    ]);
    expect(nb.cells.map((c) => c?.id ?? null)).toEqual(['c0', null, 'c2']);
    expect(nb.problems).toEqual([
      { kind: 'syntax', cell: 'b', line: 2, column: 1, message: 'Unexpected token' },
    ]);
  });

  it('reports unknown names, duplicates and cycles', () => {
    const problems = checkGraph(
      defs([{ source: 'a = b' }, { source: 'b = a' }, { source: 'a = 3' }, { source: 'c = nope' }]),
    );
    const kinds = problems.map((p) => `${p.kind}:${p.cell}`);
    expect(kinds).toContain('duplicate:a');
    expect(kinds).toContain('unknown-name:c');
    expect(kinds).toContain('cycle:a');
    expect(kinds).toContain('cycle:b');
  });

  it('knows the builtins (d3, tex, Inputs, tf, ...) and compiles loop guards on request', () => {
    const nb = compileNotebook([{ source: 'x = d3.range(3).map(i => tf)' }], { loopGuard: true });
    expect(nb.problems).toEqual([]);
    const g = compileNotebook([{ source: '{ while (true) {} }' }], { loopGuard: true });
    expect(g.cells[0]?.guarded).toBe(true);
  });
});

describe('plot model', () => {
  it('samples evenly, including both ends, and turns non-finite values into NaN', () => {
    const pts = sampleFunction((x) => (x === 0 ? Infinity : x * 2), [-1, 1], 3);
    expect(pts.map((p) => p.x)).toEqual([-1, 0, 1]);
    expect(pts.map((p) => p.y)).toEqual([-2, NaN, 2]);
    expect(() => sampleFunction((x) => x, [1, 0])).toThrow(/low to high/);
    expect(() => sampleFunction((x) => x, [0, 1], 1)).toThrow(/at least 2/);
  });

  it('pads the y range, widens a flat one, and honours a fixed one', () => {
    expect(
      yDomain([
        { x: 0, y: 0 },
        { x: 1, y: 10 },
      ]),
    ).toEqual([-0.5, 10.5]);
    expect(
      yDomain([
        { x: 0, y: 3 },
        { x: 1, y: 3 },
      ]),
    ).toEqual([1.9, 4.1]);
    expect(yDomain([{ x: 0, y: 3 }], [0, 1])).toEqual([0, 1]);
    expect(yDomain([{ x: 0, y: NaN }])).toEqual([0, 1]);
  });

  it('describes a sigmoid as rising from about 0 to about 1', () => {
    const pts = sampleFunction((x) => 1 / (1 + Math.exp(-x)), [-6, 6], 100);
    expect(describeCurve(pts)).toBe(
      'y rises from 0.00 at x = −6.00 to 1.00 at x = 6.00; lowest 0.00 (x = −6.00), highest 1.00 (x = 6.00). It changes fastest near x = 0.00.',
    );
    const shifted = sampleFunction((x) => 1 / (1 + Math.exp(-(2 * x + 3))), [-6, 6], 121);
    expect(describeCurve(shifted)).toMatch(/fastest near x = −1\.(45|50|55)\.$/);
    expect(
      describeCurve([
        { x: 0, y: 1 },
        { x: 1, y: 1 },
      ]),
    ).toMatch(/stays flat .*\)\.$/);
    expect(
      describeCurve(
        sampleFunction((x) => x * x, [-1, 1], 5),
        'f',
      ),
    ).toMatch(/^f rises and falls/);
    expect(describeCurve([{ x: 0, y: NaN }])).toMatch(/no finite values/);
  });
});
