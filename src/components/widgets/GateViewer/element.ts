// <nb-gate-viewer>: wiring only. Loads the shipped character model when the figure nears the
// viewport, traces the gates of whatever text is in the box (src/lib/charlm/gates.ts, on the main
// thread: a few milliseconds for 600 characters) and redraws the strips (view.ts).
import { onVisible } from '../shared/on-visible.ts';
import { renderTable } from '../shared/text-alt.ts';
import { WIDGET_CHANGE_EVENT, type WidgetState } from '../../../lib/quiz/widget-contract.ts';
import type { CharModel } from '../../../lib/charlm/format.ts';
import {
  FEATURE_LABELS,
  FEATURES,
  correlation,
  featureOf,
  rankUnits,
  traceGates,
  unitSeries,
  type Feature,
  type GateTrace,
  type RankedUnit,
} from '../../../lib/charlm/gates.ts';
import { charAt, type GateRow } from './layout.ts';
import { drawGates, type Palette, type StripSeries } from './view.ts';

const TOP = 4;

function rgb(el: HTMLElement, value: string): [number, number, number] {
  el.style.color = value;
  const m = /(\d+)\D+(\d+)\D+(\d+)/.exec(getComputedStyle(el).color);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [128, 128, 128];
}

function readPalette(host: HTMLElement): Palette {
  const probe = document.createElement('span');
  probe.dataset['palette'] = '';
  host.append(probe);
  const bg = rgb(probe, 'var(--sl-color-bg)');
  const pos = rgb(probe, 'var(--nb-blue)');
  const neg = rgb(probe, 'var(--nb-orange)');
  const text = `rgb(${rgb(probe, 'var(--sl-color-white)').join(',')})`;
  const muted = `rgb(${rgb(probe, 'var(--sl-color-gray-2)').join(',')})`;
  const cursor = `rgb(${rgb(probe, 'var(--sl-color-text-accent)').join(',')})`;
  probe.remove();
  return { bg, pos, neg, text, muted, cursor };
}

class GateViewer extends HTMLElement {
  #cleanup: Array<() => void> = [];
  #model: CharModel | null = null;
  #trace: GateTrace | null = null;
  #ranked: RankedUnit[] = [];
  #rows: GateRow[] = [];
  #series: StripSeries[] = [];
  #cursor = 0;
  #frame = 0;

