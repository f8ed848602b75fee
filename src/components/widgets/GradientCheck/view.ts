// Writes a gradient-check result into the shell's table, verdict line, ε output and chart marker.
import type { GradientCheckResult } from '../../../lib/ml/gradient-check.ts';
import { xOf, yOf } from './chart.ts';
import { describeCheck, fmtNum, fmtSci } from './format.ts';

const setText = (el: Element | null, text: string): void => {
  if (el && el.textContent !== text) el.textContent = text;
};

/** Shows `r` (computed at ε = 10^exponent) in the widget rooted at `root`. */
export function renderCheck(root: HTMLElement, exponent: number, r: GradientCheckResult): void {
  setText(root.querySelector('[data-nb-eps-out]'), `1e${exponent}`);
  root
    .querySelector('[data-nb-eps]')
    ?.setAttribute('aria-valuetext', `epsilon = 10 to the power ${exponent}`);
  const verdict = root.querySelector<HTMLElement>('[data-nb-verdict]');
  if (verdict) {
    verdict.dataset['verdict'] = r.verdict;
    verdict.dataset['relError'] = String(r.relError);
    setText(verdict, describeCheck(r, 10 ** exponent));
  }
  for (const row of r.rows) {
    const tr = root.querySelector(`tr[data-param="${row.name}"]`);
    if (!tr) continue;
    setText(tr.querySelector('[data-col="backprop"]'), fmtNum(row.backprop));
    setText(tr.querySelector('[data-col="numeric"]'), fmtNum(row.numeric));
    setText(tr.querySelector('[data-col="rel"]'), fmtSci(row.relError));
  }
  const marker = root.querySelector('[data-nb-marker]');
  marker?.setAttribute('cx', xOf(exponent).toFixed(1));
  marker?.setAttribute('cy', yOf(r.relError).toFixed(1));
}
