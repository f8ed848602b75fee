// <nb-digit-probe>: wiring only. Starts the probe worker, turns the form into requests (the
// latest request wins; stale replies are dropped) and draws the replies. Implements
// classifyDigit() so a <DrawPad for="…"> beside it can probe the reader's own drawing.
import type {
  AttackReply,
  FromProbeWorker,
  ProbeReply,
  ProbeSource,
  ToProbeWorker,
} from '../../../lib/practice/probe-protocol.ts';
import { WIDGET_CHANGE_EVENT, type WidgetState } from '../../../lib/quiz/widget-contract.ts';
import { drawGrey, drawHeat, drawSigned, renderProbabilities, top } from './view.ts';

const pct = (p: number): string => `${(p * 100).toFixed(1)}%`;

export class DigitProbeElement extends HTMLElement {
  #cleanup: Array<() => void> = [];
  #worker: Worker | undefined;
  #seq = 0;
  #drawing: Float32Array | undefined;
  #last: ProbeReply | AttackReply | undefined;
  #pendingDraw: ((p: Float32Array) => void) | undefined;

  get #adversarial(): boolean {
    return this.dataset['mode'] === 'adversarial';
  }

  connectedCallback(): void {
    const worker = new Worker(new URL('../../../workers/digit-probe.worker.ts', import.meta.url), {
      type: 'module',
    });
    this.#worker = worker;
    this.#cleanup.push(() => worker.terminate());
    worker.addEventListener('message', (e: MessageEvent<FromProbeWorker>) => this.#onReply(e.data));
    worker.addEventListener('error', () =>
      this.#status('The probe could not start its background worker in this browser.'),
    );
    this.#status('Loading the trained network and the test digits…');
    this.#send({ type: 'init' });
    const onInput = (e: Event): void => {
      const t = e.target as HTMLElement;
      if (t.matches('[data-nb-digit], [data-nb-example]')) this.#drawing = undefined;
      if (t.matches('[data-nb-eps]')) {
        const out = this.querySelector('[data-nb-eps-out]');
        if (out) out.textContent = Number((t as HTMLInputElement).value).toFixed(3);
      }
      this.request();
    };
    const onClick = (e: Event): void => {
      if ((e.target as Element).closest('[data-nb-use-test]')) {
        this.#drawing = undefined;
        this.request();
      }
    };
    this.addEventListener('input', onInput);
    this.addEventListener('click', onClick);
    this.#cleanup.push(() => {
      this.removeEventListener('input', onInput);
      this.removeEventListener('click', onClick);
    });
    this.request();
  }

  disconnectedCallback(): void {
    for (const f of this.#cleanup.splice(0)) f();
    this.#worker = undefined;
  }

  #send(m: ToProbeWorker): void {
    this.#worker?.postMessage(m);
  }

  #source(): ProbeSource {
    if (this.#drawing) return { kind: 'image', pixels: this.#drawing };
    const digit = Number(this.querySelector<HTMLSelectElement>('[data-nb-digit]')?.value ?? 7);
    const ex = Number(this.querySelector<HTMLInputElement>('[data-nb-example]')?.value ?? 1);
    const example = Number.isInteger(ex) ? Math.min(100, Math.max(1, ex)) - 1 : 0;
    return { kind: 'test', digit, example };
  }

  /** Sends the request that matches the form now (replies to older requests are ignored). */
  request(): void {
    const id = ++this.#seq;
    const source = this.#source();
    const use = this.querySelector<HTMLButtonElement>('[data-nb-use-test]');
    if (use) use.hidden = source.kind !== 'image';
    if (this.#adversarial) {
      const eps = Number(this.querySelector<HTMLInputElement>('[data-nb-eps]')?.value ?? 0.1);
      const t = this.querySelector<HTMLSelectElement>('[data-nb-target]')?.value ?? '';
      this.#send({ type: 'attack', id, source, eps, ...(t === '' ? {} : { target: Number(t) }) });
    } else {
      const c = this.querySelector<HTMLSelectElement>('[data-nb-cls]')?.value ?? '';
      this.#send({ type: 'probe', id, source, ...(c === '' ? {} : { cls: Number(c) }) });
    }
  }

  /** DrawPad contract: probe the reader's drawing and return its ten probabilities. */
  classifyDigit(image: Float32Array): Promise<Float32Array> {
    this.#drawing = image.slice();
    this.request();
    return new Promise((resolve) => {
      this.#pendingDraw = resolve;
    });
  }

  #onReply(m: FromProbeWorker): void {
    if (m.type === 'ready') {
      this.#status(
        `Ready: the course's trained digits CNN${m.accuracy === undefined ? '' : ` (${pct(m.accuracy)} of the 2,000 test digits right)`}, computing on ${m.backend}.`,
      );
      this.dataset['ready'] = 'true';
      return;
    }
    if (m.type === 'error') {
      this.#status(`The probe stopped: ${m.message}`);
      return;
    }
    if (m.id !== this.#seq) return;
    this.#last = m;
    this.#pendingDraw?.(m.probs);
    this.#pendingDraw = undefined;
    const q = <T extends Element>(s: string) => this.querySelector<T>(s);
    const img = q<HTMLCanvasElement>('[data-nb-image]');
    if (img) drawGrey(img, m.image);
    const tbody = q<HTMLTableSectionElement>('[data-nb-probs]');
    const what = m.truth === undefined ? 'your drawing' : `this test ${m.truth}`;
    if (m.type === 'probe') {
      const sal = q<HTMLCanvasElement>('[data-nb-saliency]');
      if (sal) drawHeat(sal, m.saliency);
      const occ = q<HTMLCanvasElement>('[data-nb-occlusion]');
      if (occ)
        drawSigned(occ, m.occlusion.drops, m.occlusion.side, Math.max(0.05, m.occlusion.base));
      if (tbody) renderProbabilities(tbody, [m.probs]);
      const pred = top(m.probs);
      let worst = 0;
      for (let i = 1; i < m.occlusion.drops.length; i++)
        if (m.occlusion.drops[i]! > m.occlusion.drops[worst]!) worst = i;
      const row = Math.floor(worst / m.occlusion.side) * m.occlusion.stride;
      const col = (worst % m.occlusion.side) * m.occlusion.stride;
      this.#summary(
        `The network reads ${what} as ${pred} (${pct(m.probs[pred]!)}). Explaining class ${m.cls}: blanking the 6×6 patch at rows ${row}–${row + 5}, columns ${col}–${col + 5} lowers its probability most, by ${pct(m.occlusion.drops[worst]!)}.`,
      );
    } else {
      const pert = q<HTMLCanvasElement>('[data-nb-perturbation]');
      if (pert) drawSigned(pert, m.perturbation, 28, Math.max(m.eps, 1e-6));
      const adv = q<HTMLCanvasElement>('[data-nb-adversarial]');
      if (adv) drawGrey(adv, m.adversarial);
      if (tbody) renderProbabilities(tbody, [m.probs, m.advProbs]);
      const after = top(m.advProbs);
      const goal = m.target === undefined ? 'any other digit' : `a ${m.target}`;
      const flip =
        m.flipEps === undefined
          ? `No ε up to 0.5 turns it into ${goal}.`
          : `The smallest ε that turns it into ${goal} is ${m.flipEps.toFixed(3)} (it becomes a ${m.flipLabel}).`;
      this.#summary(
        `The network reads ${what} as ${m.start} (${pct(m.probs[m.start]!)}). With ε = ${m.eps.toFixed(3)} it reads ${after} (${pct(m.advProbs[after]!)}). ${flip}`,
      );
    }
    this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
  }

  #status(text: string): void {
    const el = this.querySelector('[data-nb-status]');
    if (el) el.textContent = text;
  }

  #summary(text: string): void {
    const el = this.querySelector('[data-nb-summary]');
    if (el) el.textContent = text;
  }

  /** Quiz contract: the image probed and what the network and the attack did to it. */
  quizState(): WidgetState {
    const m = this.#last;
    if (!m) return null;
    const probs = Array.from(m.probs, (p) => Math.round(p * 1e4) / 1e4);
    const src = this.#source();
    const base = {
      mode: m.type,
      source: this.#drawing ? 'drawing' : 'test',
      example: src.kind === 'test' ? src.example + 1 : null,
      truth: m.truth ?? null,
      predicted: top(m.probs),
      probs,
    };
    if (m.type === 'probe') return { ...base, cls: m.cls };
    return {
      ...base,
      eps: m.eps,
      target: m.target ?? null,
      advPredicted: top(m.advProbs),
      flipEps: m.flipEps ?? null,
    };
  }

  /** Quiz contract (optional part): puts the form back to a graded state after a reload. */
  restoreQuizState(state: WidgetState): boolean {
    if (typeof state !== 'object' || state === null || Array.isArray(state)) return false;
    if (state['source'] !== 'test') return false;
    const set = (sel: string, v: unknown): void => {
      const el = this.querySelector<HTMLInputElement | HTMLSelectElement>(sel);
      if (el && (typeof v === 'number' || v === null)) el.value = v === null ? '' : String(v);
    };
    set('[data-nb-digit]', state['truth']);
    set('[data-nb-example]', state['example']);
    if (state['mode'] === 'attack') {
      set('[data-nb-eps]', state['eps']);
      set('[data-nb-target]', state['target']);
      const out = this.querySelector('[data-nb-eps-out]');
      if (out && typeof state['eps'] === 'number') out.textContent = state['eps'].toFixed(3);
    } else set('[data-nb-cls]', state['cls']);
    this.request();
    return true;
  }
}

if (!customElements.get('nb-digit-probe'))
  customElements.define('nb-digit-probe', DigitProbeElement);
