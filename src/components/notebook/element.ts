// Browser: the <nb-notebook> custom element. Wiring only, and deliberately tiny (it is in the
// page's initial JavaScript): when the notebook first scrolls into view it imports runtime.ts
// (Observable runtime, stdlib, CodeMirror for editable cells) and mounts it. Leaving the page
// (pagehide) or removing the element disposes the runtime; coming back from the back/forward cache
// mounts it again.
import { onVisible } from '../widgets/shared/on-visible';

class NotebookElement extends HTMLElement {
  #cleanup: Array<() => void> = [];
  #mounted = false;

  connectedCallback(): void {
    this.#arm();
    const onHide = () => this.#teardown();
    const onShow = (e: PageTransitionEvent) => {
      if (e.persisted) this.#arm();
    };
    window.addEventListener('pagehide', onHide);
    window.addEventListener('pageshow', onShow);
    this.#listeners = () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('pageshow', onShow);
    };
  }

  disconnectedCallback(): void {
    this.#teardown();
    this.#listeners();
  }

  #listeners: () => void = () => {};

  #arm(): void {
    if (this.#mounted) return;
    this.#mounted = true;
    this.#cleanup.push(onVisible(this, () => void this.#start(), '0px'));
  }

  async #start(): Promise<void> {
    const status = this.querySelector<HTMLElement>('.nb-status');
    try {
      const json = this.querySelector('script.nb-data')?.textContent ?? '';
      const data = JSON.parse(json) as import('./runtime').NotebookData;
      if (status) status.textContent = 'Starting the notebook…';
      const { mountNotebook } = await import('./runtime');
      if (!this.#mounted) return;
      const dispose = await mountNotebook(this, data);
      if (!this.#mounted) return dispose();
      this.#cleanup.push(dispose);
      if (status?.textContent === 'Starting the notebook…') status.textContent = 'Notebook ready.';
    } catch (err) {
      if (status) status.textContent = `The notebook could not start: ${(err as Error).message}`;
    }
  }

  #teardown(): void {
    this.#mounted = false;
    for (const f of this.#cleanup.splice(0).reverse()) f();
  }
}

if (!customElements.get('nb-notebook')) customElements.define('nb-notebook', NotebookElement);
