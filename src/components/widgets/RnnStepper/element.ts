// <nb-rnn-stepper>: wiring only. The shell rendered the default sequence's run at build time; this
// element keeps {sequence, step} in a store, shows the current step's column and equation, hides
// the future, and reports the state to quiz questions. Another sequence's run is rendered here the
// first time the reader picks it (run-html.ts, with KaTeX loaded then); counter, live text and quiz
// state come from the data (lib/rnn/stepper.ts), so they never wait for that. Buttons and
// ←/→/Home/End step.
import { createStore } from '../shared/store.ts';
import { setText } from '../shared/set-text.ts';
import { WIDGET_CHANGE_EVENT, type WidgetState } from '../../../lib/quiz/widget-contract.ts';
import { stepperRun } from '../../../lib/rnn/stepper.ts';
import { esc, findSequence, runHtml, stepText } from './run-html.ts';

export interface RnnStepperState {
  readonly sequence: string;
  /** 0 (before any input) … number of inputs */
  readonly step: number;
}

/** Renders a sequence's run as HTML, with KaTeX (loaded on first use) for the equations. */
async function renderRun(id: string): Promise<string> {
  const seq = findSequence(id);
  if (!seq) return '';
  const katex = await import('katex').then(
    (m) => m.default,
    () => null,
  );
  // Without KaTeX (offline before it was cached) the equation falls back to its LaTeX source.
  const tex = (s: string): string =>
    katex
      ? katex.renderToString(s, { displayMode: true, throwOnError: true, output: 'htmlAndMathml' })
      : `<code>${esc(s)}</code>`;
  return runHtml(seq, tex, true);
}

export class RnnStepperElement extends HTMLElement {
  #cleanup: Array<() => void> = [];
  #store = createStore<RnnStepperState>({ sequence: '', step: 0 });
  /** Runs being rendered, by sequence id. */
  #pending = new Map<string, Promise<void>>();
  #connected = false;

  #run(sequence = this.#store.get().sequence): HTMLElement | null {
    return this.querySelector<HTMLElement>(`[data-run="${CSS.escape(sequence)}"]`);
  }

  #total(sequence = this.#store.get().sequence): number {
    return findSequence(sequence)?.xs.length ?? 0;
  }

  /** Renders `sequence`'s run into the widget (once), then shows the current state again. */
  #ensureRun(sequence: string): void {
    if (this.#run(sequence) || this.#pending.has(sequence) || !findSequence(sequence)) return;
    this.setAttribute('aria-busy', 'true');
    const job = renderRun(sequence).then((html) => {
      this.#pending.delete(sequence);
      if (this.#pending.size === 0) this.removeAttribute('aria-busy');
      if (!this.#connected || this.#run(sequence)) return;
      const last = [...this.querySelectorAll('[data-run]')].at(-1);
      last?.insertAdjacentHTML('afterend', html);
      this.#render(this.#store.get());
    });
    this.#pending.set(sequence, job);
  }

  #render(s: RnnStepperState): void {
    const run = this.#run();
    if (!run) {
      // The previous run stays in view (dimmed) until this one is rendered.
      this.#ensureRun(s.sequence);
    } else {
      for (const r of this.querySelectorAll<HTMLElement>('[data-run]'))
        r.hidden = r.dataset['run'] !== s.sequence;
      for (const cell of run.querySelectorAll<HTMLElement>('[data-col]')) {
        const col = Number(cell.dataset['col']);
        cell.classList.toggle('is-current', col === s.step);
        cell.classList.toggle('is-future', col > s.step);
      }
      for (const li of run.querySelectorAll<HTMLElement>('li[data-step]'))
        li.classList.toggle('is-current', Number(li.dataset['step']) === s.step);
    }
    const seq = findSequence(s.sequence);
    const counter = this.querySelector('[data-rnn-counter]');
    if (counter) setText(counter, `Step ${s.step} of ${this.#total()}`);
    const live = this.querySelector('[data-rnn-live]');
    if (live && seq) setText(live, stepText(seq, s.step));
    this.dataset['step'] = String(s.step);
    this.dataset['sequence'] = s.sequence;
  }

  connectedCallback(): void {
    this.#connected = true;
    const select = this.querySelector<HTMLSelectElement>('[data-rnn-sequence]');
    const wanted = select?.value ?? this.dataset['sequence'] ?? '';
    const initial = findSequence(wanted) ? wanted : (this.dataset['sequence'] ?? '');
    this.#store.set({ sequence: initial, step: 0 });
    this.classList.add('is-stepping');
    this.#cleanup.push(
      this.#store.subscribe(
        (s, prev) => {
          this.#render(s);
          if (s.step !== prev.step || s.sequence !== prev.sequence)
            this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
        },
        { immediate: true },
      ),
    );
    const go = (to: number): void => {
      this.#store.set({ step: Math.max(0, Math.min(this.#total(), to)) });
    };
    const moves: Record<string, () => void> = {
      first: () => go(0),
      previous: () => go(this.#store.get().step - 1),
      next: () => go(this.#store.get().step + 1),
      last: () => go(this.#total()),
    };
    const onClick = (e: Event): void => {
      const target = e.target instanceof Element ? e.target.closest('[data-rnn-step]') : null;
      if (target instanceof HTMLElement) moves[target.dataset['rnnStep'] ?? '']?.();
    };
    const keys: Record<string, string> = {
      ArrowRight: 'next',
      ArrowLeft: 'previous',
      Home: 'first',
      End: 'last',
    };
    const onKey = (e: KeyboardEvent): void => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      // A select or text field keeps its own arrow keys.
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) return;
      const move = moves[keys[e.key] ?? ''];
      if (!move) return;
      e.preventDefault();
      move();
    };
    const onChange = (): void => {
      if (select && findSequence(select.value))
        this.#store.set({ sequence: select.value, step: 0 });
    };
    this.addEventListener('click', onClick);
    this.addEventListener('keydown', onKey);
    select?.addEventListener('change', onChange);
    this.#cleanup.push(() => {
      this.#connected = false;
      this.removeEventListener('click', onClick);
      this.removeEventListener('keydown', onKey);
      select?.removeEventListener('change', onChange);
      this.classList.remove('is-stepping');
    });
  }

  disconnectedCallback(): void {
    for (const f of this.#cleanup.splice(0)) f();
  }

  /** Quiz contract, rule 5: shows a graded sequence and step again after a reload. */
  restoreQuizState(state: WidgetState): boolean {
    if (typeof state !== 'object' || state === null || Array.isArray(state)) return false;
    const { sequence, step } = state;
    if (typeof sequence !== 'string' || !findSequence(sequence)) return false;
    if (typeof step !== 'number' || !Number.isInteger(step)) return false;
    if (step < 0 || step > this.#total(sequence)) return false;
    const select = this.querySelector<HTMLSelectElement>('[data-rnn-sequence]');
    if (select) select.value = sequence;
    this.#store.set({ sequence, step });
    return true;
  }

  /** Quiz contract: the sequence, the step, the input and hidden state at that step. */
  quizState(): WidgetState {
    const { sequence, step } = this.#store.get();
    const seq = findSequence(sequence);
    const h = step === 0 || !seq ? [0, 0, 0] : [...(stepperRun(seq)[step - 1]?.h ?? [])];
    return { sequence, step, total: this.#total(), h };
  }
}

/** Registers <nb-rnn-stepper> once. */
export function defineRnnStepper(): void {
  if (!customElements.get('nb-rnn-stepper'))
    customElements.define('nb-rnn-stepper', RnnStepperElement);
}

defineRnnStepper();
