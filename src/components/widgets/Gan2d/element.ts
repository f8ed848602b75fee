// <nb-gan2d>: wiring only. Reads the setup from the page URL (namespace "gan") or the shell's
// preset, drives the training worker (client.ts), draws its snapshots (view.ts) once per frame,
// keeps the URL in step with the settings, and answers the quiz contract.
import { bindControls, type BoundControls } from '../shared/controls.ts';
import { createLiveSummary, renderTable, type LiveSummary } from '../shared/text-alt.ts';
import { saveUrlState } from '../../../lib/state/location.ts';
import { nextSeed } from '../../../lib/ml/rng.ts';
import { historyRows, type GanSnapshot } from '../../../lib/gan/protocol.ts';
import {
  decodePoints,
  encodePoints,
  ganSchema,
  presetSettings,
  settingsFromSearch,
  MAX_DRAWN,
  type GanSettings,
} from '../../../lib/gan/settings.ts';
import { describeGan, trackCollapse, type CollapseTracker } from '../../../lib/gan/describe.ts';
import { WIDGET_CHANGE_EVENT, type WidgetState } from '../../../lib/quiz/widget-contract.ts';
import { createGanClient, type GanClient } from './client.ts';
import { drawCurves, drawHeat, drawPoints, readColours } from './view.ts';
import { setText } from '../shared/set-text.ts';

const BASE_SPEED = 50; // iterations per second at 1×
const LIVE = new Set(['lrD', 'lrG', 'k', 'loss']);

class Gan2dElement extends HTMLElement {
  #settings!: GanSettings;
  #client: GanClient | undefined;
  #controls: BoundControls | undefined;
  #live: LiveSummary | undefined;
  #cleanup: Array<() => void> = [];
  #run = 0;
  #speed = 1;
  #playing = false;
  #snap: GanSnapshot | undefined;
  #frame = 0;
  #cursor: { x: number; y: number } | undefined;
  #collapse: CollapseTracker = { collapsedSeen: false };
  #lastTable = 0;
  #draws = 0;
  #colours: { theme: string; colours: ReturnType<typeof readColours> } | undefined;
  #lastText = 0;

