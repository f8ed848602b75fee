import { describe, it, expect } from 'vitest';
import { layoutEndLabels, labelWidth, type PlacedLabel } from '../../../src/lib/viz/end-labels.ts';
import { createRng } from '../../../src/lib/ml/rng.ts';

const overlap = (a: PlacedLabel['box'], b: PlacedLabel['box']) =>
  a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

function expectNoOverlap(labels: readonly PlacedLabel[]) {
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++)
      expect(
        overlap(labels[i]!.box, labels[j]!.box),
        `${labels[i]!.label} / ${labels[j]!.label}`,
      ).toBe(false);
}

const opts = { width: 320, top: 10, bottom: 150, left: 40 };

describe('end labels of line charts', () => {
  it('separates "train loss" and "test loss" ending at the same point (step 0)', () => {
    const r = layoutEndLabels(
      [
        { id: 'train', label: 'train loss', x: 40, y: 60 },
        { id: 'test', label: 'test loss', x: 40, y: 60 },
      ],
      opts,
    );
    expect(r.mode).toBe('labels');
    expectNoOverlap(r.labels);
  });

  it('keeps "SGD" and "RMSProp" apart (they used to read "SGDProp")', () => {
    const r = layoutEndLabels(
      [
        { id: 'sgd', label: 'SGD', x: 300, y: 80 },
        { id: 'momentum', label: 'Momentum', x: 300, y: 84 },
        { id: 'rmsprop', label: 'RMSProp', x: 300, y: 81 },
        { id: 'adam', label: 'Adam', x: 300, y: 83 },
      ],
      opts,
    );
    expect(r.mode).toBe('labels');
    expectNoOverlap(r.labels);
    // order is kept: the highest end gets the highest label
    const ys = Object.fromEntries(r.labels.map((l) => [l.id, l.y]));
    expect(ys['sgd']!).toBeLessThan(ys['rmsprop']!);
    expect(ys['rmsprop']!).toBeLessThan(ys['adam']!);
    expect(ys['adam']!).toBeLessThan(ys['momentum']!);
    // near the right edge the labels are right-aligned and stay inside the chart
    for (const l of r.labels) expect(l.box.x1).toBeLessThanOrEqual(opts.width);
  });

  it('leaves labels far apart where they are', () => {
    const r = layoutEndLabels(
      [
        { id: 'a', label: 'train loss', x: 200, y: 30 },
        { id: 'b', label: 'test loss', x: 200, y: 120 },
      ],
      opts,
    );
    expect(r.labels.find((l) => l.id === 'a')!.y).toBeCloseTo(30 + 12 * 0.3, 6);
    expect(r.labels.find((l) => l.id === 'b')!.y).toBeCloseTo(120 + 12 * 0.3, 6);
  });

  it('stays inside the plot when ends crowd the bottom edge', () => {
    const r = layoutEndLabels(
      [
        { id: 'a', label: 'one', x: 100, y: 149 },
        { id: 'b', label: 'two', x: 100, y: 150 },
        { id: 'c', label: 'three', x: 100, y: 150 },
      ],
      opts,
    );
    expect(r.mode).toBe('labels');
    expectNoOverlap(r.labels);
    for (const l of r.labels) expect(l.box.y1).toBeLessThanOrEqual(opts.bottom + 0.01);
  });

  it('falls back to a legend when the plot is too short, and the legend never overlaps', () => {
    const r = layoutEndLabels(
      ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, label: `series ${id}`, x: 100, y: 20 })),
      { width: 320, top: 10, bottom: 50, left: 40 },
    );
    expect(r.mode).toBe('legend');
    expectNoOverlap(r.labels);
  });

  it('never overlaps, over 500 random charts of 2 to 5 curves', () => {
    const rng = createRng(11);
    for (let n = 0; n < 500; n++) {
      const k = 2 + Math.floor(rng.next() * 4);
      const names = ['train loss', 'test loss', 'SGD', 'Momentum', 'RMSProp', 'Adam'];
      const ends = Array.from({ length: k }, (_, i) => ({
        id: String(i),
        label: names[(i + n) % names.length]!,
        x: 40 + rng.next() * 280,
        y: 10 + rng.next() * 140,
      }));
      const r = layoutEndLabels(ends, opts);
      expectNoOverlap(r.labels);
      for (const l of r.labels) {
        expect(l.box.x0).toBeGreaterThanOrEqual(0);
        expect(l.box.x1).toBeLessThanOrEqual(opts.width + 0.01);
      }
    }
  });

  it('estimates widths generously', () => {
    expect(labelWidth('Momentum')).toBeGreaterThan(55);
  });
});
