// Pure: no DOM. The two small charts of the LossSlopes figure, computed at build time from
// lib/ml/losses-lesson.ts: (1) the slope on the output's weighted input z against the predicted
// probability p for target 1, squared error through a sigmoid vs cross-entropy; (2) the slope of
// squared, absolute and Huber loss against the error. Layout by lib/viz (curves, end labels).
import { huber, mae, mse, outputSlopes } from '../../../lib/ml/losses-lesson.ts';
import { curvesViewModel, type CurvesViewModel, type Series } from '../../../lib/viz/curves.ts';
import { layoutEndLabels, type EndLabelLayout } from '../../../lib/viz/end-labels.ts';
import { plotArea, type Layout } from '../../../lib/viz/scales.ts';

export const LAYOUT: Layout = {
  width: 320,
  height: 210,
  margin: { top: 12, right: 96, bottom: 40, left: 48 },
};

const range = (lo: number, hi: number, n: number): number[] =>
  Array.from({ length: n + 1 }, (_, i) => lo + ((hi - lo) * i) / n);

/** |∂L/∂z| against p (target 1) for squared error + sigmoid and for cross-entropy. */
export function outputSlopeSeries(): Series[] {
  const ps = range(0.001, 0.999, 100);
  return [
    {
      id: 'bce',
      label: 'cross-entropy',
      kind: 'train',
      points: ps.map((p) => ({ x: p, y: Math.abs(outputSlopes(p).bce) })),
    },
    {
      id: 'mse',
      label: 'squared error',
      kind: 'test',
      points: ps.map((p) => ({ x: p, y: Math.abs(outputSlopes(p).mse) })),
    },
  ];
}

/** ∂L/∂ŷ against the error ŷ − y for squared, absolute and Huber (δ = 1) loss, one example. */
export function errorSlopeSeries(): Series[] {
  const es = range(-4, 4, 160);
  const at = (f: typeof mse, e: number) => f([0], [e]).grad[0]!;
  return [
    {
      id: 'mse',
      label: 'squared',
      kind: 'other',
      points: es.map((e) => ({ x: e, y: at(mse, e) })),
    },
    {
      id: 'mae',
      label: 'absolute',
      kind: 'other',
      points: es.map((e) => ({ x: e, y: at(mae, e) })),
    },
    {
      id: 'huber',
      label: 'Huber',
      kind: 'other',
      points: es.map((e) => ({ x: e, y: huber([0], [e], 1).grad[0]! })),
    },
  ];
}

export interface Chart {
  readonly vm: CurvesViewModel;
  readonly labels: EndLabelLayout;
}

function chart(series: Series[], yDomain: [number, number], xDomain: [number, number]): Chart {
  const vm = curvesViewModel(series, LAYOUT, { yDomain, xDomain, xTickCount: 5, yTickCount: 4 });
  const area = plotArea(LAYOUT);
  const ends = vm.paths.flatMap((p) => (p.end ? [{ id: p.id, label: p.label, ...p.end }] : []));
  return {
    vm,
    labels: layoutEndLabels(ends, {
      width: LAYOUT.width,
      left: area.left,
      top: area.top,
      bottom: area.bottom,
    }),
  };
}

export const outputChart = (): Chart => chart(outputSlopeSeries(), [0, 1.05], [0, 1]);
export const errorChart = (): Chart => chart(errorSlopeSeries(), [-8.5, 8.5], [-4, 4]);
