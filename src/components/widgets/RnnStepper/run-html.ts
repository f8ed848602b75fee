// Pure: no DOM. The markup of one sequence's run in the RNN stepper (the unrolled table of h_t and
// each step's equation), as an HTML string. The Astro shell renders the default sequence with it
// at build time; element.ts renders another sequence with it, in the page, when the reader picks
// it (with KaTeX loaded then), so the page's HTML carries one sequence instead of all four.
import {
  describeStep,
  fmt,
  stepperRun,
  stepperSequences,
  stepTex,
  sub,
  type StepperSequence,
} from '../../../lib/rnn/stepper.ts';

/** Text of step 0 for the live region (before any input). */
export const STEP0_TEXT =
  'Before the first input the hidden state is h₀ = (0, 0, 0). Press Next step.';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** Escapes text for HTML content and double-quoted attribute values. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** The sequence with this id, or undefined. */
export function findSequence(id: string): StepperSequence | undefined {
  return stepperSequences.find((s) => s.id === id);
}

/** The text the live region shows at `step` of `seq` (0 = before any input). */
export function stepText(seq: StepperSequence, step: number): string {
  if (step <= 0) return STEP0_TEXT;
  const steps = stepperRun(seq);
  const s = steps[step - 1];
  return s ? describeStep(s, steps.length) : STEP0_TEXT;
}

const UNITS = [0, 1, 2];
const swatch = (v: number): string => `--nb-a:${Math.round(Math.min(1, Math.abs(v)) * 100)}%`;

/**
 * One `.nb-rnn-run` block: the unrolled table and the list of step equations. `tex` turns a
 * step's LaTeX into display-math HTML (KaTeX's renderToString); `hidden` hides the block.
 */
export function runHtml(
  seq: StepperSequence,
  tex: (latex: string) => string,
  hidden = false,
): string {
  const steps = stepperRun(seq);
  const label = esc(seq.label);
  const head = steps.map((s) => `<th scope="col" data-col="${s.t}">${s.t}</th>`).join('');
  const xs = steps
    .map((s) => `<td data-col="${s.t}"><span class="nb-num">${fmt(s.x[0] ?? 0)}</span></td>`)
    .join('');
  const rows = UNITS.map((u) => {
    const cells = steps
      .map((s) => {
        const v = s.h[u]!;
        return (
          `<td data-col="${s.t}" data-value="${String(v)}">` +
          `<span class="nb-sw ${v < 0 ? 'nb-neg' : 'nb-pos'}" style="${swatch(v)}" aria-hidden="true"></span>` +
          `<span class="nb-num">${fmt(v)}</span></td>`
        );
      })
      .join('');
    return (
      `<tr class="nb-rnn-h"><th scope="row">h<sub>t</sub> unit ${u + 1}</th>` +
      `<td data-col="0"><span class="nb-sw" aria-hidden="true"></span><span class="nb-num">0.00</span></td>` +
      `${cells}</tr>`
    );
  }).join('');
  const eqs = steps
    .map(
      (s) =>
        `<li data-step="${s.t}" data-text="${esc(describeStep(s, steps.length))}">` +
        `<p>Step ${s.t}: input x${sub(s.t)} = ${fmt(s.x[0] ?? 0)}</p>` +
        `<div class="nb-rnn-eq" role="region" tabindex="0" aria-label="Equation of step ${s.t}">` +
        `${tex(stepTex(s))}</div></li>`,
    )
    .join('');
  return (
    `<div class="nb-rnn-run" data-run="${esc(seq.id)}"${hidden ? ' hidden' : ''}>` +
    `<div class="nb-rnn-scroll" role="region" tabindex="0" aria-label="Unrolled network, sequence: ${label}">` +
    `<table class="nb-rnn-table"><caption>The network unrolled through time: one column per step, ` +
    `the same weights in every column. Filled squares show each value (blue positive, orange ` +
    `negative, stronger colour for larger size).</caption>` +
    `<thead><tr><th scope="col">Step t</th><th scope="col" data-col="0">0</th>${head}</tr></thead>` +
    `<tbody><tr class="nb-rnn-x"><th scope="row">Input x<sub>t</sub></th><td data-col="0">—</td>${xs}</tr>` +
    `${rows}</tbody></table></div>` +
    `<ol class="nb-rnn-eqs" start="0"><li data-step="0" data-text="${esc(STEP0_TEXT)}">` +
    `<p>Step 0: the state before any input, h<sub>0</sub> = (0, 0, 0).</p></li>${eqs}</ol></div>`
  );
}
