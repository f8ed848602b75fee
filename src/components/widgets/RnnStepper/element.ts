// <nb-rnn-stepper>: wiring only. The shell rendered every step of every sequence at build time;
// this element keeps {sequence, step} in a store, shows the current step's column and equation,
// hides the future, and reports the state to quiz questions. Buttons and ←/→/Home/End step.
import { createStore } from '../shared/store.ts';
import { WIDGET_CHANGE_EVENT, type WidgetState } from '../../../lib/quiz/widget-contract.ts';

export interface RnnStepperState {
  readonly sequence: string;
  /** 0 (before any input) … number of inputs */
  readonly step: number;
}

export class RnnStepperElement extends HTMLElement {
  #cleanup: Array<() => void> = [];
  #store = createStore<RnnStepperState>({ sequence: '', step: 0 });

  #run(sequence = this.#store.get().sequence): HTMLElement | null {
    return this.querySelector<HTMLElement>(`[data-run="${sequence}"]`);
  }

  #total(sequence = this.#store.get().sequence): number {
    return Math.max(
      0,
      (this.#run(sequence)?.querySelectorAll('thead th[data-col]').length ?? 1) - 1,
    );
  }

  #render(s: RnnStepperState): void {
    for (const run of this.querySelectorAll<HTMLElement>('[data-run]'))
      run.hidden = run.dataset['run'] !== s.sequence;
    const run = this.#run();
    if (!run) return;
    for (const cell of run.querySelectorAll<HTMLElement>('[data-col]')) {
      const col = Number(cell.dataset['col']);
      cell.classList.toggle('is-current', col === s.step);
      cell.classList.toggle('is-future', col > s.step);
    }
    let text = '';
    for (const li of run.querySelectorAll<HTMLElement>('li[data-step]')) {
      const on = Number(li.dataset['step']) === s.step;
      li.classList.toggle('is-current', on);
      if (on) text = li.dataset['text'] ?? '';
    }
    const total = this.#total();
    const counter = this.querySelector('[data-rnn-counter]');
    if (counter) counter.textContent = `Step ${s.step} of ${total}`;
    const live = this.querySelector('[data-rnn-live]');
    if (live && live.textContent !== text) live.textContent = text;
    this.dataset['step'] = String(s.step);
    this.dataset['sequence'] = s.sequence;
  }

  connectedCallback(): void {
    const select = this.querySelector<HTMLSelectElement>('[data-rnn-sequence]');
    const initial = select?.value ?? this.dataset['sequence'] ?? '';
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
      if (select) this.#store.set({ sequence: select.value, step: 0 });
    };
    this.addEventListener('click', onClick);
    this.addEventListener('keydown', onKey);
    select?.addEventListener('change', onChange);
    this.#cleanup.push(() => {
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
    if (typeof sequence !== 'string' || !this.#run(sequence)) return false;
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
    const run = this.#run();
    const h = [
      ...(run?.querySelectorAll<HTMLElement>(`tbody td[data-col="${step}"][data-value]`) ?? []),
    ].map((td) => Number(td.dataset['value']));
    return { sequence, step, total: this.#total(), h: step === 0 ? [0, 0, 0] : h };
  }
}

/** Registers <nb-rnn-stepper> once. */
export function defineRnnStepper(): void {
  if (!customElements.get('nb-rnn-stepper'))
    customElements.define('nb-rnn-stepper', RnnStepperElement);
}

defineRnnStepper();
