// Lazy definition of custom elements: keeps a page's initial JavaScript small (≤ 30 KB gzip).
//
// The pattern (every widget shell and the quiz components use it):
//
//   <!-- in Widget.astro: the static HTML is the whole figure until the element loads -->
//   <script>
//     import { defineLazy } from '../shared/lazy.ts';
//     defineLazy('nb-my-widget', () => import('./element.ts'));
//   </script>
//
// Only this file (≈1 KB) is in the page's initial JavaScript. The element module, its view code,
// d3 and anything else it imports statically become a separate chunk that loads when
//   - an instance comes within `rootMargin` of the viewport (IntersectionObserver, default 800 px
//     ahead, so it is usually ready before the reader gets there), or
//   - the reader first interacts with an instance (pointer, focus or a key inside it), or
//   - code asks for it: `requestDefinition(el)` (e.g. a quiz that must read a widget's state).
// Clicks on buttons and key presses made inside an instance before its element was defined are
// replayed once it is, so the first press of Play is never lost.
// Under automation (navigator.webdriver: Playwright, WebDriver) every registered element is
// loaded at once instead, as a static import would, so behaviour tests that script a widget right
// after the page loads do not race the loader. Lighthouse (no automation flag) and readers get
// the lazy path; tests of the lazy path itself opt back in with localStorage 'nb-lazy' = 'on'
// (tests/e2e/lazy-widgets.spec.ts). Each instance carries data-nb-lazy="pending" until defined.
// The element module must call `customElements.define(tag, …)` when imported (guarded by
// `customElements.get`), as every element.ts here does. Heavy code the element needs only on
// demand (tfjs, models, workers) stays a dynamic import inside the element, as before.

/** Event that asks the lazy loader of an element's tag to load now. */
export const LAZY_LOAD_EVENT = 'nb-lazy-load';

/**
 * Loads the module that defines `tag` when one of its instances nears the viewport or is used.
 * Safe to call more than once per tag (the first call wins).
 */
export function defineLazy(
  tag: string,
  load: () => Promise<unknown>,
  rootMargin = '800px 0px',
): void {
  if (customElements.get(tag) || registered.has(tag)) return;
  registered.add(tag);
  const els = [...document.querySelectorAll<HTMLElement>(tag)];
  if (els.length === 0) return;
  for (const el of els) el.dataset['nbLazy'] = 'pending';
  let started = false;
  const pending: Array<() => void> = [];
  const cleanups: Array<() => void> = [];
  const start = () => {
    if (started) return;
    started = true;
    load()
      .then(() => customElements.whenDefined(tag))
      .then(() => {
        for (const el of els) el.dataset['nbLazy'] = 'defined';
        for (const f of cleanups.splice(0)) f();
        // Let the upgraded elements connect and wire their controls before replaying.
        setTimeout(() => {
          for (const f of pending.splice(0)) f();
        }, 0);
      })
      .catch((err: unknown) => {
        started = false; // a later interaction may try again (e.g. after a network blip)
        console.warn(`Could not load <${tag}>`, err);
      });
  };
  const defined = () => customElements.get(tag) !== undefined;
  for (const el of els) {
    const on = <K extends keyof HTMLElementEventMap>(
      type: K,
      fn: (e: HTMLElementEventMap[K]) => void,
    ) => {
      el.addEventListener(type, fn, true);
      cleanups.push(() => el.removeEventListener(type, fn, true));
    };
    on('pointerdown', start);
    on('focusin', start);
    el.addEventListener(LAZY_LOAD_EVENT, start);
    cleanups.push(() => el.removeEventListener(LAZY_LOAD_EVENT, start));
    on('click', (e) => {
      if (defined()) return;
      const target = (e.target as Element | null)?.closest('button');
      if (!target || !el.contains(target)) return;
      e.preventDefault();
      e.stopPropagation();
      pending.push(() => target.isConnected && target.click());
      start();
    });
    on('keydown', (e) => {
      if (defined() || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as Element;
      // Typing in a field, moving a slider or pressing Enter/Space on a button (which clicks it)
      // works natively; only single-character shortcut keys are replayed.
      if (target.closest('input, select, textarea') || e.key.length !== 1 || e.key === ' ')
        return start();
      e.preventDefault();
      const init: KeyboardEventInit = {
        key: e.key,
        code: e.code,
        shiftKey: e.shiftKey,
        bubbles: true,
        cancelable: true,
      };
      pending.push(
        () => target.isConnected && target.dispatchEvent(new KeyboardEvent('keydown', init)),
      );
      start();
    });
  }
  if (typeof IntersectionObserver === 'undefined' || eager()) {
    start();
    return;
  }
  const io = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) start();
    },
    { rootMargin },
  );
  for (const el of els) io.observe(el);
  cleanups.push(() => io.disconnect());
}

/** Asks the lazy loader to define `el`'s element now; resolves once it is defined. */
export function requestDefinition(el: Element): Promise<unknown> {
  const tag = el.localName;
  if (!tag.includes('-') || customElements.get(tag)) return Promise.resolve();
  el.dispatchEvent(new Event(LAZY_LOAD_EVENT));
  return customElements.whenDefined(tag);
}

const registered = new Set<string>();

/** Load at once under automation, unless a test asked for the lazy path (see the top). */
function eager(): boolean {
  if (!navigator.webdriver) return false;
  try {
    return localStorage.getItem('nb-lazy') !== 'on';
  } catch {
    return true;
  }
}