  /** Redraw count (the bench divides it by time for frames per second). */
  drawStats(): { draws: number } {
    return { draws: this.#draws };
  }

  connectedCallback(): void {
    const { settings, notices } = settingsFromSearch(location.search);
    const fromUrl = new URLSearchParams(location.search);
    const hasUrl = [...fromUrl.keys()].some((k) => k.startsWith('gan.'));
    this.#settings = hasUrl ? settings : (presetSettings(this.dataset['preset'] ?? '') ?? settings);
    if (notices.length) this.#notice(notices.join(' '));
    this.#syncForm();
    const bar = this.querySelector<HTMLElement>('[data-nb-controls]')!;
    this.#controls = bindControls(bar, this, {
      onPlay: () => this.#play(),
      onPause: () => this.#pause(),
      onReset: () => this.#restart(),
      onSpeed: (m) => {
        this.#speed = m;
        this.#client?.send({ type: 'speed', itersPerSecond: this.#limit() });
      },
    });
    this.#cleanup.push(() => this.#controls?.dispose());
    this.#live = createLiveSummary(this.querySelector<HTMLElement>('[data-nb-live]')!, 1500);
    this.#cleanup.push(() => this.#live?.dispose());
    this.#on(this, 'change', (e) => this.#onChange(e));
    this.#on(this, 'click', (e) => this.#onClick(e));
    this.#on(this, 'keydown', (e) => this.#onKey(e as KeyboardEvent));
    const plot = this.querySelector<HTMLElement>('[data-plot]')!;
    this.#on(plot, 'pointerdown', (e) => this.#onPlotPointer(e as PointerEvent, plot));
    this.#start();
  }

  disconnectedCallback(): void {
    cancelAnimationFrame(this.#frame);
    for (const f of this.#cleanup.splice(0)) f();
    this.#client?.dispose();
    this.#client = undefined;
  }

  /** The quiz contract (src/lib/quiz/widget-contract.ts). */
  quizState(): WidgetState {
    const s = this.#settings;
    const snap = this.#snap;
    const rows = snap ? historyRows(snap.history) : [];
    const last = rows[rows.length - 1];
    return {
      target: s.target,
      k: s.k,
      lrD: s.lrD,
      lrG: s.lrG,
      opt: s.opt,
      noise: s.noise,
      gen: [...s.gen],
      disc: [...s.disc],
      act: s.act,
      loss: s.loss,
      seed: s.seed,
      iteration: snap?.iteration ?? 0,
      energy: snap && Number.isFinite(snap.energy) ? snap.energy : null,
      modes: snap?.modes ?? -1,
      dReal: last && Number.isFinite(last.dReal) ? last.dReal : null,
      dFake: last && Number.isFinite(last.dFake) ? last.dFake : null,
      collapsedSeen: this.#collapse.collapsedSeen,
      diverged: Boolean(snap?.diverged),
    };
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

  #start(): void {
    this.#client?.dispose();
    this.#client = createGanClient((m) => {
      if (m.type === 'error') return this.#notice(`Training stopped: ${m.message}`);
      if (m.snapshot.run !== this.#run) return;
      this.#snap = m.snapshot;
      if (!m.snapshot.playing && this.#playing) this.#setPlaying(false);
      this.#collapse = trackCollapse(this.#collapse, this.#settings.target, m.snapshot);
      if (!this.#frame) this.#frame = requestAnimationFrame(() => this.#draw());
      if (m.snapshot.changed || !m.snapshot.playing)
        this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
    });
    this.#restart();
  }

  #restart(): void {
    this.#run++;
    this.#setPlaying(false);
    this.#client?.send({
      type: 'init',
      run: this.#run,
      settings: { ...this.#settings },
      itersPerSecond: this.#limit(),
    });
    this.#setSlow(
      'Slow motion: press Step D or Step G to make one update of one network and see what it changed.',
    );
  }

  /** Iterations per second for the speed menu: 50 at 1×, no limit at the top speed. */
  #limit(): number {
    return this.#speed >= 64 ? 1e6 : this.#speed * BASE_SPEED;
  }

  #play(): void {
    this.#setPlaying(true);
    this.#client?.send({ type: 'play' });
  }

  #pause(): void {
    this.#setPlaying(false);
    this.#client?.send({ type: 'pause' });
  }

  #setPlaying(p: boolean): void {
    this.#playing = p;
    this.#controls?.setPlaying(p);
  }

  #setSlow(text: string): void {
    const el = this.querySelector<HTMLElement>('[data-slow]');
    if (el && el.textContent !== text) el.textContent = text;
  }

  #onChange(e: Event): void {
    const el = e.target as HTMLInputElement | HTMLSelectElement;
    const field = el.dataset['field'];
    if (el.matches('[data-arrows]')) return this.#redraw();
    if (!field) return;
    const s = { ...this.#settings };
    if (field === 'preset') {
      const p = presetSettings(el.value);
      if (!p) return;
      this.#settings = p;
    } else {
      const v = el.value;
      switch (field) {
        case 'target':
        case 'opt':
        case 'act':
        case 'loss':
          (s as Record<string, unknown>)[field] = v;
          break;
        case 'gen':
        case 'disc':
          s[field] = v.split('-').map(Number);
          break;
        default: {
          const n = Number(v);
          if (!Number.isFinite(n)) return;
          (s as Record<string, unknown>)[field] =
            field === 'seed' ? Math.max(0, Math.trunc(n)) >>> 0 : n;
        }
      }
      this.#settings = s;
      const preset = this.querySelector<HTMLSelectElement>('[data-field="preset"]');
      if (preset) preset.value = '';
    }
    this.#syncForm();
    this.#saveUrl();
    if (LIVE.has(field) && this.#snap) {
      this.#client?.send({ type: 'set', live: { [field]: this.#settings[field as 'k'] } });
    } else {
      this.#restart();
    }
  }

  #onClick(e: Event): void {
    const t = (e.target as HTMLElement).closest<HTMLElement>('button');
    if (!t) return;
    if (t.dataset['step']) this.#step(t.dataset['step'] as 'd' | 'g');
    else if (t.matches('[data-new-seed]')) this.#newSeed();
    else if (t.matches('[data-undo]')) this.#setPoints(this.#settings.pts.slice(0, -2));
    else if (t.matches('[data-clear]')) this.#setPoints([]);
  }

  #onKey(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    const t = e.target as HTMLElement;
    if (t instanceof HTMLSelectElement || (t instanceof HTMLInputElement && t.type === 'number'))
      return;
    const key = e.key.toLowerCase();
    if (t.matches('[data-plot]') && this.#settings.target === 'drawn') {
      const c = (this.#cursor ??= { x: 0, y: 0 });
      const moves: Record<string, [number, number]> = {
        arrowleft: [-0.05, 0],
        arrowright: [0.05, 0],
        arrowup: [0, 0.05],
        arrowdown: [0, -0.05],
      };
      const m = moves[key];
      if (m) {
        c.x = Math.max(-1, Math.min(1, c.x + m[0]));
        c.y = Math.max(-1, Math.min(1, c.y + m[1]));
        e.preventDefault();
        return this.#redraw();
      }
      if (key === 'enter' || key === ' ') {
        e.preventDefault();
        return this.#addPoint(c.x, c.y);
      }
    }
    if (key === 'd' || key === 'g') {
      e.preventDefault();
      this.#step(key);
    } else if (key === 'n') {
      e.preventDefault();
      this.#newSeed();
    }
  }

  #onPlotPointer(e: PointerEvent, plot: HTMLElement): void {
    if (this.#settings.target !== 'drawn') return;
    const r = plot.getBoundingClientRect();
    this.#addPoint(
      ((e.clientX - r.left) / r.width) * 2 - 1,
      1 - ((e.clientY - r.top) / r.height) * 2,
    );
  }

  #addPoint(x: number, y: number): void {
    if (this.#settings.pts.length >= 2 * MAX_DRAWN)
      return this.#notice(`At most ${MAX_DRAWN} points.`);
    this.#setPoints([...this.#settings.pts, ...encodePoints([x, y])]);
  }

  #setPoints(pts: number[]): void {
    this.#settings = { ...this.#settings, pts };
    this.#saveUrl();
    this.#restart();
  }

  #step(which: 'd' | 'g'): void {
    this.#setPlaying(false);
    this.#client?.send({ type: 'step', which });
  }

  #newSeed(): void {
    this.#settings = { ...this.#settings, seed: nextSeed(this.#settings.seed) };
    this.#syncForm();
    this.#saveUrl();
    this.#restart();
  }

  #saveUrl(): void {
    saveUrlState('gan', ganSchema, this.#settings);
  }

  #syncForm(): void {
    const s = this.#settings;
    for (const el of this.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-field]')) {
      const f = el.dataset['field']!;
      if (f === 'preset') continue;
      const v = (s as Record<string, unknown>)[f];
      const text = Array.isArray(v) ? v.join('-') : String(v);
      if (el.value !== text) el.value = text;
    }
    const draw = this.querySelector<HTMLElement>('[data-draw-tools]');
    if (draw) draw.hidden = s.target !== 'drawn';
  }

  #redraw(): void {
    if (!this.#frame) this.#frame = requestAnimationFrame(() => this.#draw());
  }

  #draw(): void {
    this.#frame = 0;
    const s = this.#snap;
    if (!s) return;
    this.#draws++;
    // Colours are read from CSS once per theme (getComputedStyle every frame costs a style pass).
    const theme = document.documentElement.dataset['theme'] ?? '';
    let cached = this.#colours;
    if (cached?.theme !== theme) cached = this.#colours = { theme, colours: readColours(this) };
    const colours = cached.colours;
    const q = <E extends Element>(sel: string) => this.querySelector<E>(sel)!;
    const changed = s.changed;
    drawHeat(
      q<HTMLCanvasElement>('[data-heat]'),
      s.heat,
      colours,
      changed?.which === 'd' ? changed.beforeHeat : undefined,
    );
    drawPoints(q<HTMLCanvasElement>('[data-points]'), s, colours, {
      arrows: q<HTMLInputElement>('[data-arrows]').checked,
      cursor: this.#settings.target === 'drawn' ? this.#cursor : undefined,
      drawn: this.#settings.target === 'drawn' ? decodePoints(this.#settings.pts) : undefined,
    });
    drawCurves(
      q<SVGSVGElement>('[data-chart="losses"]'),
      q<SVGSVGElement>('[data-chart="outputs"]'),
      s,
    );
    // Words and numbers change the page's text (style and layout work): at most 5 times a second.
    const now = performance.now();
    if (s.playing && !s.changed && now - this.#lastText < 200) return;
    this.#lastText = now;
    const text = describeGan(this.#settings, s);
    for (const [k, v] of Object.entries(text.readouts)) {
      const el = this.querySelector(`[data-out="${k}"]`);
      if (el) setText(el, v);
    }
    if (text.slow) this.#setSlow(text.slow);
    this.#live?.update(text.summary);
    if (!s.playing || now - this.#lastTable > 2000) {
      this.#lastTable = now;
      renderTable(
        q<HTMLTableElement>('[data-nb-table]'),
        ['Iteration', 'D loss', 'G loss', 'D(real)', 'D(fake)'],
        text.table,
      );
    }
  }
}

if (!customElements.get('nb-gan2d')) customElements.define('nb-gan2d', Gan2dElement);
