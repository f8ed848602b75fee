// The confusion matrix's behaviour: one tab stop for the 100 cell buttons (arrow keys, Home/End
// move between them), selecting a cell lists its digits, selecting a digit shows its feature maps.
import {
  cellExamples,
  describeConfusion,
  topConfusions,
  type Confusion,
  type Mix,
} from '../../../lib/cnn-trainer/confusion.ts';
import { drawCellDigits, drawConfusion } from './view.ts';

const SHOWN = 24;

export class ConfusionPanel {
  selected: [number, number] | null = null;
  #offs: Array<() => void> = [];
  #c: Confusion | undefined;
  #labels: Uint8Array | undefined;
  #predicted: Uint8Array | undefined;
  #images: Uint8Array | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly table: HTMLTableElement,
    private readonly onDigit: (index: number) => void,
  ) {
    const click = (e: Event) => {
      const b = (e.target as Element | null)?.closest<HTMLButtonElement>('button[data-cell]');
      if (!b) return;
      const [t, p] = cellOf(b);
      this.select(t, p);
    };
    const key = (e: KeyboardEvent) => {
      const b = (e.target as Element | null)?.closest<HTMLButtonElement>('button[data-cell]');
      if (!b) return;
      let [t, p] = cellOf(b);
      if (e.key === 'ArrowUp') t--;
      else if (e.key === 'ArrowDown') t++;
      else if (e.key === 'ArrowLeft') p--;
      else if (e.key === 'ArrowRight') p++;
      else if (e.key === 'Home') p = 0;
      else if (e.key === 'End') p = 9;
      else return;
      e.preventDefault();
      this.#focus(Math.max(0, Math.min(9, t)), Math.max(0, Math.min(9, p)));
    };
    table.addEventListener('click', click);
    table.addEventListener('keydown', key);
    const digits = root.querySelector<HTMLElement>('[data-cell-digits]');
    const pick = (e: Event) => {
      const b = (e.target as Element | null)?.closest<HTMLButtonElement>('button[data-digit]');
      if (b) this.onDigit(Number(b.dataset['digit']));
    };
    digits?.addEventListener('click', pick);
    this.#offs.push(
      () => table.removeEventListener('click', click),
      () => table.removeEventListener('keydown', key),
      () => digits?.removeEventListener('click', pick),
    );
  }

  #focus(t: number, p: number): void {
    for (const b of this.table.querySelectorAll<HTMLButtonElement>('button[data-cell]')) {
      const [bt, bp] = cellOf(b);
      const on = bt === t && bp === p;
      b.tabIndex = on ? 0 : -1;
      if (on) b.focus();
    }
  }

  /** New predictions: redraw the matrix and the selected cell's digits. */
  update(
    c: Confusion,
    labels: Uint8Array,
    predicted: Uint8Array,
    images?: Uint8Array,
    playing = false,
  ): void {
    this.#c = c;
    this.#labels = labels;
    this.#predicted = predicted;
    this.#images = images;
    // While training the matrix waits for the pause (100 cells restyled would cost the page a
    // frame); the accuracy readout and the curve stay live.
    if (playing) return;
    drawConfusion(this.table, c, this.selected);
    const sum = this.root.querySelector<HTMLElement>('[data-cm-summary]');
    const text = describeConfusion(c);
    if (sum && sum.textContent !== text) sum.textContent = text;
    if (this.selected) this.#drawCell();
  }

  select(t: number, p: number): void {
    this.selected = [t, p];
    this.#focus(t, p);
    if (this.#c) drawConfusion(this.table, this.#c, this.selected);
    this.#drawCell();
    this.root.dispatchEvent(new CustomEvent('nb-widget-change', { bubbles: true }));
  }

  topMistake(c: Confusion): Mix | undefined {
    return topConfusions(c, 1)[0];
  }

  #drawCell(): void {
    const out = this.root.querySelector<HTMLElement>('[data-cell-digits]');
    if (!out || !this.selected) return;
    const [t, p] = this.selected;
    if (!this.#labels || !this.#predicted || !this.#images) {
      out.textContent = 'No predictions yet: press Play or load the trained network.';
      return;
    }
    const all = cellExamples(this.#labels, this.#predicted, t, p);
    drawCellDigits(
      out,
      this.#images,
      all.slice(0, SHOWN),
      all.length,
      t === p ? `${t}s recognised as ${p}` : `${t}s taken for ${p}`,
    );
  }

  dispose(): void {
    for (const f of this.#offs.splice(0)) f();
  }
}

function cellOf(b: HTMLElement): [number, number] {
  const [t, p] = (b.dataset['cell'] ?? '0,0').split(',').map(Number);
  return [t ?? 0, p ?? 0];
}
