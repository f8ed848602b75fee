// Browser: one progress store per page, opened lazily, plus the storage notices shown to the
// reader. Used by the quiz/check elements and the progress page.
import { ProgressStore, type Notice } from '../../lib/progress/store.ts';
import { openKV, browserEnv } from '../../lib/progress/kv.ts';

let opening: Promise<ProgressStore> | undefined;

/** The page's progress store (IndexedDB → localStorage → memory), opened once. */
export function progressStore(): Promise<ProgressStore> {
  opening ??= openKV(browserEnv()).then((kv) => ProgressStore.open(kv));
  return opening;
}

const shown = new WeakSet<Notice>();

/**
 * Shows the store's notices that no other element on the page has shown yet, in `container`
 * (a persistent role="status" region). Returns true if anything was shown.
 */
export function showNotices(store: ProgressStore, container: Element | null): boolean {
  if (!container) return false;
  const fresh = store.notices.filter((n) => !shown.has(n));
  if (fresh.length === 0) return false;
  for (const n of fresh) {
    shown.add(n);
    const p = document.createElement('p');
    p.className = 'nb-notice';
    p.dataset['notice'] = n.kind;
    const icon = document.createElement('span');
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = '⚠ ';
    p.append(icon, n.message);
    container.append(p);
  }
  return true;
}
