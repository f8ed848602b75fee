// <nb-gan-digits>: wiring only. Drives the training worker (client.ts), draws the sample grid and
// the interpolation from the generator weights each snapshot carries (a few hundred thousand
// multiply-adds: well under a millisecond), keeps the text alternative current and answers the
// quiz contract.
import { bindControls, type BoundControls } from '../shared/controls.ts';
import { setText } from '../shared/set-text.ts';
import { engineLabel } from '../../../lib/ml/gpu-engine.ts';
import { createLiveSummary, renderTable, type LiveSummary } from '../shared/text-alt.ts';
import { nextSeed, toSeed } from '../../../lib/ml/rng.ts';
import { generateWith, runSpec } from '../../../lib/gan/digits/model.ts';
import { GRID_COLS, GRID_SAMPLES, interpolateInputs } from '../../../lib/gan/digits/fixed.ts';
import { inputDim } from '../../../lib/gan/digits/inputs.ts';
import { pct } from '../../../lib/conv/format.ts';
import type { DigitsSnapshot, QualityReading } from '../../../lib/gan/digits/protocol.ts';
import { describeDigits, describeGrid, describeReads } from '../../../lib/gan/digits/describe.ts';
import { WIDGET_CHANGE_EVENT, type WidgetState } from '../../../lib/quiz/widget-contract.ts';
import { createDigitsClient, type DigitsClient } from './client.ts';
import { drawImages } from './view.ts';

const STRIP = 9;

class GanDigitsElement extends HTMLElement {
  #client: DigitsClient | null = null;
  #controls: BoundControls | undefined;
  #live: LiveSummary | undefined;
  #cleanup: Array<() => void> = [];
  #run = 0;
  #seed = 1;
  #playing = false;
  #snap: DigitsSnapshot | undefined;
  #frame = 0;
  #readings: QualityReading[] = [];
  #loadedSeen = false;
  #interpAt = 0;

