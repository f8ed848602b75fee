import { describe, it, expect } from 'vitest';
import {
  classPixels,
  divergingPixels,
  maxAbs,
  parseColor,
  probabilityPixels,
  type Palette,
} from '../../../src/lib/playground/colors.ts';
import { createGridEvaluator, GRID_SIZE } from '../../../src/lib/playground/grid.ts';
import {
  describeIncoming,
  describeRun,
  divergenceMessage,
  formatNumber,
  linkWidth,
  networkLayout,
  networkLinks,
  testTrend,
} from '../../../src/lib/playground/network-view.ts';
import { createNet, predict } from '../../../src/lib/ml/dense/index.ts';
import { createRng } from '../../../src/lib/ml/rng.ts';
import { defaults } from '../../../src/lib/playground/state.ts';
import { findPreset, presetState } from '../../../src/lib/playground/presets.ts';
import { netSpec } from '../../../src/lib/playground/trainer.ts';
import { featureMatrix, gridCoords } from '../../../src/lib/playground/features.ts';

const palette: Palette = {
  negative: [0, 0, 200],
  positive: [200, 0, 0],
  third: [0, 200, 0],
  background: [255, 255, 255],
};
const netFor = (s = defaults()) => {
  const rng = createRng(3);
  return createNet(netSpec(s), () => rng.next());
};

describe('colours', () => {
  it('parses hex and rgb() colours', () => {
    expect(parseColor('#0a0b0c')).toEqual([10, 11, 12]);
    expect(parseColor(' rgb(1, 2, 3) ')).toEqual([1, 2, 3]);
    expect(parseColor('rgba(4, 5, 6, 0.5)')).toEqual([4, 5, 6]);
    expect(parseColor('hsl(0 0% 0%)')).toBeUndefined();
  });

  it('maps −1 → negative, 0 → background, +1 → positive (at the set strength)', () => {
    const px = new Uint8ClampedArray(16);
    divergingPixels(new Float32Array([-1, 0, 1, NaN]), px, palette, 1, 1);
    expect([...px]).toEqual([
      0, 0, 200, 255, 255, 255, 255, 255, 200, 0, 0, 255, 255, 255, 255, 255,
    ]);
    const scaled = new Uint8ClampedArray(4);
    divergingPixels(new Float32Array([5]), scaled, palette, 10, 1);
    expect(scaled[1]).toBe(128); // halfway from 255 to 0
  });

  it('probabilities centre on 0.5; three classes take the most likely class colour', () => {
    const px = new Uint8ClampedArray(8);
    probabilityPixels(new Float32Array([0.5, 1]), px, palette);
    expect([...px.slice(0, 3)]).toEqual([255, 255, 255]);
    expect(px[4]).toBeLessThan(255);
    const cls = new Uint8ClampedArray(4);
    classPixels(
      [new Float32Array([0]), new Float32Array([0]), new Float32Array([1])],
      cls,
      palette,
    );
    expect(cls[1]).toBeGreaterThan(cls[0]!);
    expect(maxAbs(new Float32Array([-3, 2]))).toBe(3);
    expect(maxAbs(new Float32Array([0]))).toBeGreaterThan(0);
  });
});

describe('grid evaluator', () => {
  it('gives every unit a 50×50 map and the output matches predict', () => {
    const s = defaults();
    const net = netFor(s);
    const grid = createGridEvaluator(s.features, false);
    expect(grid.size).toBe(GRID_SIZE);
    expect(grid.featureMaps).toHaveLength(2);
    const units = grid.evaluate(net);
    expect(units.map((l) => l.length)).toEqual([4, 2, 1]);
    const p = 1234;
    const coords = gridCoords(GRID_SIZE);
    const x = featureMatrix([coords[2 * p]!, coords[2 * p + 1]!], s.features);
    expect(units[2]![0]![p]).toBeCloseTo(predict(net, x)[0]!, 5);
    expect(grid.evaluate(net)).toBe(units); // arrays reused
  });

  it('1-D data reads x2 = 0, so every column is constant', () => {
    const s = presetState(findPreset('regression-1d')!);
    const units = createGridEvaluator(s.features, true).evaluate(netFor(s));
    const out = units[units.length - 1]![0]!;
    expect(out[5]).toBe(out[5 + GRID_SIZE * 30]);
  });
});

