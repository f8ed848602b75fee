// <nb-draw-pad>: wiring only. Pointer and keyboard drawing → strokes → the MNIST-style 28×28 image
// (src/lib/cnn-trainer/drawing.ts) → the classifier named by data-for → ten probabilities.
// Classification runs at most every CLASSIFY_MS while drawing, and once more when a stroke ends.
import { argmax, prepareDrawing, type Stroke } from '../../../lib/cnn-trainer/drawing.ts';
import {
  arrowStep,
  describePen,
  initialPen,
  movePen,
  penPoint,
  togglePen,
  type PenState,
} from '../../../lib/cnn-trainer/keyboard-pen.ts';
import { tileImages } from '../../../lib/cnn-trainer/images.ts';
import { WIDGET_CHANGE_EVENT, type WidgetState } from '../../../lib/quiz/widget-contract.ts';
import { requestDefinition } from '../shared/lazy.ts';
import { throttle } from '../shared/throttle.ts';

interface Classifier extends HTMLElement {
  classifyDigit(image: Float32Array): Promise<Float32Array>;
  modelInfo?(): { label: string; trained: boolean; batch: number; accuracy: number | null };
}

const CLASSIFY_MS = 120;
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

class DrawPad extends HTMLElement {
  #cleanup: Array<() => void> = [];
  #pen: PenState = initialPen();
  #live: Stroke | null = null;
  #probs: Float32Array | null = null;
  #empty = true;
  #ticket = 0;
  #classify = throttle(() => void this.#run(), CLASSIFY_MS);

