import { describe, expect, it } from 'vitest';
import { convGraders } from '../../../src/lib/quiz/graders/conv.ts';
import { graders, runGraderExamples } from '../../../src/lib/quiz/graders/index.ts';
import { PRESET_IDS, presetKernel } from '../../../src/lib/conv/kernels.ts';

describe('conv graders', () => {
  it('are registered and pass their own examples', () => {
    for (const [name, g] of Object.entries(convGraders)) {
      expect(graders[name]).toBe(g);
      expect(runGraderExamples(name, g)).toEqual([]);
    }
  });
  it('the horizontal-edge question accepts exactly the horizontal-edge presets', () => {
    const g = convGraders['conv-explorer-edge-kernel']!;
    const passing = PRESET_IDS.filter(
      (id) =>
        g.grade(
          {
            inputSize: 28,
            kernelSize: 5,
            kernel: Array.from(presetKernel(id, 5).data),
            stride: 1,
            padding: 0,
          },
          { orientation: 'horizontal' },
        ).pass,
    );
    expect(passing).toEqual(['horizontal-edges', 'sobel-horizontal']);
  });
  it('explains a failing answer in words', () => {
    const g = convGraders['conv-explorer-output-size']!;
    const r = g.grade(
      { inputSize: 28, kernelSize: 3, kernel: new Array(9).fill(0), stride: 1, padding: 0 },
      { size: 14 },
    );
    expect(r.pass).toBe(false);
    expect(r.feedback).toContain('= 26');
    expect(g.checkParams?.({ size: 0 })).toHaveLength(1);
  });
});
