// <nb-vanishing-gradient>: wiring only. The shell drew the chart for the starting settings; on the
// first input this element loads the gradient maths (src/lib/rnn/vanishing.ts, a few KB) and
// redraws the chart, the summary and the table from the new settings. Settings live in the URL.
import { WIDGET_CHANGE_EVENT, type WidgetState } from '../../../lib/quiz/widget-contract.ts';
import { loadUrlState, saveUrlState } from '../../../lib/state/location.ts';
import { createLiveSummary, type LiveSummary } from '../shared/text-alt.ts';
import type { Schema } from '../../../lib/state/url-state.ts';

const schema = {
  length: { kind: 'int', default: 50, min: 5, max: 100 },
  gain: { kind: 'number', default: 1, min: 0.5, max: 3 },
  forgetBias: { kind: 'number', default: 1, min: 0, max: 4 },
} satisfies Schema;
type Key = keyof typeof schema;
type Settings = Record<Key, number>;

export class VanishingGradientElement extends HTMLElement {
  #cleanup: Array<() => void> = [];
  #settings: Settings = { length: 50, gain: 1, forgetBias: 1 };
  #norms: { rnn: number[]; lstm: number[] } | null = null;
  #pending = 0;
  #live: LiveSummary | undefined;

  #ns = 'vanishing';
  #base: Settings = { length: 50, gain: 1, forgetBias: 1 };

  #input(key: Key): HTMLInputElement | null {
    return this.querySelector<HTMLInputElement>(`input[data-vg="${key}"]`);
  }

  async #update(): Promise<void> {
    const ticket = ++this.#pending;
    const [{ gradientNorms, vanishingDefaults }, { vanishingChart }, view] = await Promise.all([
      import('../../../lib/rnn/vanishing.ts'),
      import('../../../lib/rnn/vanishing-chart.ts'),
      import('./view.ts'),
    ]);
    if (ticket !== this.#pending || !this.isConnected) return;
    const s = { ...vanishingDefaults, ...this.#settings };
    const norms = gradientNorms(s);
    this.#norms = norms;
    const summary = this.querySelector<HTMLElement>('[data-vg-summary]');
    if (summary) this.#live ??= createLiveSummary(summary, 800);
    view.drawVanishing(this, vanishingChart(norms, s), (t) => this.#live?.update(t));
    this.dataset['ready'] = String(ticket);
    this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
  }

  connectedCallback(): void {
    const ns = (this.#ns = this.id.replace(/[^a-z0-9-]/g, '').slice(0, 32) || 'vanishing');
    const base: Settings = (this.#base = {
      length: Number(this.dataset['length']) || 50,
      gain: Number(this.dataset['gain']) || 1,
      forgetBias: Number(this.dataset['forgetBias'] ?? 1),
    });
    const { values, present } = loadUrlState(ns, schema, base);
    this.#settings = { ...values };
    this.#showSettings();
    if (present) void this.#update();
    const onInput = (e: Event): void => {
      const input = e.target;
      if (!(input instanceof HTMLInputElement)) return;
      const key = input.dataset['vg'] as Key | undefined;
      if (!key || !(key in schema)) return;
      this.#settings = { ...this.#settings, [key]: Number(input.value) };
      this.#showSettings();
      saveUrlState(ns, schema, this.#settings, base);
      void this.#update();
    };
    this.addEventListener('input', onInput);
    this.#cleanup.push(() => this.removeEventListener('input', onInput));
  }

  /** Writes the settings into the sliders and their read-outs. */
  #showSettings(): void {
    for (const key of Object.keys(schema) as Key[]) {
      const v = this.#settings[key];
      const input = this.#input(key);
      if (input && Number(input.value) !== v) input.value = String(v);
      const out = this.querySelector(`output[data-vg-out="${key}"]`);
      if (out) out.textContent = key === 'length' ? String(v) : v.toFixed(1);
    }
  }

  disconnectedCallback(): void {
    for (const f of this.#cleanup.splice(0)) f();
    this.#live?.flush();
    this.#live?.dispose();
    this.#live = undefined;
  }

  /** Quiz contract, rule 5: puts graded settings back after a reload. */
  restoreQuizState(state: WidgetState): boolean {
    if (typeof state !== 'object' || state === null || Array.isArray(state)) return false;
    const next = { ...this.#settings };
    for (const key of Object.keys(schema) as Key[]) {
      const v = state[key];
      const f = schema[key];
      if (typeof v !== 'number' || !(v >= f.min && v <= f.max)) return false;
      next[key] = v;
    }
    this.#settings = next;
    this.#showSettings();
    saveUrlState(this.#ns, schema, this.#settings, this.#base);
    void this.#update();
    return true;
  }

  /** Quiz contract: the settings (graders recompute the norms) and, once computed, step 1's norms. */
  quizState(): WidgetState {
    const s = this.#settings;
    return {
      length: s.length,
      gain: s.gain,
      forgetBias: s.forgetBias,
      rnnFirst: this.#norms?.rnn[0] ?? null,
      lstmFirst: this.#norms?.lstm[0] ?? null,
    };
  }
}

/** Registers <nb-vanishing-gradient> once. */
export function defineVanishingGradient(): void {
  if (!customElements.get('nb-vanishing-gradient'))
    customElements.define('nb-vanishing-gradient', VanishingGradientElement);
}

defineVanishingGradient();
