// Small DOM helpers shared by the Playground's element and its wiring modules. Browser only.

/** Adds a listener and registers its removal in the element's cleanup list. */
export type Listen = <K extends keyof HTMLElementEventMap>(
  el: HTMLElement | Document,
  type: K,
  fn: (e: HTMLElementEventMap[K]) => void,
) => void;

/** Writes a readout (`[data-out=name]`), touching the DOM only when the text changes. */
export function setOut(root: HTMLElement, name: string, text: string): void {
  const el = root.querySelector(`[data-out="${name}"]`);
  if (el && el.textContent !== text) el.textContent = text;
}

/** Shows the notice box with one list item per notice. */
export function showNotices(root: HTMLElement, notices: readonly string[]): void {
  const box = root.querySelector<HTMLElement>('[data-notices]');
  const list = root.querySelector('[data-notice-list]');
  if (!box || !list) return;
  list.replaceChildren(
    ...notices.map((n) => {
      const li = document.createElement('li');
      li.textContent = n;
      return li;
    }),
  );
  box.hidden = false;
}
