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
    root.scrollIntoView({ block: 'start' });
    root
      .querySelector<HTMLButtonElement>('[data-nb-control="play"]')
      ?.focus({ preventScroll: true });
  });
}
