// Every number lesson 5.1 (src/content/docs/practice/transfer-learning.mdx) states about the
// transfer figure for its default seed, recomputed in Node with the code the worker runs (the
// 0–4 network from public/models, the packed digits, src/lib/practice/transfer.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { parameterCounts } from '../../../src/lib/ml/cnn/spec.ts';
import {
  DEFAULT_SEED,
  fiveWaySpec,
  prepareTransfer,
  sweepFor,
  transferPoint,
  type TransferPoint,
} from '../../../src/lib/practice/transfer.ts';
import { loadDigitsSet, loadSource } from './fixtures.ts';

const at = new Map<number, TransferPoint>();
let prep: ReturnType<typeof prepareTransfer>;
/** Percent with one decimal, as the widget prints it. */
const pct = (v: number) => Number((v * 100).toFixed(1));

beforeAll(() => {
  const source = loadSource();
  prep = prepareTransfer(source.spec, source.weights, loadDigitsSet());
  for (const n of sweepFor()) at.set(n, transferPoint(prep, n, DEFAULT_SEED));
}, 240_000);

const p = (n: number) => at.get(n)!;

describe('lesson 5.1, seed 1', () => {
  it('a frozen body leaves 2,005 of the 5-way network’s 3,381 parameters to train', () => {
    const source = loadSource();
    const counts = parameterCounts(fiveWaySpec(source.spec));
    expect(counts.reduce((a, c) => a + c.count, 0)).toBe(3381);
    expect(counts.find((c) => c.name === 'dense')!.count).toBe(2005);
  });

  it('the source network reads 99.1% of test digits 0–4', () => {
    expect(pct(loadSource().meta.testAccuracy)).toBe(99.1);
  });

  it('N = 1: SVM 61.2%, logistic regression 59.6%; fine-tuned head 42.8%, from scratch 41.3%', () => {
    expect([p(1).svm, p(1).logreg, p(1).fineTune, p(1).scratch].map(pct)).toEqual([
      61.2, 59.6, 42.8, 41.3,
    ]);
  });

  it('N = 5: SVM 88.3%, logistic regression 85.2%, fine-tuned head 83.5%, from scratch 70.9%', () => {
    expect([p(5).svm, p(5).logreg, p(5).fineTune, p(5).scratch].map(pct)).toEqual([
      88.3, 85.2, 83.5, 70.9,
    ]);
  });

  it('up to N = 10 a linear classifier leads; from N = 20 on the fine-tuned head does', () => {
    for (const n of [1, 2, 5, 10]) {
      const q = p(n);
      expect(Math.max(q.svm, q.logreg), `N = ${n}`).toBeGreaterThan(q.fineTune);
      expect(Math.max(q.svm, q.logreg), `N = ${n}`).toBeGreaterThan(q.scratch);
    }
    for (const n of [20, 50, 100]) {
      const q = p(n);
      expect(q.fineTune, `N = ${n}`).toBeGreaterThan(Math.max(q.svm, q.logreg, q.scratch));
    }
    expect(pct(p(20).fineTune)).toBe(94.0);
  });

  it('from scratch trails the fine-tuned head at every N; the gap about 13 → 3 → 1 points at N = 5, 20, 50', () => {
    for (const n of sweepFor()) expect(p(n).fineTune, `N = ${n}`).toBeGreaterThan(p(n).scratch);
    const gap = (n: number) => Math.round((p(n).fineTune - p(n).scratch) * 100);
    expect([gap(5), gap(20), gap(50)]).toEqual([13, 3, 1]);
  });

  it('at N = 50 from scratch (94.1%) is ahead of both linear classifiers (92.7%, 93.4%)', () => {
    expect([p(50).scratch, p(50).svm, p(50).logreg].map(pct)).toEqual([94.1, 92.7, 93.4]);
  });

  it('quiz hint: from scratch is below 90% at N = 10 and above at N = 20', () => {
    expect(p(10).scratch).toBeLessThan(0.9);
    expect(p(20).scratch).toBeGreaterThanOrEqual(0.9);
  });

  it('N = 100: fine-tuned head 96.7%, from scratch 94.4%, SVM 94.0%, logistic regression 94.5%', () => {
    expect([p(100).fineTune, p(100).scratch, p(100).svm, p(100).logreg].map(pct)).toEqual([
      96.7, 94.4, 94.0, 94.5,
    ]);
  });
});

describe('lesson 5.1, other seeds', () => {
  it('seeds 2 and 3, N = 1 and 5: linear classifier first, then the fine-tuned head, then from scratch', () => {
    for (const seed of [2, 3])
      for (const n of [1, 5]) {
        const q = transferPoint(prep, n, seed);
        const where = `seed ${seed}, N = ${n}`;
        expect(Math.max(q.svm, q.logreg), where).toBeGreaterThan(q.fineTune);
        expect(q.fineTune, where).toBeGreaterThan(q.scratch);
      }
  }, 60_000);
});