describe('network diagram and words', () => {
  it('lays out one column per layer and links every pair of neighbours', () => {
    const s = defaults();
    const layout = networkLayout(s);
    expect(layout.nodes.map((n) => n.id)).toEqual([
      'f-x1',
      'f-x2',
      'n-1-0',
      'n-1-1',
      'n-1-2',
      'n-1-3',
      'n-2-0',
      'n-2-1',
      'out',
    ]);
    const links = networkLinks(layout, netFor(s));
    expect(links).toHaveLength(2 * 4 + 4 * 2 + 2);
    const first = links[0]!;
    expect(first.sign).toBe(first.weight >= 0 ? 'positive' : 'negative');
    expect(first.width).toBe(linkWidth(first.weight));
  });

  it('three-class output links carry the mean weight into the single output node', () => {
    const s = presetState(findPreset('three-class')!);
    const net = netFor(s);
    const links = networkLinks(networkLayout(s), net).filter((l) => l.to.id === 'out');
    expect(links).toHaveLength(4);
    const w = net.weights[1]!;
    expect(links[0]!.weight).toBeCloseTo((w[0]! + w[4]! + w[8]!) / 3, 6);
  });

  it('link width grows with |w| and is capped', () => {
    expect(linkWidth(0)).toBeCloseTo(0.4);
    expect(linkWidth(-1)).toBeCloseTo(2);
    expect(linkWidth(100)).toBe(6);
    expect(linkWidth(NaN)).toBe(6);
  });

  it('formats numbers for people', () => {
    expect(formatNumber(-0.012345)).toBe('−0.0123');
    expect(formatNumber(1234)).toBe('1234');
    expect(formatNumber(2e7)).toBe('2.00e+7');
    expect(formatNumber(NaN)).toBe('NaN');
    expect(formatNumber(-Infinity)).toBe('−∞');
  });

  it('describes incoming weights, runs, divergence and the test trend', () => {
    const s = defaults();
    const layout = networkLayout(s);
    const net = netFor(s);
    const n = layout.nodes.find((x) => x.id === 'n-2-1')!;
    expect(describeIncoming(net, layout, n)).toMatch(
      /^Incoming weights\. from neuron 1: .*from neuron 4: .*; bias 0\.00/,
    );
    expect(describeIncoming(net, layout, layout.nodes[0]!)).toMatch(/Input feature/);
    expect(
      describeRun(s, {
        step: 30,
        epoch: 2,
        history: [{ step: 30, epoch: 2, train: 0.5, test: 0.25 }],
        diverged: null,
        trainSize: 150,
      }),
    ).toBe(
      'Circles with hidden layers of 4, 2 neurons. Step 30, epoch 2. Training loss 0.500, test loss 0.250.',
    );
    expect(
      describeRun(
        { ...s, hidden: [] },
        { step: 0, epoch: 0, history: [], diverged: null, trainSize: 0 },
      ),
    ).toMatch(/no training points yet/);
    expect(
      divergenceMessage({
        step: 8,
        kind: 'nan',
        cause: 'loss',
        last: null,
        loss: NaN,
        learningRate: 3,
      }),
    ).toMatch(/step 8: the loss stopped being a number.*learning rate 3\.00.*Reset/);
    // issue 16: says which grew and quotes the last finite losses the readouts show
    const weights = divergenceMessage({
      step: 40,
      kind: 'exploded',
      cause: 'weights',
      last: { step: 32, epoch: 2, train: 0.0848, test: 0.0809 },
      loss: 0.05,
      learningRate: 1,
    });
    expect(weights).toMatch(/the weights grew beyond a million/);
    expect(weights).toMatch(/at step 32: training 0\.0848, test 0\.0809/);
    expect(weights).not.toMatch(/the loss or the weights/);
    const h = (tests: number[]) =>
      tests.map((t, i) => ({ step: i, epoch: i, train: 0.1, test: t }));
    expect(testTrend(h([1, 0.5]))).toBe('unknown');
    expect(testTrend(h([1, 0.8, 0.6, 0.4, 0.3]))).toBe('falling');
    expect(testTrend(h([1, 0.3, 0.4, 0.6, 0.9]))).toBe('rising');
    expect(testTrend(h([0.3, 0.3, 0.3, 0.3, 0.3]))).toBe('flat');
  });
});
