// Browser: <site-search>, Starlight's search modal element (copied from Starlight's Search.astro),
// changed to load Pagefind's UI when search is first opened instead of at page load. The markup and
// the shortcut hint are in Search.astro; the result styles in pagefind-results.css.
import { pagefindUserConfig } from 'virtual:starlight/pagefind-config';

class SiteSearch extends HTMLElement {
  constructor() {
    super();
    const openBtn = this.querySelector<HTMLButtonElement>('button[data-open-modal]')!;
    const closeBtn = this.querySelector<HTMLButtonElement>('button[data-close-modal]')!;
    const dialog = this.querySelector('dialog')!;
    const dialogFrame = this.querySelector('.dialog-frame')!;

    /** Close the modal if a user clicks on a link or outside of the modal. */
    const onClick = (event: MouseEvent) => {
      const isLink = 'href' in (event.target || {});
      if (
        isLink ||
        (document.body.contains(event.target as Node) &&
          !dialogFrame.contains(event.target as Node))
      ) {
        closeModal();
      }
    };

    const openModal = (event?: MouseEvent) => {
      dialog.showModal();
      document.body.toggleAttribute('data-search-modal-open', true);
      void this.#load();
      this.querySelector('input')?.focus();
      event?.stopPropagation();
      window.addEventListener('click', onClick);
    };

    const closeModal = () => dialog.close();

    openBtn.addEventListener('click', openModal);
    openBtn.disabled = false;
    closeBtn.addEventListener('click', closeModal);

    dialog.addEventListener('close', () => {
      document.body.toggleAttribute('data-search-modal-open', false);
      window.removeEventListener('click', onClick);
    });

    // Listen for `ctrl + k` and `cmd + k` keyboard shortcuts.
    window.addEventListener('keydown', (e) => {
      if ((e.metaKey === true || e.ctrlKey === true) && e.key === 'k') {
        if (dialog.open) closeModal();
        else openModal();
        e.preventDefault();
      }
    });

    let translations: Record<string, unknown> = {};
    try {
      translations = JSON.parse(this.dataset.translations || '{}') as Record<string, unknown>;
    } catch {
      // Malformed translations: Pagefind's own (English) strings.
    }

    const shouldStrip = this.dataset.stripTrailingSlash !== undefined;
    const stripTrailingSlash = (path: string) => path.replace(/(.)\/(#.*)?$/, '$1$2');
    const formatURL = shouldStrip ? stripTrailingSlash : (path: string) => path;

    let loaded: Promise<void> | undefined;
    this.#load = () =>
      (loaded ??= (async () => {
        if (import.meta.env.DEV) return;
        const { PagefindUI } = (await import(
          // @ts-expect-error — Missing types for @pagefind/default-ui package.
          '@pagefind/default-ui'
        )) as { PagefindUI: new (options: Record<string, unknown>) => unknown };
        new PagefindUI({
          ...pagefindUserConfig,
          element: '#starlight__search',
          baseUrl: import.meta.env.BASE_URL,
          bundlePath: import.meta.env.BASE_URL.replace(/\/$/, '') + '/pagefind/',
          showImages: false,
          translations,
          showSubResults: true,
          processResult: (result: { url: string; sub_results: Array<{ url: string }> }) => {
            result.url = formatURL(result.url);
            result.sub_results = result.sub_results.map((sub_result) => {
              sub_result.url = formatURL(sub_result.url);
              return sub_result;
            });
          },
        });
        this.querySelector('input')?.focus();
      })());
  }
  #load: () => Promise<void> = async () => {};
}
customElements.define('site-search', SiteSearch);
