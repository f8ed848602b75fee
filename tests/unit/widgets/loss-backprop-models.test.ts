// The pure view-model and formatting modules of the BackpropGraph, GradientCheck, LineFit and
// OptimizerRace widgets.
import { describe, expect, it } from 'vitest';
import { buildGraph, lessonNet, sigma } from '../../../src/lib/ml/backprop-graph.ts';
import { gradientCheck } from '../../../src/lib/ml/gradient-check.ts';
import {
  createLineFit,
  leastSquares,
  makeLinePoints,
  runLineFit,
} from '../../../src/lib/ml/linefit.ts';
import {
  edgeLine,
  graphSize,
  nodePosition,
  nodeRadius,
} from '../../../src/components/widgets/BackpropGraph/layout.ts';
import {
  chart,
  errorLine,
  exponents,
  xOf,
  yOf,
} from '../../../src/components/widgets/GradientCheck/chart.ts';
import {
  describeCheck,
  fmtEps,
  fmtNum,
  fmtSci,
} from '../../../src/components/widgets/GradientCheck/format.ts';
import {
  describeFit,
  lossCurve,
  scatterView,
  SCATTER_LAYOUT,
} from '../../../src/components/widgets/LineFit/model.ts';
import { raceView } from '../../../src/components/widgets/OptimizerRace/model.ts';

describe('BackpropGraph layout', () => {
  it('places every node of the graph inside the picture, apart from each other', () => {
    const graph = buildGraph(lessonNet);
    const ids = graph.nodes.map((n) => n.id);
    for (const id of ids) {
      const p = nodePosition[id];
      expect(p.x - nodeRadius).toBeGreaterThanOrEqual(0);
      expect(p.x + nodeRadius).toBeLessThanOrEqual(graphSize.width);
      expect(p.y + nodeRadius + 30).toBeLessThanOrEqual(graphSize.height - 8);
    }
    for (const a of ids)
      for (const b of ids) {
        if (a === b) continue;
        const d = Math.hypot(
          nodePosition[a].x - nodePosition[b].x,
          nodePosition[a].y - nodePosition[b].y,
        );
        expect(d, `${a}–${b}`).toBeGreaterThan(2 * nodeRadius + 20);
      }
  });

  it('draws edges from rim to rim, pointing from the source to the target', () => {
    const l = edgeLine({ from: 'x1', to: 'z1' });
    expect(l.x1).toBeCloseTo(nodePosition.x1.x + nodeRadius + 2, 6);
    expect(l.x2).toBeLessThan(nodePosition.z1.x - nodeRadius);
    expect(l.y1).toBe(l.y2);
  });

  it('uses the logistic sigmoid', () => {
    expect(sigma(0)).toBe(0.5);
    expect(sigma(2) + sigma(-2)).toBeCloseTo(1, 15);
  });
});

describe('GradientCheck chart and words', () => {
  it('maps ε exponents and errors onto the plot area, clamping the error range', () => {
    expect(exponents()).toEqual([-12, -11, -10, -9, -8, -7, -6, -5, -4, -3, -2, -1]);
    expect(xOf(chart.minExp)).toBe(chart.left);
    expect(xOf(chart.maxExp)).toBe(chart.width - chart.right);
    expect(yOf(1)).toBe(chart.top);
    expect(yOf(1e-13)).toBe(chart.height - chart.bottom);
    expect(yOf(0)).toBe(chart.height - chart.bottom);
    expect(yOf(1e3)).toBe(chart.top);
  });

  it('draws one point per exponent, with the V shape of the correct pass', () => {
    const pts = errorLine(lessonNet, 'none')
      .split(' ')
      .map((p) => p.split(',').map(Number));
    expect(pts).toHaveLength(12);
    const ys = pts.map((p) => p[1]!);
    const lowest = ys.indexOf(Math.max(...ys)); // SVG y grows downwards: lowest error
    expect(exponents()[lowest]).toBe(-5);
  });

  it('formats numbers and says what a result means', () => {
    expect(fmtNum(-0.5)).toBe('−0.500000000');
    expect(fmtSci(3.39e-12)).toBe('3.4e-12');
    expect(fmtSci(0)).toBe('0');
    expect(fmtEps(1e-5)).toBe('1e-5');
    expect(describeCheck(gradientCheck(lessonNet, 1e-5), 1e-5)).toMatch(
      /^ε = 1e-5: relative error 3\.\de-12, the gradients agree/,
    );
    expect(
      describeCheck(gradientCheck(lessonNet, 1e-5, 'missing-sigmoid-derivative'), 1e-5),
    ).toMatch(/disagree/);
    expect(describeCheck(gradientCheck(lessonNet, 1e-2), 1e-2)).toMatch(/doubtful/);
  });
});

