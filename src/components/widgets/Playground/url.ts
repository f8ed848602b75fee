// The Playground's setup in the page URL: written on every change (replaceState, no history
// entries), and in-page links like "?preset=overfit#playground" load a setup without a page load.
// Browser only.
import { readSetup } from '../../../lib/playground/presets.ts';
import {
  hasSetup,
  stateToParams,
  urlKeys,
  type PlaygroundState,
} from '../../../lib/playground/state.ts';
import { showNotices, type Listen } from './dom.ts';

export function writeSetupToUrl(setup: PlaygroundState): void {
  const params = new URLSearchParams(location.search);
  for (const k of [...urlKeys, 'preset']) params.delete(k);
  for (const [k, v] of stateToParams(setup)) params.set(k, v);
  const url = `${location.pathname}?${params.toString()}${location.hash}`;
  history.replaceState(history.state, '', url);
}

export function wirePresetLinks(
  root: HTMLElement,
  apply: (patch: Partial<PlaygroundState>, restart: boolean, preset: string) => void,
  listen: Listen,
): void {
  listen(document, 'click', (e) => {
    const a = (e.target as Element | null)?.closest?.('a[href]');
    if (!(a instanceof HTMLAnchorElement) || e.defaultPrevented) return;
    const url = new URL(a.href, location.href);
    if (url.pathname !== location.pathname || !hasSetup(url.searchParams)) return;
    e.preventDefault();
    const read = readSetup(url.searchParams);
    apply(read.state, true, read.preset ?? '');
    if (read.notices.length) showNotices(root, read.notices);
    const play = root.querySelector<HTMLButtonElement>('[data-nb-control="play"]');
    bringIntoView([play, root.querySelector('[data-heatmap]')], root);
    play?.focus({ preventScroll: true });
  });
}

/**
 * Scrolls so that all of `targets` (Play and the output map) are on screen, centred when they
 * fit, below the site's fixed header (issue 16: preset links used to land at the top of the
 * controls with Play and the output off-screen). Falls back to the widget's top.
 */
export function bringIntoView(targets: ReadonlyArray<Element | null>, fallback: Element): void {
  const rects = targets
    .filter((t): t is Element => t !== null)
    .map((t) => t.getBoundingClientRect());
  if (rects.length === 0) {
    fallback.scrollIntoView({ block: 'start' });
    return;
  }
  const header = document.querySelector('header')?.getBoundingClientRect().height ?? 0;
  const top = Math.min(...rects.map((r) => r.top));
  const bottom = Math.max(...rects.map((r) => r.bottom));
  const room = window.innerHeight - header;
  const offset = bottom - top < room ? (room - (bottom - top)) / 2 : 8;
  window.scrollTo({ top: window.scrollY + top - header - offset, behavior: 'auto' });
}
