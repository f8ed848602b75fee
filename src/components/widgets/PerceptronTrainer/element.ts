// <nb-perceptron-trainer>: wiring only. Buttons → lib/ml/perceptron.ts → plane view + numbers.
import { renderTable } from '../shared/text-alt.ts';
import { score } from '../../../lib/ml/neuron.ts';
import {
  initPerceptron,
  perceptronStep,
  type PerceptronState,
  type PerceptronVisit,
} from '../../../lib/ml/perceptron.ts';
import { WIDGET_CHANGE_EVENT, type WidgetState } from '../../../lib/quiz/widget-contract.ts';
import { createPlane, drawPlane } from '../NeuronExplorer/plane.ts';
import {
  describeTraining,
  describeVisit,
  parseTrainerProps,
  trainerBounds,
  trainerPoints,
  updateRows,
} from './data.ts';

/** "Run to the end" stops after this many passes even if neither converged nor looping. */
const MAX_EPOCHS = 1000;

class PerceptronTrainer extends HTMLElement {
  #cleanup: Array<() => void> = [];
  #state: PerceptronState = initPerceptron();
  #data = 'separable';

  connectedCallback(): void {
    const props = parseTrainerProps(this.dataset);
    this.#data = props.data;
    const points = trainerPoints(props);
    const bounds = trainerBounds(props.data);
    const host = this.querySelector<HTMLElement>('[data-plot]');
    const status = this.querySelector<HTMLElement>('[data-status]');
    const panel = this.querySelector<HTMLElement>('[data-update]');
    const visitText = this.querySelector<HTMLElement>('[data-visit]');
    const rows = this.querySelector<HTMLTableSectionElement>('[data-rows]');
    const reason = this.querySelector<HTMLElement>('[data-reason]');
    const stepBtn = this.querySelector<HTMLButtonElement>('[data-action="step"]');
    const runBtn = this.querySelector<HTMLButtonElement>('[data-action="run"]');
    if (!host || !status || !panel || !visitText || !rows || !stepBtn || !runBtn) return;
    const view = createPlane(host, bounds, 'The data points and the perceptron’s current line');
    let last: PerceptronVisit | null = null;

    const render = (): void => {
      const s = this.#state;
      drawPlane(view, bounds, {
        points,
        neuron: s,
        wrong: new Set(score(s, points).wrong),
        highlight: last?.index,
      });
      status.textContent = describeTraining(s);
      panel.hidden = last === null;
      if (last) {
        const p = points[last.index]!;
        visitText.textContent = describeVisit(last, p);
        const table = rows.closest('table');
        if (table)
          renderTable(
            table,
            ['Weight', 'Before', 'Change η × (t − ŷ) × input', 'After'],
            updateRows(last, p, props.lr),
          );
      }
      const done = s.converged || s.cycle !== null || s.epoch >= MAX_EPOCHS;
      stepBtn.disabled = done;
      runBtn.disabled = done;
      if (reason) reason.hidden = s.cycle === null;
      this.dataset['updates'] = String(s.updates);
      this.dataset['outcome'] = s.converged ? 'converged' : s.cycle ? 'cycle' : 'running';
    };

    const changed = (): void => {
      render();
      this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
    };

    const onClick = (e: Event): void => {
      const btn = (e.target as Element).closest<HTMLButtonElement>('button[data-action]');
      if (!btn || btn.disabled) return;
      const action = btn.dataset['action'];
      if (action === 'step') {
        const r = perceptronStep(this.#state, points, props.lr);
        this.#state = r.state;
        if (r.update) last = r.update;
      } else if (action === 'run') {
        while (!this.#state.converged && !this.#state.cycle && this.#state.epoch < MAX_EPOCHS) {
          const r = perceptronStep(this.#state, points, props.lr);
          this.#state = r.state;
          if (r.update) last = r.update;
        }
      } else if (action === 'reset') {
        this.#state = initPerceptron();
        last = null;
      }
      changed();
      // A finished run disables the focused button; keep focus on the widget's controls.
      if (btn.disabled) this.querySelector<HTMLButtonElement>('[data-action="reset"]')?.focus();
    };
    this.addEventListener('click', onClick);
    this.#cleanup.push(() => this.removeEventListener('click', onClick));
    render();
  }

  /** Quiz contract: which data, how many updates, and whether it converged or looped. */
  quizState(): WidgetState {
    const s = this.#state;
    return {
      data: this.#data,
      updates: s.updates,
      epoch: s.epoch,
      converged: s.converged,
      cycle: s.cycle !== null,
    };
  }

  disconnectedCallback(): void {
    for (const f of this.#cleanup.splice(0)) f();
  }
}

if (!customElements.get('nb-perceptron-trainer'))
  customElements.define('nb-perceptron-trainer', PerceptronTrainer);