describe('LineFit model', () => {
  const points = makeLinePoints({ seed: 7 });
  const best = leastSquares(points);

  it('scatters the points inside the plot and draws the best line through the data', () => {
    const v = scatterView(points, best.w, best.b, new Set([0, 3]));
    expect(v.points).toHaveLength(40);
    expect(v.points.filter((p) => p.inBatch)).toHaveLength(2);
    for (const p of v.points) {
      expect(p.px).toBeGreaterThanOrEqual(SCATTER_LAYOUT.margin.left);
      expect(p.py).toBeLessThanOrEqual(SCATTER_LAYOUT.height - SCATTER_LAYOUT.margin.bottom);
    }
    expect(v.line).toEqual(v.best);
    expect(v.xTicks.map((t) => t.label)).toEqual(['-1', '-0.5', '0', '0.5', '1']);
  });

  it('keeps a diverged line finite on screen', () => {
    const v = scatterView(points, 1e30, -1e30);
    expect(Number.isFinite(v.line.y1)).toBe(true);
    expect(Number.isFinite(scatterView(points, Number.NaN, 0).line.y1)).toBe(true);
  });

  it('plots the loss against epochs on a log scale with the best loss beside it', () => {
    const fit = runLineFit(
      createLineFit(points, 7),
      points,
      { batchSize: 10, learningRate: 0.1 },
      8,
    );
    const vm = lossCurve(fit.history, 40, 10, best.loss);
    expect(vm.logY).toBe(true);
    expect(vm.xDomain).toEqual([0, 2]);
    expect(vm.paths.map((p) => p.id)).toEqual(['loss', 'best']);
    expect(vm.paths[0]!.d).toMatch(/^M/);
  });

  it('describes progress, and divergence with what to do', () => {
    const start = createLineFit(points, 7);
    expect(describeFit(start, 10, best.loss)).toMatch(
      /^Epoch 0, 0 updates \(mini-batch size 10\): loss 0\.99/,
    );
    expect(describeFit(start, 1, best.loss)).toContain('stochastic (batch size 1)');
    const blown = runLineFit(start, points, { batchSize: 40, learningRate: 1.5 }, 100);
    expect(describeFit(blown, 40, best.loss)).toMatch(/^Diverged after 11 updates.*press Reset\.$/);
  });
});

describe('OptimizerRace model', () => {
  it('ranks, describes and draws the race', () => {
    const v = raceView({ surface: 'valley', lr: 0.1, steps: 50, seed: 0 });
    expect(v.start).toEqual([-2.5, 1.5]);
    expect(v.rows.map((r) => r[1])).toEqual(['RMSProp', 'Momentum', 'Adam', 'SGD']);
    expect(v.rows[0]).toEqual(['1', 'RMSProp', '1.6e-10', 'Converged in 32 steps.']);
    expect(v.paths).toHaveLength(4);
    expect(v.loss.paths).toHaveLength(4);
    expect(v.status).toBe(
      'Elongated valley, learning rate 0.1, 50 steps from the default start, w₁ = −2.5, w₂ = 1.5. Lowest loss: RMSProp.',
    );
  });

  it('says "diverged" instead of a number, and names a seeded start', () => {
    const v = raceView({ surface: 'two-minima', lr: 0.3, steps: 50, seed: 0 });
    expect(v.rows.at(-1)).toEqual([
      '4',
      'Momentum',
      'diverged',
      expect.stringMatching(/^Diverged at step 3/),
    ]);
    expect(raceView({ surface: 'bowl', lr: 0.1, steps: 50, seed: 4 }).status).toContain(
      'a random start from seed 4',
    );
  });
});
