// Pure: no DOM. Grader for the hardware lesson's matrix-multiplication benchmark (MatmulBench
// widget): did the reader run it far enough to compare backends? The numbers themselves depend on
// the reader's device, so they are never graded, only whether they were measured.
import type { Grader, GraderParams } from './types.ts';

interface Measured {
  done: boolean;
  /** backend → largest n measured with a positive rate */
  largest: Map<string, number>;
}

function asMeasured(state: unknown): Measured | undefined {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) return undefined;
  const o = state as Record<string, unknown>;
  if (typeof o['done'] !== 'boolean' || !Array.isArray(o['points'])) return undefined;
  const largest = new Map<string, number>();
  for (const p of o['points'] as unknown[]) {
    if (typeof p !== 'object' || p === null) return undefined;
    const { backend, n, gflops } = p as Record<string, unknown>;
    if (typeof backend !== 'string' || typeof n !== 'number' || typeof gflops !== 'number')
      return undefined;
    if (gflops > 0) largest.set(backend, Math.max(largest.get(backend) ?? 0, n));
  }
  return { done: o['done'], largest };
}

function params(p: GraderParams): { minSize: number; minBackends: number } {
  const minSize = typeof p['minSize'] === 'number' ? p['minSize'] : 256;
  const minBackends = typeof p['minBackends'] === 'number' ? p['minBackends'] : 2;
  return { minSize, minBackends };
}

export const matmulBenchGraders: Readonly<Record<string, Grader>> = {
  'matmul-bench-compared': {
    description:
      'The benchmark finished with at least `minBackends` backends measured up to at least `minSize`.',
    checkParams(p) {
      const { minSize, minBackends } = params(p);
      const errors: string[] = [];
      if (![64, 128, 256, 512, 1024].includes(minSize))
        errors.push('params.minSize must be one of 64, 128, 256, 512, 1024');
      if (!Number.isInteger(minBackends) || minBackends < 1 || minBackends > 4)
        errors.push('params.minBackends must be an integer from 1 to 4');
      return errors;
    },
    grade(state, p) {
      const { minSize, minBackends } = params(p);
      const m = asMeasured(state);
      if (!m) return { pass: false, feedback: 'Run the benchmark first, then check.' };
      const enough = [...m.largest].filter(([, n]) => n >= minSize).map(([b]) => b);
      if (enough.length >= minBackends && m.done)
        return { pass: true, feedback: `Measured: ${enough.join(', ')}.` };
      if (!m.done)
        return { pass: false, feedback: 'The run has not finished yet: wait for “Done”.' };
      return {
        pass: false,
        feedback: `Only ${enough.length} backend(s) reached ${minSize}×${minSize}. Tick at least ${minBackends} backends and set the largest size to ${minSize} or more.`,
      };
    },
    examples: [
      {
        state: {
          done: true,
          points: [
            { backend: 'wasm', n: 256, gflops: 12 },
            { backend: 'cpu', n: 256, gflops: 0.9 },
          ],
          skipped: ['webgpu'],
        },
        pass: true,
      },
      {
        state: { done: true, points: [{ backend: 'wasm', n: 512, gflops: 12 }], skipped: [] },
        pass: false,
        note: 'one backend only',
      },
      {
        state: {
          done: false,
          points: [
            { backend: 'wasm', n: 256, gflops: 12 },
            { backend: 'cpu', n: 256, gflops: 1 },
          ],
          skipped: [],
        },
        pass: false,
        note: 'still running',
      },
      { state: null, pass: false },
    ],
  },
};
