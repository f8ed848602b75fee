// Browser: Observable Inputs plus their stylesheet, loaded together the first time a cell reads
// `Inputs`. Inputs label only their number box; the range slider beside it gets the same name.
import * as ObservableInputs from '@observablehq/inputs';
import '@observablehq/inputs/dist/index.css';

type Factory = (...args: unknown[]) => HTMLElement;

/** Gives every unlabelled control in `form` the text of the form's own label. */
export function labelControls(form: HTMLElement): HTMLElement {
  const text = form.querySelector('label')?.textContent?.trim();
  if (!text) return form;
  for (const el of form.querySelectorAll<HTMLElement>('input, select, textarea')) {
    const labelled =
      el.hasAttribute('aria-label') ||
      el.hasAttribute('aria-labelledby') ||
      (el.id !== '' && form.querySelector(`label[for="${CSS.escape(el.id)}"]`) !== null) ||
      el.closest('label') !== null;
    if (!labelled) el.setAttribute('aria-label', text);
  }
  return form;
}

const wrapped: Record<string, unknown> = {};
for (const [name, value] of Object.entries(ObservableInputs as Record<string, unknown>)) {
  wrapped[name] =
    typeof value === 'function' && /^[a-z]/.test(name)
      ? (...args: unknown[]) => {
          const el = (value as Factory)(...args);
          return el instanceof HTMLElement ? labelControls(el) : el;
        }
      : value;
}

/** Observable Inputs (range, select, checkbox, ...), with every control labelled. */
export const Inputs = Object.freeze(wrapped);
