// <nb-char-lstm>: wiring only. Starts the character model's worker (src/workers/lstm.worker.ts)
// when the figure nears the viewport; it loads the shipped model and sends a sample at once.
// Buttons switch between the trained model and one trained from scratch; the temperature slider
// and prompt box resample.
import { onVisible } from '../shared/on-visible.ts';
import { setText } from '../shared/set-text.ts';
import { createLiveSummary, renderTable, type LiveSummary } from '../shared/text-alt.ts';
import { WIDGET_CHANGE_EVENT, type WidgetState } from '../../../lib/quiz/widget-contract.ts';
import type {
  CharCommand,
  CharMessage,
  CharProgress,
  CharSample,
} from '../../../lib/charlm/protocol.ts';
import {
  describeStatus,
  lossText,
  perplexityText,
  repetitionScore,
} from '../../../lib/charlm/describe.ts';
import { engineLabel } from '../../../lib/charlm/engine-choice.ts';
import { createSeriesBuffer } from '../../../lib/viz/curves.ts';
import { drawLoss, lossRows, lossSeries } from './view.ts';

/** While training, the loss chart is redrawn at most this often (ms); at once when it stops. */
const CHART_EVERY_MS = 2000;

class CharLstm extends HTMLElement {
  #cleanup: Array<() => void> = [];
  #worker: Worker | null = null;
  #progress: CharProgress | null = null;
  #sample: CharSample | null = null;
  #temperature = 0.6;
  #live: LiveSummary | undefined;
  #train = createSeriesBuffer(400);
  #held = createSeriesBuffer(200);
  #renderPending = false;
  #dirty = { progress: false, sample: false };
  #lastChart = -Infinity;
  #scratchSeed = 1;

