// The hardware lesson's matrix-multiplication benchmark: FLOP counts, the timing schedule, the
// summary sentence, the chart layout, and a real measurement on tfjs's cpu backend.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import {
  fastestAt,
  gflops,
  matmulFlops,
  nextReps,
  summarise,
  type BenchPoint,
} from '../../../src/lib/matmul-bench/model.ts';
import { benchChart } from '../../../src/lib/matmul-bench/chart.ts';
import { measureMatmul } from '../../../src/lib/matmul-bench/measure.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const pt = (backend: BenchPoint['backend'], n: number, rate: number): BenchPoint => ({
  backend,
  n,
  reps: 1,
  seconds: 1,
  gflops: rate,
});

describe('counting', () => {
  it('an n×n product is 2n³ FLOPs (the quiz: 100 → 2,000,000; the lesson: 64 → half a million, 1024 → two billion)', () => {
    expect(matmulFlops(100)).toBe(2_000_000);
    expect(matmulFlops(64)).toBe(524_288);
    expect(matmulFlops(1024) / 1e9).toBeCloseTo(2.147, 3);
  });
  it('the dense-layer quiz answer: 2·64·784·128 ≈ 12.845 million', () => {
    expect((2 * 64 * 784 * 128) / 1e6).toBeCloseTo(12.845, 3);
  });
  it('GFLOP/s from reps and seconds; nothing measured gives 0', () => {
    expect(gflops(1000, 5, 2)).toBeCloseTo(5, 10);
    expect(gflops(1000, 0, 2)).toBe(0);
    expect(gflops(1000, 3, 0)).toBe(0);
  });
});

describe('the timing schedule', () => {
  it('grows the batch until it fills the budget, at most 8× at a time', () => {
    expect(nextReps(1, 0, 300)).toBe(8);
    expect(nextReps(1, 1, 300)).toBe(8);
    expect(nextReps(4, 100, 300)).toBe(16);
    expect(nextReps(4, 290, 300)).toBe(8);
    expect(nextReps(4, 300, 300)).toBe(0);
  });
});

describe('summary and chart', () => {
  const points = [pt('wasm', 64, 2), pt('wasm', 256, 10), pt('cpu', 64, 0.5), pt('cpu', 256, 1)];
  it('names the fastest backend at the largest size and the ratio to the slowest', () => {
    expect(fastestAt(points, 256)?.backend).toBe('wasm');
    expect(summarise(points)).toBe(
      'At 256×256, WebAssembly is fastest on this device: 10.0 GFLOP/s, 10× CPU (plain JavaScript).',
    );
    expect(summarise([])).toMatch(/press Run/);
  });
  it('plots each backend as a line rising with its rate, with end labels at least 12 units apart', () => {
    const vm = benchChart([...points, pt('webgl', 256, 9.9)]);
    expect(vm.series.map((s) => s.backend)).toEqual(['webgl', 'wasm', 'cpu']);
    const wasm = vm.series.find((s) => s.backend === 'wasm')!;
    expect(wasm.dots[1]!.x).toBeGreaterThan(wasm.dots[0]!.x);
    expect(wasm.dots[1]!.y).toBeLessThan(wasm.dots[0]!.y); // higher rate is higher up
    const ys = vm.series.map((s) => s.end!.y).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(12);
    expect(vm.yTicks.map((t) => t.label)).toEqual(['0.1', '1', '10']);
  });
});

describe('measureMatmul on tfjs cpu', () => {
  it('reports a positive rate and leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const p = await measureMatmul(tf, 'cpu', 64, { budgetMs: 20 });
    expect(p.gflops).toBeGreaterThan(0);
    expect(p.reps).toBeGreaterThanOrEqual(1);
    expect(p.seconds * 1000).toBeGreaterThanOrEqual(20);
    expect(tf.memory().numTensors).toBe(before);
  });
});
