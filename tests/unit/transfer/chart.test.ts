// The transfer figure's view-model and sentences: three lines (the chosen linear classifier
// among them), log-scaled N, the marker, the readout and the table.
import { describe, expect, it } from 'vitest';
import {
  summariseAt,
  summariseRun,
  tableRows,
  transferChart,
  TRANSFER_LAYOUT,
} from '../../../src/lib/practice/transfer-chart.ts';
import type { TransferPoint } from '../../../src/lib/practice/transfer.ts';

const points: TransferPoint[] = [
  { n: 5, fineTune: 0.835, scratch: 0.709, svm: 0.883, logreg: 0.852 },
  { n: 1, fineTune: 0.428, scratch: 0.413, svm: 0.612, logreg: 0.596 },
  { n: 100, fineTune: 0.967, scratch: 0.944, svm: 0.94, logreg: 0.945 },
];

describe('transfer chart', () => {
  it('draws fine-tuning, from scratch and the chosen classifier, points sorted by N', () => {
    const vm = transferChart(points, 5, 'logreg');
    expect(vm.series.map((s) => s.method)).toEqual(['fineTune', 'scratch', 'logreg']);
    const xs = vm.series[0]!.dots.map((d) => d.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(xs[0]).toBeCloseTo(TRANSFER_LAYOUT.margin.left, 6);
    expect(xs[2]).toBeCloseTo(TRANSFER_LAYOUT.width - TRANSFER_LAYOUT.margin.right, 6);
    // log scale: N = 10 halfway between 1 and 100
    const tick10 = vm.xTicks.find((t) => t.value === 10)!;
    expect(tick10.at).toBeCloseTo((xs[0]! + xs[2]!) / 2, 6);
    expect(vm.marker).toBeCloseTo(vm.xTicks.find((t) => t.value === 5)!.at, 6);
    expect(vm.series[2]!.dots[0]!.text).toBe(
      'Logistic regression on frozen features, N = 1: 59.6%',
    );
  });

  it('an empty run draws empty lines', () => {
    const vm = transferChart([], 5, 'svm');
    expect(vm.series.every((s) => s.d === '' && s.dots.length === 0)).toBe(true);
  });

  it('the readout names the methods shown, best first', () => {
    expect(summariseAt(points, 5, 'svm')).toBe(
      'With 5 examples per digit: linear SVM 88.3%, fine-tuned head 83.5%, from scratch 70.9% of the test digits 5–9 right.',
    );
    expect(summariseAt(points, 3, 'svm')).toBe('N = 3 is not computed yet: press Run to add it.');
    expect(summariseRun(points, 1)).toBe(
      'Seed 1, N = 1, 5, 100. Best at N = 1: linear SVM (61.2%); at N = 100: fine-tuned head (96.7%). The table lists every accuracy.',
    );
  });

  it('the table has one row per N, all four methods', () => {
    expect(tableRows(points)).toEqual([
      ['1', '42.8%', '41.3%', '61.2%', '59.6%'],
      ['5', '83.5%', '70.9%', '88.3%', '85.2%'],
      ['100', '96.7%', '94.4%', '94.0%', '94.5%'],
    ]);
  });
});
