import { describe, expect, it } from 'vitest';
import {
  argmax,
  centreOfMass,
  inkBox,
  prepareDrawing,
  type Stroke,
} from '../../../src/lib/cnn-trainer/drawing';
import {
  arrowStep,
  describePen,
  initialPen,
  movePen,
  togglePen,
  PEN_GRID,
} from '../../../src/lib/cnn-trainer/keyboard-pen';

const line = (x0: number, y0: number, x1: number, y1: number, n = 10): Stroke =>
  Array.from({ length: n + 1 }, (_, k) => ({
    x: x0 + ((x1 - x0) * k) / n,
    y: y0 + ((y1 - y0) * k) / n,
  }));

describe('prepareDrawing (MNIST-style 28×28)', () => {
  it('gives a blank image for no strokes', () => {
    const p = prepareDrawing([]);
    expect(p.empty).toBe(true);
    expect(p.image.length).toBe(784);
    expect(p.image.every((v) => v === 0)).toBe(true);
  });

  it('scales the ink to fit a 20×20 box, whatever size it was drawn', () => {
    for (const [a, b] of [
      [0.4, 0.6],
      [0.1, 0.9],
    ] as const) {
      const box = inkBox(prepareDrawing([line(a, a, b, b)]).image)!;
      expect(box.x1 - box.x0 + 1).toBeGreaterThanOrEqual(19);
      expect(box.x1 - box.x0 + 1).toBeLessThanOrEqual(21);
      expect(box.y1 - box.y0 + 1).toBeLessThanOrEqual(21);
    }
  });

  it('keeps the aspect ratio: a vertical line stays a thin 20-pixel-tall line', () => {
    const box = inkBox(prepareDrawing([line(0.7, 0.1, 0.7, 0.5)]).image)!;
    expect(box.y1 - box.y0 + 1).toBeGreaterThanOrEqual(19);
    expect(box.x1 - box.x0 + 1).toBeLessThanOrEqual(4);
  });

  it('puts the centre of mass at the centre of the field, wherever it was drawn', () => {
    const { image } = prepareDrawing([line(0.05, 0.05, 0.3, 0.05), line(0.05, 0.05, 0.05, 0.4)]);
    const c = centreOfMass(image);
    expect(c.x).toBeCloseTo(14, 0);
    expect(c.y).toBeCloseTo(14, 0);
    expect(Math.max(...image)).toBeLessThanOrEqual(1);
  });

  it('ignores non-finite points and handles a single dot', () => {
    const p = prepareDrawing([
      [
        { x: 0.5, y: 0.5 },
        { x: NaN, y: 1 },
      ],
    ]);
    expect(p.empty).toBe(false);
    const c = centreOfMass(p.image);
    expect(c.x).toBeCloseTo(14, 0);
  });

  it('argmax picks the first largest', () => {
    expect(argmax([0.1, 0.5, 0.5, 0.2])).toBe(1);
  });
});

describe('keyboard pen', () => {
  it('draws only while the pen is down and stays on the pad', () => {
    let s = initialPen();
    s = movePen(s, 1, 0);
    expect(s.strokes).toHaveLength(0);
    s = togglePen(s);
    expect(s.strokes).toHaveLength(1);
    s = movePen(s, 0, 3);
    s = movePen(s, 0, 3);
    expect(s.strokes[0]).toHaveLength(3);
    s = togglePen(s);
    s = movePen(s, -100, -100);
    expect([s.col, s.row]).toEqual([0, 0]);
    expect(s.strokes[0]).toHaveLength(3);
    expect(describePen(s)).toContain(`column 0 of ${PEN_GRID}`);
    expect(describePen(s)).toContain('pen up');
  });

  it('maps arrow keys to steps, bigger with Shift', () => {
    expect(arrowStep('ArrowUp', false)).toEqual([0, -1]);
    expect(arrowStep('ArrowRight', true)).toEqual([3, 0]);
    expect(arrowStep('a', false)).toBeUndefined();
  });
});