  connectedCallback(): void {
    const q = <E extends Element>(sel: string) => this.querySelector<E>(sel);
    const play = q<HTMLButtonElement>('[data-action="play"]');
    const slider = q<HTMLInputElement>('[data-temperature]');
    const promptBox = q<HTMLInputElement>('[data-prompt]');
    const lr = q<HTMLSelectElement>('[data-lr]');
    const status = q<HTMLElement>('[data-status]');
    if (!play || !slider || !promptBox || !lr || !status) return;
    this.#temperature = Number(slider.value);
    this.#live = createLiveSummary(status, 2000);

    const send = (cmd: CharCommand): void => {
      this.#start(status)?.postMessage(cmd);
    };
    this.#cleanup.push(onVisible(this, () => void this.#start(status)));

    const onClick = (e: Event): void => {
      const btn = (e.target as Element).closest<HTMLButtonElement>('button[data-action]');
      if (!btn) return;
      switch (btn.dataset['action']) {
        case 'play':
          send({ type: this.#progress?.running ? 'pause' : 'play' });
          break;
        case 'trained':
          send({ type: 'load-trained' });
          break;
        case 'scratch':
          send({ type: 'scratch', seed: this.#scratchSeed++ });
          send({ type: 'play' });
          break;
        case 'sample':
          send({ type: 'sample' });
          break;
      }
    };
    let resample: ReturnType<typeof setTimeout> | undefined;
    const onInput = (e: Event): void => {
      if (e.target === slider) {
        this.#temperature = Number(slider.value);
        this.#out('temperature', this.#temperature.toFixed(2));
        send({ type: 'set', temperature: this.#temperature });
      } else if (e.target === promptBox) {
        send({ type: 'set', prompt: promptBox.value });
      } else if (e.target === lr) {
        send({ type: 'set', learningRate: Number(lr.value) });
        return;
      } else return;
      // Resample shortly after the reader stops moving the slider or typing.
      clearTimeout(resample);
      resample = setTimeout(() => send({ type: 'sample' }), 250);
    };
    this.addEventListener('click', onClick);
    this.addEventListener('input', onInput);
    this.addEventListener('change', onInput);
    this.#cleanup.push(() => {
      clearTimeout(resample);
      this.removeEventListener('click', onClick);
      this.removeEventListener('input', onInput);
      this.removeEventListener('change', onInput);
    });
  }

  /** The worker, started once (with the current sampling settings). */
  #start(status: HTMLElement): Worker | null {
    if (this.#worker) return this.#worker;
    if (typeof Worker === 'undefined') {
      status.textContent = 'This browser cannot run the model (no Web Workers).';
      return null;
    }
    const worker = new Worker(new URL('../../../workers/lstm.worker.ts', import.meta.url), {
      type: 'module',
    });
    this.#worker = worker;
    const onMessage = (e: MessageEvent<CharMessage>): void => this.#onMessage(e.data, status);
    const onError = (): void => {
      status.textContent = 'The model could not start in this browser.';
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    this.#cleanup.push(() => {
      worker.terminate();
      this.#worker = null;
    });
    const promptBox = this.querySelector<HTMLInputElement>('[data-prompt]');
    const lr = this.querySelector<HTMLSelectElement>('[data-lr]');
    const init: CharCommand = {
      type: 'init',
      base: this.dataset['base'] ?? '/models/charlm/',
      temperature: this.#temperature,
      prompt: promptBox?.value ?? 'The ',
    };
    worker.postMessage(init);
    if (lr)
      worker.postMessage({ type: 'set', learningRate: Number(lr.value) } satisfies CharCommand);
    return worker;
  }

  #onMessage(m: CharMessage, status: HTMLElement): void {
    switch (m.type) {
      case 'ready':
        this.dataset['ready'] = 'true';
        this.querySelector<HTMLButtonElement>('[data-action="play"]')?.removeAttribute('disabled');
        break;
      case 'error':
        status.textContent = m.message;
        break;
      case 'sample': {
        this.#sample = m;
        this.#dirty.sample = true;
        this.#scheduleRender();
        this.dataset['samples'] = String(Number(this.dataset['samples'] ?? 0) + 1);
        // While training, samples arrive every few seconds; the quiz hears about the next pause.
        if (!this.#progress?.running)
          this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
        break;
      }
      case 'progress': {
        this.#progress = m;
        if (m.restart) {
          this.#train.clear();
          this.#held.clear();
        }
        for (const [x, y] of m.points) this.#train.push(x, y);
        if (m.heldOutLoss !== null) this.#held.push(m.step, m.heldOutLoss);
        this.dataset['step'] = String(m.step);
        this.dataset['running'] = String(m.running);
        this.dataset['engine'] = m.engine;
        this.#live?.update(describeStatus(m));
        if (!m.running) this.#live?.flush();
        this.#dirty.progress = true;
        this.#scheduleRender();
        if (!m.running) this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
        break;
      }
    }
  }

  /**
   * Writes a value into an output by changing its text node's data (setText says why: no node
   * inserted, so the page's :has() rules are not re-matched over the lesson on every update).
   */
  #out(name: string, text: string): void {
    const el = this.querySelector(`[data-out="${name}"]`);
    if (el) setText(el, text);
  }

  /**
   * All DOM writes of one frame: stats and sample, then (at most every two seconds while
   * training) the chart in the frame after. Messages only record state; a training run costs the page about two small frames a
   * second, so the main thread stays free (tests/e2e/lstm-lesson.spec.ts @timing).
   */
  #scheduleRender(): void {
    if (this.#renderPending) return;
    this.#renderPending = true;
    requestAnimationFrame(() => {
      this.#renderPending = false;
      const m = this.#progress;
      if (this.#dirty.sample && this.#sample) {
        const s = this.#sample;
        this.#out('sample', s.prompt + s.text);
        const who = s.source === 'trained' ? 'trained model' : `from scratch, step ${s.step}`;
        this.#out('sample-meta', `(${who}, temperature ${s.temperature.toFixed(2)})`);
      }
      this.#dirty.sample = false;
      if (!this.#dirty.progress || !m) return;
      this.#dirty.progress = false;
      const play = this.querySelector<HTMLButtonElement>('[data-action="play"]');
      if (play) {
        const label = m.running ? 'Pause' : 'Train';
        if (play.textContent !== label) play.textContent = label;
        play.setAttribute('aria-pressed', String(m.running));
      }
      for (const which of ['trained', 'scratch'] as const) {
        this.querySelector(`[data-action="${which}"]`)?.setAttribute(
          'aria-pressed',
          String(m.source === which),
        );
      }
      this.#out('step', m.step.toLocaleString('en'));
      this.#out('loss', lossText(m.loss));
      this.#out('ppl', perplexityText(m.loss));
      this.#out('held', perplexityText(m.heldOutLoss));
      this.#out('rate', m.charsPerSec ? m.charsPerSec.toLocaleString('en') : '—');
      this.#out('engine', engineLabel(m.engine));
      const now = performance.now();
      if (m.running && !m.restart && now - this.#lastChart < CHART_EVERY_MS) return;
      this.#lastChart = now;
      // The chart in the next frame: two small frames instead of one long one.
      const running = m.running;
      requestAnimationFrame(() => this.#drawChart(running));
    });
  }

  #drawChart(running: boolean): void {
    const svg = this.querySelector<SVGSVGElement>('[data-chart]');
    if (!svg) return;
    const series = lossSeries(this.#train, this.#held);
    drawLoss(svg, series);
    const last = series[0]!.points.at(-1);
    const summary = this.querySelector<HTMLElement>('.nb-text-alt [data-nb-live]');
    if (summary && last)
      summary.textContent = `Loss ${last.y.toFixed(2)} nats per character at step ${last.x}.`;
    const table = this.querySelector<HTMLTableElement>('[data-nb-table]');
    if (table && !running)
      renderTable(table, ['Step', 'Loss (nats per character)'], lossRows(series));
  }

  /** Quiz contract: model, steps, losses, temperature and the latest sample. */
  quizState(): WidgetState {
    const p = this.#progress;
    const s = this.#sample;
    return {
      source: p?.source ?? 'trained',
      step: p?.step ?? 0,
      running: p?.running ?? false,
      loss: p?.loss ?? null,
      heldOutLoss: p?.heldOutLoss ?? null,
      temperature: this.#temperature,
      sample: s
        ? { text: s.text, temperature: s.temperature, repetition: repetitionScore(s.text) }
        : null,
    };
  }

  disconnectedCallback(): void {
    for (const f of this.#cleanup.splice(0)) f();
    this.#live?.dispose();
    this.#live = undefined;
  }
}

if (!customElements.get('nb-char-lstm')) customElements.define('nb-char-lstm', CharLstm);
