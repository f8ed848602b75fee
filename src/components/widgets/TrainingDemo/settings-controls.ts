// The training demo's settings: read from the shell's props and the page URL, saved back to the
// URL; the learning rate, data set and backend menus and the "n" shortcut for a new seed. Each
// change goes to the element through callbacks. Browser only.
import { loadUrlState, saveUrlState } from '../../../lib/state/location.ts';
import { problemNotice } from '../../../lib/state/url-state.ts';
import {
  BACKEND_CHOICES,
  fromUrlValues,
  parseProps,
  toUrlValues,
  urlSchema,
  type DemoSettings,
} from './model.ts';

/** Settings from the props, overridden by the URL (with a notice for values it refused). */
export function readSettings(props: DOMStringMap): { settings: DemoSettings; notice: string } {
  let settings = parseProps(props);
  let notice = '';
  if (settings.stateId) {
    const read = loadUrlState(settings.stateId, urlSchema, toUrlValues(settings));
    settings = fromUrlValues(settings, read.values);
    notice = problemNotice(read.problems);
  }
  return { settings, notice };
}

/** Writes the settings that differ from the props into the URL (if the widget has a state id). */
export function saveSettings(settings: DemoSettings, props: DOMStringMap): void {
  if (settings.stateId)
    saveUrlState(
      settings.stateId,
      urlSchema,
      toUrlValues(settings),
      toUrlValues(parseProps(props)),
    );
}

type On = (el: EventTarget | null, type: string, fn: (e: Event) => void) => void;

export interface SettingsHandlers {
  learningRate(value: number): void;
  dataset(value: DemoSettings['dataset']): void;
  backend(value: DemoSettings['backend']): void;
  newSeed(): void;
}

export function wireSettings(
  root: HTMLElement,
  settings: DemoSettings,
  on: On,
  h: SettingsHandlers,
): void {
  on(root, 'keydown', (e) => {
    const k = e as KeyboardEvent;
    if (k.key.toLowerCase() !== 'n' || k.ctrlKey || k.metaKey || k.altKey || k.defaultPrevented)
      return;
    const t = k.target;
    if (t instanceof HTMLSelectElement || (t instanceof HTMLInputElement && t.type !== 'range'))
      return;
    k.preventDefault();
    h.newSeed();
  });
  const lr = root.querySelector<HTMLSelectElement>('select[data-setting="lr"]');
  const dataset = root.querySelector<HTMLSelectElement>('select[data-setting="dataset"]');
  const backend = root.querySelector<HTMLSelectElement>('select[data-setting="backend"]');
  if (lr) {
    lr.value = String(settings.learningRate);
    if (lr.value !== String(settings.learningRate)) {
      lr.append(
        new Option(String(settings.learningRate), String(settings.learningRate), true, true),
      );
    }
    on(lr, 'change', () => h.learningRate(Number(lr.value)));
  }
  if (dataset) {
    dataset.value = settings.dataset;
    on(dataset, 'change', () => h.dataset(dataset.value as DemoSettings['dataset']));
  }
  if (backend) {
    backend.value = settings.backend; // the URL may have chosen another one than the page
    on(backend, 'change', () =>
      h.backend(BACKEND_CHOICES.find((x) => x === backend.value) ?? 'auto'),
    );
  }
}
