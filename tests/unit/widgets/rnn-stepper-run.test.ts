// The RNN stepper's run markup (build time for the default sequence, in the page for the others):
// one column per step, the values quiz state and the lesson read, escaped text, every equation.
import { describe, expect, it } from 'vitest';
import katex from 'katex';
import {
  esc,
  findSequence,
  runHtml,
  STEP0_TEXT,
  stepText,
} from '../../../src/components/widgets/RnnStepper/run-html.ts';
import { describeStep, stepperRun, stepperSequences } from '../../../src/lib/rnn/stepper.ts';

const tex = (s: string) =>
  katex.renderToString(s, { displayMode: true, throwOnError: true, output: 'htmlAndMathml' });

describe('RnnStepper run markup', () => {
  it('has one column, one equation and the exact values of every step, for every sequence', () => {
    for (const seq of stepperSequences) {
      const html = runHtml(seq, tex);
      const steps = stepperRun(seq);
      expect(html.startsWith(`<div class="nb-rnn-run" data-run="${seq.id}">`)).toBe(true);
      expect(html.match(/<th scope="col" data-col="\d+">/g)).toHaveLength(steps.length + 1);
      expect(html.match(/<li data-step="\d+"/g)).toHaveLength(steps.length + 1);
      expect(html.match(/class="katex-display"/g)).toHaveLength(steps.length);
      for (const s of steps)
        for (const v of s.h) expect(html).toContain(`data-value="${String(v)}"`);
      expect(html).toContain(`aria-label="Unrolled network, sequence: ${esc(seq.label)}"`);
    }
  });

  it('hides a run on request and escapes text', () => {
    const seq = stepperSequences[1]!;
    expect(runHtml(seq, tex, true)).toMatch(/^<div class="nb-rnn-run" data-run="flip" hidden>/);
    expect(esc(`a<b & "c" 'd'`)).toBe('a&lt;b &amp; &quot;c&quot; &#39;d&#39;');
  });

  it('live text: step 0, then the step description the lesson quotes', () => {
    const pulse = findSequence('pulse')!;
    expect(stepText(pulse, 0)).toBe(STEP0_TEXT);
    expect(stepText(pulse, 1)).toBe(
      'Step 1 of 6: input x₁ = 1.00. New hidden state h₁ = (0.76, 0.54, 0.92).',
    );
    const flip = findSequence('flip')!;
    expect(stepText(flip, 4)).toBe(describeStep(stepperRun(flip)[3]!, 6));
    expect(findSequence('nope')).toBeUndefined();
  });
});
