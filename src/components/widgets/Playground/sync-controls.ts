// Setup → controls: puts a PlaygroundState into the form (after a preset, a URL or a clamp changed
// it) and rebuilds the list of hidden layers with its −/+ buttons. Browser only.
import { datasets } from '../../../lib/playground/datasets.ts';
import { featureIds } from '../../../lib/playground/features.ts';
import { limits, type PlaygroundState } from '../../../lib/playground/state.ts';
import { setOut } from './dom.ts';

export function syncControls(root: HTMLElement, s: PlaygroundState): void {
  const q = <E extends Element = HTMLElement>(sel: string) => root.querySelector<E>(sel);
  const setValue = (field: string, v: string) => {
    const el = q<HTMLInputElement | HTMLSelectElement>(`[data-field="${field}"]`);
    if (el && el.value !== v) el.value = v;
  };
  setValue('dataset', s.dataset);
  setValue('noise', String(s.noise));
  setValue('trainPercent', String(s.trainPercent));
  setValue('batchSize', String(s.batchSize));
  for (const f of ['activation', 'loss', 'optimizer', 'regularization'] as const) setValue(f, s[f]);
  for (const f of ['learningRate', 'regularizationRate', 'dropout', 'decay'] as const)
    setValue(f, String(s[f]));
  setOut(root, 'noise', `${s.noise} %`);
  setOut(root, 'trainPercent', `${s.trainPercent} %`);
  setOut(root, 'batchSize', String(s.batchSize));
  setOut(root, 'seed', String(s.seed));
  for (const f of featureIds) {
    const box = q<HTMLInputElement>(`[data-feature="${f}"]`);
    if (box) {
      box.checked = s.features.includes(f);
      box.disabled = datasets[s.dataset].oneD && !['x1', 'x1sq', 'sinx1'].includes(f);
    }
  }
  const ce = q<HTMLOptionElement>('[data-field="loss"] option[value="cross-entropy"]');
  if (ce) ce.disabled = datasets[s.dataset].task === 'regression';
  setOut(root, 'layers', `${s.hidden.length} hidden layer${s.hidden.length === 1 ? '' : 's'}`);
  const add = q<HTMLButtonElement>('[data-add-layer]');
  const remove = q<HTMLButtonElement>('[data-remove-layer]');
  if (add) add.disabled = s.hidden.length >= limits.hiddenLayers.max;
  if (remove) remove.disabled = s.hidden.length <= limits.hiddenLayers.min;
  const list = q('[data-layers]');
  if (list) renderLayers(list, s.hidden, add);
}

/** One list item per hidden layer: its size and −/+ buttons; keeps focus on the same button. */
function renderLayers(
  list: Element,
  hidden: readonly number[],
  fallbackFocus: HTMLButtonElement | null,
): void {
  const focused = (document.activeElement as HTMLElement | null)?.dataset ?? {};
  list.replaceChildren(
    ...hidden.map((n, l) => {
      const li = document.createElement('li');
      const text = document.createElement('span');
      text.textContent = `Layer ${l + 1}: ${n} neuron${n === 1 ? '' : 's'}`;
      const button = (delta: number, label: string, disabled: boolean) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'nb-button pg-small';
        b.dataset['layer'] = String(l);
        b.dataset['delta'] = String(delta);
        b.textContent = delta > 0 ? '+' : '−';
        b.setAttribute('aria-label', `${label} in layer ${l + 1}`);
        b.disabled = disabled;
        return b;
      };
      li.append(
        text,
        button(-1, 'Fewer neurons', n <= limits.neurons.min),
        button(1, 'More neurons', n >= limits.neurons.max),
      );
      return li;
    }),
  );
  // Keep keyboard focus on the same −/+ button after the list is rebuilt.
  if (focused['layer'] !== undefined) {
    const again = list.querySelector<HTMLButtonElement>(
      `[data-layer="${focused['layer']}"][data-delta="${focused['delta']}"]`,
    );
    (again && !again.disabled ? again : fallbackFocus)?.focus();
  }
}
