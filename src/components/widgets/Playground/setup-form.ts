// The Playground's setup form: turns input/change/click events on the controls into patches of
// the setup (PlaygroundState). The element decides what a patch does (restart or live update).
// Browser only.
import { nextSeed } from '../../../lib/ml/rng.ts';
import { featureIds } from '../../../lib/playground/features.ts';
import { findPreset, presetState } from '../../../lib/playground/presets.ts';
import { limits, type PlaygroundState } from '../../../lib/playground/state.ts';
import { setOut, showNotices, type Listen } from './dom.ts';

/** Fields that change a running run without restarting it. */
export const LIVE_FIELDS = ['learningRate', 'regularization', 'regularizationRate'] as const;

const NUMERIC_FIELDS = [
  'noise',
  'trainPercent',
  'batchSize',
  'learningRate',
  'regularizationRate',
  'dropout',
  'decay',
];

export interface SetupFormHost {
  readonly root: HTMLElement;
  setup(): PlaygroundState;
  /** Applies a patch: restart the run, or (live fields) tell the running one. */
  apply(patch: Partial<PlaygroundState>, restart: boolean, preset?: string): void;
  setDrawClass(label: number): void;
  /** The "Reset" button of the divergence notice. */
  restart(): void;
}

export function wireSetupForm(host: SetupFormHost, listen: Listen): void {
  const root = host.root;
  const q = <E extends HTMLElement = HTMLElement>(sel: string) => root.querySelector<E>(sel);
  const form = q('[data-setup]');
  if (!form) return;
  listen(form, 'input', (e) => {
    const t = e.target as HTMLInputElement;
    const field = t.dataset['field'];
    if (t.type === 'range' && field)
      setOut(root, field, `${t.value}${field === 'batchSize' ? '' : ' %'}`);
  });
  listen(form, 'change', (e) => {
    const t = e.target as HTMLInputElement | HTMLSelectElement;
    const field = t.dataset['field'];
    if (field === 'preset') {
      const p = findPreset(t.value);
      if (p) host.apply(presetState(p), true, p.id);
      return;
    }
    if (t instanceof HTMLInputElement && t.dataset['feature']) {
      const chosen = featureIds.filter(
        (f) => q<HTMLInputElement>(`[data-feature="${f}"]`)?.checked,
      );
      if (chosen.length === 0) {
        t.checked = true;
        showNotices(root, ['A network needs at least one input feature.']);
        return;
      }
      host.apply({ features: chosen }, true);
      return;
    }
    if (t instanceof HTMLInputElement && t.dataset['drawClass'] !== undefined) {
      host.setDrawClass(Number(t.value));
      return;
    }
    if (!field) return;
    const value: unknown = NUMERIC_FIELDS.includes(field) ? Number(t.value) : t.value;
    const live = (LIVE_FIELDS as readonly string[]).includes(field);
    host.apply({ [field]: value }, !live);
  });
  listen(form, 'click', (e) => {
    const t = (e.target as HTMLElement).closest('button');
    if (!t) return;
    const setup = host.setup();
    const hidden = [...setup.hidden];
    if (t.hasAttribute('data-add-layer') && hidden.length < limits.hiddenLayers.max) hidden.push(4);
    else if (t.hasAttribute('data-remove-layer') && hidden.length > limits.hiddenLayers.min)
      hidden.pop();
    else if (t.dataset['layer'] !== undefined) {
      const l = Number(t.dataset['layer']);
      const d = Number(t.dataset['delta']);
      hidden[l] = Math.min(limits.neurons.max, Math.max(limits.neurons.min, hidden[l]! + d));
    } else if (t.hasAttribute('data-undo-point')) {
      return host.apply({ points: setup.points.slice(0, -1) }, true);
    } else if (t.hasAttribute('data-clear-points')) {
      return host.apply({ points: [] }, true);
    } else return;
    host.apply({ hidden }, true);
  });
  const newSeed = q('[data-new-seed]');
  if (newSeed)
    listen(newSeed, 'click', () => host.apply({ seed: nextSeed(host.setup().seed) }, true));
  const dismiss = q('[data-dismiss-notices]');
  if (dismiss)
    listen(dismiss, 'click', () => {
      q('[data-notices]')!.hidden = true;
    });
  const resetBtn = q('[data-diverged-reset]');
  if (resetBtn)
    listen(resetBtn, 'click', () => {
      host.restart();
      q<HTMLButtonElement>('[data-nb-control="play"]')?.focus();
    });
}