  connectedCallback(): void {
    this.#seed = toSeed(Number(this.dataset['seed'] ?? 1));
    const bar = this.querySelector<HTMLElement>('[data-nb-controls]')!;
    this.#controls = bindControls(bar, this, {
      onPlay: () => this.#play(),
      onPause: () => this.#pause(),
      onReset: () => this.#reset(),
    });
    this.#cleanup.push(() => this.#controls?.dispose());
    this.#live = createLiveSummary(this.querySelector<HTMLElement>('[data-nb-live]')!, 1500);
    this.#cleanup.push(() => this.#live?.dispose());
    this.#on(this, 'click', (e) => this.#onClick(e));
    this.#on(this, 'change', (e) => this.#onChange(e));
    this.#on(this, 'input', (e) => {
      if ((e.target as HTMLElement).matches('[data-t]')) this.#drawInterp();
    });
    this.#on(this, 'keydown', (e) => this.#onKey(e as KeyboardEvent));
    this.#client = createDigitsClient((m) => {
      if (m.type === 'snapshot') {
        if (m.snapshot.run !== this.#run) return;
        this.#notice('');
        this.#onSnapshot(m.snapshot);
      } else if (m.run === this.#run) {
        this.#notice(m.type === 'error' ? `Training stopped: ${m.message}` : m.message);
      }
    });
    if (!this.#client) {
      this.#notice('This browser cannot run Web Workers, so the GAN cannot train here.');
      this.#controls.setEnabled('play', false);
      return;
    }
    this.#reset();
  }

  disconnectedCallback(): void {
    cancelAnimationFrame(this.#frame);
    for (const f of this.#cleanup.splice(0)) f();
    this.#client?.dispose();
    this.#client = null;
  }

  /** The quiz contract (src/lib/quiz/widget-contract.ts); graders in lib/quiz/graders/gan.ts. */
  quizState(): WidgetState {
    const s = this.#snap;
    const q = s?.quality ?? null;
    return {
      widget: 'gan-digits',
      seed: this.#seed,
      source: s?.source ?? 'seed',
      conditional: s?.conditional ?? true,
      iteration: s?.iteration ?? 0,
      seconds: s ? Math.round(s.seconds * 10) / 10 : 0,
      coverage: q ? q.coverage : null,
      confidence: q ? Math.round(q.confidence * 1000) / 1000 : null,
      agreement: q?.agreement != null ? Math.round(q.agreement * 1000) / 1000 : null,
      counts: q ? [...q.counts] : null,
      gridLabels: q ? [...q.gridLabels] : null,
      qualitySeconds: q ? Math.round(q.seconds * 10) / 10 : null,
      qualityIteration: q ? q.iteration : null,
      reachedSeconds: s?.reached ? Math.round(s.reached.seconds * 10) / 10 : null,
      reachedCoverage: s?.reached ? s.reached.coverage : null,
      reachedConfidence: s?.reached ? Math.round(s.reached.confidence * 1000) / 1000 : null,
      loadedSeen: this.#loadedSeen,
      interpFrom: Number(this.#field('[data-from]').value),
      interpTo: Number(this.#field('[data-to]').value),
      interpT: Number(this.#field('[data-t]').value) / 100,
      diverged: Boolean(s?.diverged),
    };
  }

  #field(sel: string): HTMLInputElement {
    return this.querySelector<HTMLInputElement>(sel)!;
  }

  #on(el: EventTarget, type: string, fn: (e: Event) => void): void {
    el.addEventListener(type, fn);
    this.#cleanup.push(() => el.removeEventListener(type, fn));
  }

  #notice(text: string): void {
    const p = this.querySelector<HTMLElement>('[data-notice]');
    if (!p) return;
    p.textContent = text;
    p.hidden = !text;
  }

  #changed(): void {
    this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
  }

  #setPlaying(on: boolean): void {
    this.#playing = on;
    this.#controls?.setPlaying(on);
  }

  #play(): void {
    this.#setPlaying(true);
    this.#client?.send({ type: 'play' });
  }

  #pause(): void {
    this.#setPlaying(false);
    this.#client?.send({ type: 'pause' });
  }

  #reset(): void {
    this.#run++;
    this.#setPlaying(false);
    this.#readings = [];
    this.#snap = undefined;
    this.#field('[data-seed-input]').value = String(this.#seed);
    const conditional = this.#field('[data-cond]').checked;
    this.#client?.send({ type: 'init', run: this.#run, seed: this.#seed, conditional });
  }

  #loadTrained(): void {
    this.#run++;
    this.#setPlaying(false);
    this.#readings = [];
    this.#client?.send({ type: 'load-trained', run: this.#run });
  }

  #onClick(e: Event): void {
    const t = e.target as HTMLElement;
    if (t.closest('[data-load]')) this.#loadTrained();
    else if (t.closest('[data-new-seed]')) {
      this.#seed = nextSeed(this.#seed);
      this.#reset();
    }
  }

  #onChange(e: Event): void {
    const t = e.target as HTMLElement;
    if (t.matches('[data-seed-input]')) {
      this.#seed = toSeed(Number((t as HTMLInputElement).value));
      this.#reset();
    } else if (t.matches('[data-cond]')) {
      this.#reset();
    } else if (t.matches('[data-from], [data-to], [data-t]')) {
      this.#drawInterp();
      this.#changed();
    }
  }

  #onKey(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    const target = e.target as HTMLElement;
    if (target.matches('input[type="number"], select')) return;
    const key = e.key.toLowerCase();
    if (key === 'l') this.#loadTrained();
    else if (key === 'n') {
      this.#seed = nextSeed(this.#seed);
      this.#reset();
    }
  }

  #onSnapshot(s: DigitsSnapshot): void {
    const prev = this.#snap;
    this.#snap = s;
    // Loading the shipped (conditional) generator turns labels back on.
    this.#field('[data-cond]').checked = s.conditional;
    if (s.source === 'trained') this.#loadedSeen = true;
    if (!s.playing && this.#playing) this.#setPlaying(false);
    const q = s.quality;
    if (
      q &&
      (!prev?.quality || prev.quality !== q) &&
      this.#readings.at(-1)?.iteration !== q.iteration
    ) {
      this.#readings.push(q);
    }
    if (!this.#frame) this.#frame = requestAnimationFrame(() => this.#draw());
    if (!s.playing || (q && prev?.quality?.iteration !== q.iteration)) this.#changed();
  }

  #dark(): boolean {
    return document.documentElement.dataset['theme'] === 'dark';
  }

  #draw(): void {
    this.#frame = 0;
    const s = this.#snap;
    if (!s) return;
    const grid = this.querySelector<HTMLCanvasElement>('[data-grid]')!;
    drawImages(grid, s.grid, GRID_SAMPLES, GRID_COLS, this.#dark());
    const label = describeGrid(s.conditional);
    if (grid.getAttribute('aria-label') !== label) grid.setAttribute('aria-label', label);
    // The walk is redrawn at most once a second while training (it is the page's only model
    // arithmetic), and at once when the reader moves the slider or training stops.
    const now = performance.now();
    if (!s.playing || now - this.#interpAt > 1000) {
      this.#interpAt = now;
      this.#drawInterp();
    }
    const out = (k: string, v: string) => {
      const el = this.querySelector(`[data-out="${k}"]`);
      if (el) setText(el, v);
    };
    const q = s.quality;
    out('iteration', s.iteration.toLocaleString('en-US'));
    out('seconds', `${s.seconds.toFixed(1)} s`);
    out('rate', s.playing ? s.itersPerSecond.toFixed(0) : '0');
    out('engine', engineLabel(s.engine));
    out('d', Number.isFinite(s.dReal) ? `${s.dReal.toFixed(2)} / ${s.dFake.toFixed(2)}` : '–');
    out('coverage', q ? `${q.coverage} of 10` : '–');
    out('confidence', q ? q.confidence.toFixed(3) : '–');
    out('agreement', q?.agreement != null ? pct(q.agreement) : '–');
    const counts = this.querySelector('[data-counts]');
    const ct = q ? `Samples per digit (0–9): ${q.counts.join(', ')}` : 'Samples per digit: –';
    if (counts) setText(counts, ct);
    const reads = this.querySelector('[data-reads]');
    const rt = q
      ? describeReads(q, s.conditional)
      : 'The classifier has not judged this generator yet.';
    if (reads) setText(reads, rt);
    this.#live?.update(describeDigits(s));
    const table = this.querySelector<HTMLTableElement>('[data-nb-table]');
    if (table && !s.playing) {
      renderTable(
        table,
        ['Seconds', 'Iteration', 'Coverage', 'Confidence', 'Drawn as asked'],
        this.#readings.map((r) => [
          r.seconds.toFixed(1),
          String(r.iteration),
          String(r.coverage),
          r.confidence.toFixed(3),
          r.agreement === null ? '–' : pct(r.agreement),
        ]),
      );
    }
  }

  #drawInterp(): void {
    const s = this.#snap;
    const tIn = this.#field('[data-t]');
    const t = Number(tIn.value) / 100;
    const o = this.querySelector('[data-t-out]');
    if (o) setText(o, t.toFixed(2));
    if (!s) return;
    const spec = runSpec(s.conditional);
    const a = Number(this.#field('[data-from]').value);
    const b = Number(this.#field('[data-to]').value);
    const d = inputDim(spec);
    const z = new Float32Array(STRIP * d);
    for (let k = 0; k < STRIP; k++) z.set(interpolateInputs(spec, a, b, k / (STRIP - 1)), k * d);
    const dark = this.#dark();
    drawImages(
      this.querySelector('[data-strip]')!,
      generateWith(spec, s.generator, z, STRIP),
      STRIP,
      STRIP,
      dark,
    );
    const one = generateWith(spec, s.generator, interpolateInputs(spec, a, b, t), 1);
    drawImages(this.querySelector('[data-one]')!, one, 1, 1, dark);
  }
}

if (!customElements.get('nb-gan-digits')) customElements.define('nb-gan-digits', GanDigitsElement);