  connectedCallback(): void {
    const q = <E extends Element>(sel: string) => this.querySelector<E>(sel);
    const textBox = q<HTMLTextAreaElement>('[data-text]');
    const canvas = q<HTMLCanvasElement>('[data-canvas]');
    const cursor = q<HTMLInputElement>('[data-cursor]');
    if (!textBox || !canvas || !cursor) return;
    this.#cleanup.push(onVisible(this, () => void this.#load()));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onInput = (e: Event): void => {
      const t = e.target as HTMLElement;
      if (t === cursor) {
        this.#cursor = Number(cursor.value);
        this.#draw();
        this.#readout();
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(() => this.#update(), t === textBox ? 120 : 0);
    };
    const onMove = (e: PointerEvent): void => {
      const r = canvas.getBoundingClientRect();
      const i = charAt(this.#rows, this.#series.length, e.clientX - r.left, e.clientY - r.top);
      if (i < 0 || i === this.#cursor) return;
      this.#cursor = i;
      cursor.value = String(i);
      this.#draw();
      this.#readout();
    };
    const onResize = (): void => this.#draw();
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(onResize);
    ro?.observe(canvas);
    this.addEventListener('input', onInput);
    this.addEventListener('change', onInput);
    canvas.addEventListener('pointermove', onMove);
    this.#cleanup.push(() => {
      clearTimeout(timer);
      cancelAnimationFrame(this.#frame);
      ro?.disconnect();
      this.removeEventListener('input', onInput);
      this.removeEventListener('change', onInput);
      canvas.removeEventListener('pointermove', onMove);
    });
  }

  async #load(): Promise<void> {
    const readout = this.querySelector<HTMLElement>('[data-readout]');
    try {
      const { loadCharModel } = await import('../../../lib/charlm/format.ts');
      this.#model = await loadCharModel(this.dataset['base'] ?? '/models/charlm/');
      const unit = this.querySelector<HTMLInputElement>('[data-unit]');
      if (unit) unit.max = String(this.#model.model.spec.hiddenSize - 1);
      this.dataset['ready'] = 'true';
      this.#update();
    } catch (e) {
      if (readout)
        readout.textContent = e instanceof Error ? e.message : 'The model could not be loaded.';
    }
  }

  #settings(): { mode: 'top' | 'unit'; feature: Feature; unit: number } {
    const mode =
      this.querySelector<HTMLSelectElement>('[data-mode]')?.value === 'unit' ? 'unit' : 'top';
    const f = this.querySelector<HTMLSelectElement>('[data-feature]')?.value;
    const feature = (FEATURES as readonly string[]).includes(f ?? '') ? (f as Feature) : 'formula';
    const H = this.#model?.model.spec.hiddenSize ?? 64;
    const raw = Math.trunc(Number(this.querySelector<HTMLInputElement>('[data-unit]')?.value));
    const unit = Number.isFinite(raw) ? Math.max(0, Math.min(H - 1, raw)) : 0;
    return { mode, feature, unit };
  }

  #update(): void {
    if (!this.#model) return;
    const text = this.querySelector<HTMLTextAreaElement>('[data-text]')?.value.slice(0, 600) ?? '';
    const { mode, feature, unit } = this.#settings();
    this.#trace = traceGates(this.#model.model, this.#model.vocab, text);
    this.#ranked = rankUnits(this.#trace, feature);
    const trace = this.#trace;
    if (mode === 'unit') {
      this.#series = [
        { label: 'F', kind: 'gate', values: unitSeries(trace, 'forget', unit) },
        { label: 'I', kind: 'gate', values: unitSeries(trace, 'input', unit) },
        { label: 'O', kind: 'gate', values: unitSeries(trace, 'output', unit) },
        { label: 'C', kind: 'cell', values: unitSeries(trace, 'cell', unit) },
      ];
    } else {
      this.#series = this.#ranked.slice(0, TOP).map((r) => ({
        label: String(r.unit),
        kind: 'cell' as const,
        values: unitSeries(trace, 'cell', r.unit),
      }));
    }
    const cursor = this.querySelector<HTMLInputElement>('[data-cursor]');
    this.#cursor = Math.min(this.#cursor, Math.max(0, text.length - 1));
    if (cursor) {
      cursor.max = String(Math.max(0, text.length - 1));
      cursor.value = String(this.#cursor);
    }
    const featureLabel = this.querySelector<HTMLElement>('[data-feature-label]');
    if (featureLabel) featureLabel.hidden = false;
    const canvas = this.querySelector<HTMLCanvasElement>('[data-canvas]');
    const best = this.#ranked[0];
    const summary =
      mode === 'unit'
        ? `Gates and cell state of unit ${unit} under ${text.length} characters.`
        : `Cell states of units ${this.#ranked
            .slice(0, TOP)
            .map((r) => r.unit)
            .join(', ')}, the units that best follow "${FEATURE_LABELS[feature]}".`;
    canvas?.setAttribute('aria-label', summary);
    const live = this.querySelector<HTMLElement>('.nb-text-alt [data-nb-live]');
    if (live && best) {
      live.textContent =
        feature === 'variable'
          ? `Unit ${best.unit}'s cell state varies most over this text (spread ${best.score.toFixed(2)}).`
          : `Unit ${best.unit}'s cell state follows "${FEATURE_LABELS[feature]}" most closely: correlation ${best.score.toFixed(2)}.`;
    }
    const table = this.querySelector<HTMLTableElement>('[data-nb-table]');
    if (table)
      renderTable(
        table,
        [
          'Unit',
          feature === 'variable'
            ? 'Spread of cell state'
            : `Correlation with ${FEATURE_LABELS[feature]}`,
        ],
        this.#ranked.slice(0, 8).map((r) => [String(r.unit), r.score.toFixed(2)]),
      );
    this.#draw();
    this.#readout();
    this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
  }

  #draw(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => {
      const canvas = this.querySelector<HTMLCanvasElement>('[data-canvas]');
      if (!canvas || !this.#trace) return;
      this.#rows = drawGates(
        canvas,
        this.#trace.text,
        this.#series,
        this.#cursor,
        readPalette(this),
      );
    });
  }

  #readout(): void {
    const out = this.querySelector<HTMLElement>('[data-readout]');
    const trace = this.#trace;
    if (!out || !trace) return;
    const i = this.#cursor;
    const ch = trace.text[i];
    if (ch === undefined) {
      out.textContent = 'Type some text for the model to read.';
      return;
    }
    const shown = ch === '\n' ? 'newline' : ch === ' ' ? 'space' : `"${ch}"`;
    const values = this.#series.map((s) => `${s.label} ${s.values[i]!.toFixed(2)}`).join(', ');
    out.textContent = `Character ${i + 1} of ${trace.text.length}, ${shown}: ${values}.`;
  }

  /** Quiz contract: the text, what is shown, and how well units follow the chosen property. */
  quizState(): WidgetState {
    const trace = this.#trace;
    if (!trace) return null;
    const { mode, feature, unit } = this.#settings();
    const f = feature === 'variable' ? null : featureOf(trace.text, feature);
    return {
      text: trace.text,
      mode,
      feature,
      unit,
      unitCorrelation: f ? correlation(unitSeries(trace, 'cell', unit), f) : null,
      top: this.#ranked.slice(0, TOP).map((r) => ({ unit: r.unit, score: r.score })),
    };
  }

  disconnectedCallback(): void {
    for (const f of this.#cleanup.splice(0)) f();
  }
}

if (!customElements.get('nb-gate-viewer')) customElements.define('nb-gate-viewer', GateViewer);
