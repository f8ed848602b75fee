// The Descent Explorer's form: input events → settings patches, and settings → form (presets,
// Reset, the URL and drags change settings without touching the form). Browser only.
import {
  clampStart,
  snapLearningRate,
  LR_SLIDER,
  type ExplorerSettings,
} from '../../../lib/ml/descent/settings.ts';
import { surfaces } from '../../../lib/ml/descent/surfaces.ts';
import { optimizerLabels } from '../../../lib/ml/descent/optimizers.ts';
import { logSliderPosition, logSliderValue, formatNumber } from '../../../lib/viz/scales.ts';

/** Adds a listener and registers its removal in the element's cleanup list. */
export type Listen = <K extends keyof HTMLElementEventMap>(
  el: EventTarget | null,
  type: K,
  fn: (e: HTMLElementEventMap[K]) => void,
) => void;

export interface FormHost {
  settings(): ExplorerSettings;
  readonly set: (patch: Partial<ExplorerSettings>) => void;
  /** Where a refused or clamped number entry is explained. */
  readonly inputError: HTMLElement | null;
  /** Puts the stored settings back into the form, even into a focused number input. */
  resync(): void;
}

/** Form controls → settings. */
export function wireForm(form: HTMLElement, host: FormHost, listen: Listen): void {
  const { set, inputError } = host;
  listen(form, 'input', (e) => {
    const t = e.target;
    if (!(t instanceof HTMLInputElement || t instanceof HTMLSelectElement)) return;
    switch (t.name) {
      case 'surface':
        if (t.value in surfaces) set({ surface: t.value as ExplorerSettings['surface'] });
        break;
      case 'optimizer':
      case 'optimizerB':
        if (t.value in optimizerLabels) set({ [t.name]: t.value as ExplorerSettings['optimizer'] });
        break;
      case 'decay':
        if (['none', 'step', 'exponential'].includes(t.value))
          set({ decay: t.value as ExplorerSettings['decay'] });
        break;
      case 'lr':
        set({ lr: snapLearningRate(logSliderValue(Number(t.value), LR_SLIDER)) });
        break;
      case 'momentum':
        set({ momentum: Number(t.value) });
        break;
      case 'steps':
        set({ steps: Number(t.value) });
        break;
      case 'race':
        set({ race: (t as HTMLInputElement).checked });
        break;
      case 'startX':
      case 'startY': {
        const s = host.settings();
        const v = t.value.trim() === '' ? NaN : Number(t.value);
        const name = surfaces[s.surface].params[t.name === 'startX' ? 0 : 1];
        if (!Number.isFinite(v)) {
          if (inputError)
            inputError.textContent = `Enter a number for ${name}; the start point stays where it was.`;
          return;
        }
        const wanted: [number, number] = t.name === 'startX' ? [v, s.start[1]] : [s.start[0], v];
        const start = clampStart(s.surface, wanted);
        if (inputError) {
          inputError.textContent =
            start[0] !== wanted[0] || start[1] !== wanted[1]
              ? `${name} was kept inside the plotted range (${s.surface === 'regression' ? 'see the axes' : 'the axes show it'}).`
              : '';
        }
        set({ start });
        break;
      }
    }
  });
  // Committed number inputs snap back to the stored value (e.g. after an invalid entry).
  listen(form, 'change', (e) => {
    if (e.target instanceof HTMLInputElement && e.target.type === 'number') host.resync();
  });
}

/** Settings → form. A focused number input keeps what the reader is typing unless `force`. */
export function syncForm(
  root: Element,
  form: HTMLElement,
  s: ExplorerSettings,
  force = false,
): void {
  const field = <E extends HTMLElement>(name: string) => form.querySelector<E>(`[name="${name}"]`);
  const put = (name: string, value: string) => {
    const el = field<HTMLInputElement | HTMLSelectElement>(name);
    if (!el || el.value === value) return;
    if (
      !force &&
      el === document.activeElement &&
      el instanceof HTMLInputElement &&
      el.type === 'number'
    )
      return;
    el.value = value;
  };
  put('surface', s.surface);
  put('optimizer', s.optimizer);
  put('optimizerB', s.optimizerB);
  put('decay', s.decay);
  put('lr', String(logSliderPosition(s.lr, LR_SLIDER)));
  put('momentum', String(s.momentum));
  put('steps', String(s.steps));
  put('startX', String(s.start[0]));
  put('startY', String(s.start[1]));
  const race = field<HTMLInputElement>('race');
  if (race) race.checked = s.race;
  // μ only acts on the Momentum optimizer: disabled, with the reason beside it, otherwise.
  const usesMomentum = s.optimizer === 'momentum' || (s.race && s.optimizerB === 'momentum');
  const mu = field<HTMLInputElement>('momentum');
  if (mu && mu.disabled === usesMomentum) {
    mu.disabled = !usesMomentum;
    const note = mu.closest('.de-slider')?.querySelector('small');
    if (note)
      note.textContent = usesMomentum
        ? '(Momentum optimizer)'
        : '(used only by the Momentum optimizer: choose it to change μ)';
  }
  const lr = field<HTMLInputElement>('lr');
  lr?.setAttribute('aria-valuetext', formatNumber(s.lr));
  const out = (k: string, text: string) => {
    const o = root.querySelector(`[data-out="${k}"]`);
    if (o && o.textContent !== text) o.textContent = text;
  };
  out('lr', formatNumber(s.lr));
  out('momentum', String(s.momentum));
  out('steps', String(s.steps));
  const [p1, p2] = surfaces[s.surface].params;
  const lx = field<HTMLInputElement>('startX')?.previousElementSibling;
  const ly = field<HTMLInputElement>('startY')?.previousElementSibling;
  if (lx) lx.textContent = p1;
  if (ly) ly.textContent = p2;
}
