// The only code the page loads eagerly for this widget: it imports the element's module (d3,
// worker wiring) when an instance comes within 600 px of the viewport or is first touched. A
// button pressed before the element is defined is pressed again once it is, so no click is lost.
import { onVisible } from '../shared/on-visible.ts';

/** Imports `load()` once, when any `tag` element nears the viewport or receives focus or a press. */
export function onVisibleOrInteraction(tag: string, load: () => Promise<unknown>): void {
  let started = false;
  const start = (): void => {
    if (started) return;
    started = true;
    void load();
  };
  for (const el of document.querySelectorAll(tag)) {
    onVisible(el, start, '600px');
    el.addEventListener('focusin', start, { once: true });
    el.addEventListener('pointerdown', start, { once: true });
    const early = (e: Event): void => {
      if (customElements.get(tag)) return;
      const button = e.target instanceof Element ? e.target.closest('button') : null;
      if (!button) return;
      start();
      void customElements.whenDefined(tag).then(() => button.click());
    };
    el.addEventListener('click', early);
    void customElements.whenDefined(tag).then(() => el.removeEventListener('click', early));
  }
}