  connectedCallback(): void {
    const pad = this.querySelector<HTMLElement>('[data-pad]');
    const canvas = this.querySelector<HTMLCanvasElement>('canvas[data-pad-canvas]');
    if (!pad || !canvas) return;
    const pos = (e: PointerEvent) => {
      const r = canvas.getBoundingClientRect();
      return {
        x: Math.min(1, Math.max(0, (e.clientX - r.left) / r.width)),
        y: Math.min(1, Math.max(0, (e.clientY - r.top) / r.height)),
      };
    };
    const down = (e: PointerEvent) => {
      if (e.button !== 0) return;
      e.preventDefault();
      pad.setPointerCapture?.(e.pointerId);
      this.#live = [pos(e)];
      this.#pen = { ...this.#pen, down: false, strokes: [...this.#pen.strokes, this.#live] };
      this.#changed();
    };
    const move = (e: PointerEvent) => {
      if (!this.#live) return;
      const s = this.#pen.strokes;
      this.#live = [...this.#live, pos(e)];
      this.#pen = { ...this.#pen, strokes: [...s.slice(0, -1), this.#live] };
      this.#changed();
    };
    const up = () => {
      if (!this.#live) return;
      this.#live = null;
      this.#changed(true);
    };
    const key = (e: KeyboardEvent) => {
      const step = arrowStep(e.key, e.shiftKey);
      if (step) this.#pen = movePen(this.#pen, step[0], step[1]);
      else if (e.key === ' ' || e.key === 'Enter') this.#pen = togglePen(this.#pen);
      else if (e.key === 'Delete' || e.key === 'Backspace') this.#pen = initialPen();
      else return;
      e.preventDefault();
      this.#changed(!this.#pen.down);
      this.#cursorText(true);
    };
    const focus = () => this.#cursorText(true);
    const blur = () => this.#cursorText(false);
    pad.addEventListener('pointerdown', down);
    pad.addEventListener('pointermove', move);
    pad.addEventListener('pointerup', up);
    pad.addEventListener('pointercancel', up);
    pad.addEventListener('keydown', key);
    pad.addEventListener('focus', focus);
    pad.addEventListener('blur', blur);
    const clear = () => {
      this.#pen = initialPen();
      this.#changed(true);
    };
    const undo = () => {
      this.#pen = { ...this.#pen, down: false, strokes: this.#pen.strokes.slice(0, -1) };
      this.#changed(true);
    };
    const clearBtn = this.querySelector('[data-clear]');
    const undoBtn = this.querySelector('[data-undo]');
    clearBtn?.addEventListener('click', clear);
    undoBtn?.addEventListener('click', undo);
    this.#cleanup.push(
      () => pad.removeEventListener('pointerdown', down),
      () => pad.removeEventListener('pointermove', move),
      () => pad.removeEventListener('pointerup', up),
      () => pad.removeEventListener('pointercancel', up),
      () => pad.removeEventListener('keydown', key),
      () => pad.removeEventListener('focus', focus),
      () => pad.removeEventListener('blur', blur),
      () => clearBtn?.removeEventListener('click', clear),
      () => undoBtn?.removeEventListener('click', undo),
      () => this.#classify.cancel(),
    );
    this.#paint();
  }

  disconnectedCallback(): void {
    for (const f of this.#cleanup.splice(0)) f();
  }

  /** Quiz contract: what the network reads the drawing as. */
  quizState(): WidgetState {
    const p = this.#probs;
    const best = p && !this.#empty ? argmax(p) : null;
    return {
      empty: this.#empty,
      strokes: this.#pen.strokes.length,
      predicted: best,
      confidence: best !== null && p ? p[best]! : null,
      probabilities: p && !this.#empty ? Array.from(p, (v) => Math.round(v * 1e4) / 1e4) : null,
    };
  }

  /** For tests and other widgets: replaces the drawing with `strokes` (pad coordinates 0–1). */
  setStrokes(strokes: Stroke[]): void {
    this.#pen = { ...initialPen(strokes), down: false };
    this.#changed(true);
  }

  #changed(now = false): void {
    this.#paint();
    this.#classify();
    if (now) this.#classify.flush();
  }

  #cursorText(show: boolean): void {
    const cur = this.querySelector<HTMLElement>('[data-cursor]');
    const text = this.querySelector<HTMLElement>('[data-cursor-text]');
    if (cur) {
      cur.hidden = !show;
      const p = penPoint(this.#pen);
      cur.style.left = `${p.x * 100}%`;
      cur.style.top = `${p.y * 100}%`;
      cur.classList.toggle('dp-down', this.#pen.down);
    }
    if (text) text.textContent = show ? describePen(this.#pen) : '';
  }

  #paint(): void {
    const canvas = this.querySelector<HTMLCanvasElement>('canvas[data-pad-canvas]');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const w = canvas.width;
    ctx.clearRect(0, 0, w, w);
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.lineWidth = w / 18;
    ctx.strokeStyle = getComputedStyle(this).getPropertyValue('--dp-ink').trim() || '#111';
    ctx.fillStyle = ctx.strokeStyle;
    for (const s of this.#pen.strokes) {
      if (s.length === 1) {
        ctx.beginPath();
        ctx.arc(s[0]!.x * w, s[0]!.y * w, ctx.lineWidth / 2, 0, 2 * Math.PI);
        ctx.fill();
        continue;
      }
      ctx.beginPath();
      s.forEach((p, i) => (i ? ctx.lineTo(p.x * w, p.y * w) : ctx.moveTo(p.x * w, p.y * w)));
      ctx.stroke();
    }
  }

  async #run(): Promise<void> {
    const ticket = ++this.#ticket;
    const { image, empty } = prepareDrawing(this.#pen.strokes);
    this.#empty = empty;
    const seen = this.querySelector<HTMLCanvasElement>('canvas[data-seen]');
    if (seen) {
      const g = tileImages(image, 1, 28, 28, { scale: 'grey', fromZero: true });
      const ctx = seen.getContext('2d');
      const img = ctx?.createImageData(28, 28);
      if (ctx && img) {
        img.data.set(g.rgba);
        ctx.putImageData(img, 0, 0);
      }
      seen.setAttribute(
        'aria-label',
        empty ? 'The 28×28 image the network reads: empty' : 'The 28×28 image the network reads',
      );
    }
    if (empty) {
      this.#probs = null;
      this.#render();
      return;
    }
    const host = await this.#host();
    if (!host) {
      this.#say('No network to classify with on this page.');
      return;
    }
    try {
      const probs = await host.classifyDigit(image);
      if (ticket !== this.#ticket || probs.length !== 10) return;
      this.#probs = probs;
      this.#render(host);
    } catch {
      this.#say('The network could not classify the drawing.');
    }
  }

  async #host(): Promise<Classifier | undefined> {
    const id = this.dataset['for'];
    const el = id ? document.getElementById(id) : null;
    if (!el) return undefined;
    if (!('classifyDigit' in el)) await requestDefinition(el);
    return 'classifyDigit' in el ? (el as Classifier) : undefined;
  }

  #say(text: string): void {
    const a = this.querySelector<HTMLElement>('[data-answer]');
    if (a && a.textContent !== text) a.textContent = text;
  }

  #render(host?: Classifier): void {
    const p = this.#probs;
    const best = p ? argmax(p) : -1;
    for (const li of this.querySelectorAll<HTMLElement>('[data-prob]')) {
      const k = Number(li.dataset['prob']);
      const v = p ? p[k]! : 0;
      li.classList.toggle('dp-best', k === best);
      const fill = li.querySelector<HTMLElement>('.dp-fill');
      if (fill) fill.style.width = `${(100 * v).toFixed(1)}%`;
      const val = li.querySelector<HTMLElement>('.dp-value');
      if (val) val.textContent = p ? pct(v) : '–';
    }
    this.#say(
      p
        ? `The network reads a ${best} (${pct(p[best]!)}).`
        : 'Draw a digit to see what the network reads.',
    );
    const info = host?.modelInfo?.();
    const out = this.querySelector<HTMLElement>('[data-model-info]');
    if (out && info) {
      const state = info.trained
        ? 'with its trained weights'
        : info.batch === 0
          ? 'untrained: press Play or Load trained CNN in the trainer above'
          : `after ${info.batch.toLocaleString('en')} training batches`;
      const acc = info.accuracy != null ? `, ${pct(info.accuracy)} on the test digits` : '';
      out.textContent = `Classified by the trainer's ${info.label.toLowerCase()}, ${state}${acc}.`;
    }
    this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
  }
}

if (!customElements.get('nb-draw-pad')) customElements.define('nb-draw-pad', DrawPad);
