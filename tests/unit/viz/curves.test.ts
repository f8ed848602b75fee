import { describe, it, expect } from 'vitest';
import { createSeriesBuffer, curvesViewModel, type Series } from '../../../src/lib/viz/curves.ts';

const layout = { width: 300, height: 200, margin: { top: 10, right: 10, bottom: 30, left: 50 } };

describe('createSeriesBuffer', () => {
  it('keeps every point until full, then thins evenly and keeps the latest', () => {
    const b = createSeriesBuffer(8);
    for (let i = 0; i < 7; i++) b.push(i, i * i);
    expect(b.points().map((p) => p.x)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (let i = 7; i < 100; i++) b.push(i, i);
    const xs = b.points().map((p) => p.x);
    expect(xs.length).toBeLessThanOrEqual(9);
    expect(xs[0]).toBe(0);
    expect(xs[xs.length - 1]).toBe(99);
    expect([...xs].sort((a, c) => a - c)).toEqual(xs);
    expect(b.size).toBe(xs.length);
  });
  it('clears and refuses tiny capacities', () => {
    const b = createSeriesBuffer(4);
    b.push(1, 1);
    b.clear();
    expect(b.points()).toEqual([]);
    expect(b.size).toBe(0);
    expect(() => createSeriesBuffer(2)).toThrow(RangeError);
  });
});

describe('curvesViewModel', () => {
  const series: Series[] = [
    {
      id: 'train',
      label: 'train loss',
      kind: 'train',
      points: [
        { x: 0, y: 1 },
        { x: 10, y: 0.1 },
      ],
    },
    {
      id: 'test',
      label: 'test loss',
      kind: 'test',
      points: [
        { x: 0, y: 2 },
        { x: 10, y: NaN },
      ],
    },
  ];
  it('draws one path per series and ends at the last finite point', () => {
    const vm = curvesViewModel(series, layout);
    expect(vm.paths.map((p) => p.id)).toEqual(['train', 'test']);
    expect(vm.paths[0]!.d.startsWith('M')).toBe(true);
    expect(vm.paths[0]!.end).toEqual({ x: 290, y: expect.any(Number) as number, value: 0.1 });
    expect(vm.paths[1]!.end?.value).toBe(2);
  });
  it('uses a log axis with power-of-ten ticks', () => {
    const vm = curvesViewModel(series, layout, { logY: true });
    expect(vm.logY).toBe(true);
    expect(vm.yTicks.map((t) => t.value)).toEqual([0.1, 1]);
    const top = vm.yTicks.find((t) => t.value === 1)!;
    const bottom = vm.yTicks.find((t) => t.value === 0.1)!;
    expect(top.at).toBeLessThan(bottom.at);
  });
  it('honours a fixed x domain and handles empty series', () => {
    const vm = curvesViewModel([{ id: 'a', label: 'a', kind: 'other', points: [] }], layout, {
      xDomain: [0, 200],
    });
    expect(vm.xDomain).toEqual([0, 200]);
    expect(vm.paths[0]!.d).toBe('');
    expect(vm.paths[0]!.end).toBeUndefined();
  });
});
