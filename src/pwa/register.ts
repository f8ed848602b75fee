// Registers the service worker (src/pwa/integration.ts writes /sw.js at build time) and shows a
// small notice when a new version of the course is waiting: "A new version of Neuronbook is
// available. Reload". Reload activates it (skipWaiting through workbox-window) and reloads the
// page once it controls the page. Production builds only (the dev server has no sw.js).
// Under automation (navigator.webdriver) it registers only when a test asks for it with
// localStorage 'nb-sw' = 'on' (tests/e2e/offline.spec.ts), so the other browser tests do not each
// download the whole course into a cache.

function wanted(): boolean {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return false;
  if (!navigator.webdriver) return true;
  try {
    return localStorage.getItem('nb-sw') === 'on';
  } catch {
    return false;
  }
}

function showUpdateNotice(onReload: () => void): void {
  if (document.querySelector('.nb-update')) return;
  const box = document.createElement('div');
  box.className = 'nb-update';
  box.setAttribute('role', 'status');
  const text = document.createElement('p');
  text.textContent = 'A new version of Neuronbook is available.';
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = 'Reload';
  reload.addEventListener('click', () => {
    reload.disabled = true;
    onReload();
  });
  const later = document.createElement('button');
  later.type = 'button';
  later.textContent = 'Later';
  later.addEventListener('click', () => box.remove());
  box.append(text, reload, later);
  document.body.append(box);
}

async function register(): Promise<void> {
  const { Workbox } = await import('workbox-window');
  const wb = new Workbox('/sw.js', { scope: '/' });
  wb.addEventListener('waiting', () => {
    showUpdateNotice(() => {
      wb.addEventListener('controlling', () => location.reload());
      wb.messageSkipWaiting();
    });
  });
  await wb.register();
}

/**
 * Delay after the page's load event before registering. The first visit precaches the whole
 * course (about 24 MB); starting at once competed with the page's own work in the seconds after
 * load (Lighthouse saw 0–127 ms of extra blocking time with it, 0 with the worker blocked).
 */
const REGISTER_DELAY_MS = 5000;

if (wanted()) {
  // A few seconds after loading, when the page is idle (workbox-window itself on demand), so
  // registering and the first precaching never compete with the reader's first paint and first
  // interactions.
  const go = () => void register().catch(() => undefined);
  const idle = () =>
    'requestIdleCallback' in window
      ? requestIdleCallback(go, { timeout: 10_000 })
      : setTimeout(go, 1000);
  const later = () => setTimeout(idle, REGISTER_DELAY_MS);
  if (document.readyState === 'complete') later();
  else addEventListener('load', later, { once: true });
}
