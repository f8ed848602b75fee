// The table of contents' current-section highlight (Starlight 0.42's starlight-toc, MIT, © Starlight
// contributors), with one change: which elements to watch is worked out from the headings upwards
// instead of Starlight's document-wide selector
//   main :where(h…, .sl-heading-wrapper) ~ *:not(:has(h…)), main .sl-markdown-content >
//   *:not(:has(h…)), main > *:not(:has(h…))
// whose :has() tests every element of the page against its whole subtree: 70–400 ms on a lesson
// with thousands of KaTeX elements (measured unthrottled, Dec 2026), run twice (desktop and mobile
// contents), i.e. most of the page's total blocking time under Lighthouse's 4× CPU slowdown.
// The set watched and the behaviour are the same; the set is computed once per page.

/** Starlight's PAGE_TITLE_ID (its constants module is not exported). */
const PAGE_TITLE_ID = '_top';

let watched: { selector: string; elements: Element[] } | undefined;

/**
 * Elements whose intersection with the viewport decides the current section, in document order:
 * the headings in <main>, and — among the siblings after a heading (or Starlight's heading
 * wrapper), the children of .sl-markdown-content and the children of <main> — those that contain
 * no heading.
 */
function watchedElements(headingSelector: string): Element[] {
  if (watched?.selector === headingSelector) return watched.elements;
  const main = document.querySelector('main');
  if (!main) return [];
  const headings = [...main.querySelectorAll(`:where(${headingSelector})`)];
  // Elements that contain a heading: the ancestors of every heading (up to <main>).
  const holdsHeading = new Set<Element>();
  for (const h of headings) {
    for (let el = h.parentElement; el && el !== main; el = el.parentElement) holdsHeading.add(el);
  }
  const found = new Set<Element>(headings);
  const add = (el: Element | null): void => {
    if (el && !holdsHeading.has(el)) found.add(el);
  };
  for (const start of [...headings, ...main.querySelectorAll('.sl-heading-wrapper')]) {
    for (let el = start.nextElementSibling; el; el = el.nextElementSibling) add(el);
  }
  for (const content of main.querySelectorAll('.sl-markdown-content')) {
    for (const el of content.children) add(el);
  }
  for (const el of main.children) add(el);
  const elements = [...found].sort((a, b) =>
    a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
  );
  watched = { selector: headingSelector, elements };
  return elements;
}

export class StarlightTOC extends HTMLElement {
  private _current = this.querySelector<HTMLAnchorElement>('a[aria-current="true"]');
  private minH = parseInt(this.dataset['minH'] || '2', 10);
  private maxH = parseInt(this.dataset['maxH'] || '3', 10);

  /** Matches only headings that can appear in the contents, like `h1#_top,:where(h2,h3)[id]`. */
  protected tocHeadingSelector = `h1#${PAGE_TITLE_ID},:where(${Array.from(
    { length: 1 + this.maxH - this.minH },
    (_, i) => `h${this.minH + i}`,
  ).join()})[id]`;

  set current(link: HTMLAnchorElement) {
    if (link === this._current) return;
    if (this._current) this._current.removeAttribute('aria-current');
    link.setAttribute('aria-current', 'true');
    this._current = link;
  }

  private onIdle = (cb: () => void): void => {
    if ('requestIdleCallback' in window) requestIdleCallback(cb);
    else setTimeout(cb, 1);
  };

  constructor() {
    super();
    this.onIdle(() => this.init());
  }

  private init = (): void => {
    const links = [...this.querySelectorAll('a')];
    const toObserve = watchedElements(this.tocHeadingSelector);
    const linked = new Set(links.map((l) => decodeURIComponent(l.hash.slice(1))));
    // Headings the contents list (and the page title): a heading outside the list, such as a
    // quiz's, belongs to the listed section before it.
    const headings = toObserve.filter(
      (el) => el.matches(this.tocHeadingSelector) && (el.id === PAGE_TITLE_ID || linked.has(el.id)),
    );
    const top = document.getElementById(PAGE_TITLE_ID);
    /**
     * The listed heading an element belongs to: itself if it is one, else the last one before it
     * in document order (a binary search over the headings), else the page title. Starlight walked
     * the DOM backwards element by element from the target (through every KaTeX span: 70 ms on
     * the backpropagation lesson at each intersection change).
     */
    const getElementHeading = (target: Element): Element | null => {
      let lo = 0;
      let hi = headings.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const h = headings[mid]!;
        const before =
          h === target ||
          (h.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
        if (before) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return found >= 0 ? headings[found]! : top;
    };
    /** The current link follows the first intersecting element's heading. */
    const setCurrent: IntersectionObserverCallback = (entries) => {
      for (const { isIntersecting, target } of entries) {
        if (!isIntersecting) continue;
        const heading = getElementHeading(target);
        if (!heading) continue;
        const link = links.find((l) => l.hash === '#' + encodeURIComponent(heading.id));
        if (link) {
          this.current = link;
          break;
        }
      }
    };
    let observer: IntersectionObserver | undefined;
    const observe = (): void => {
      if (observer) return;
      observer = new IntersectionObserver(setCurrent, { rootMargin: this.getRootMargin() });
      toObserve.forEach((h) => observer!.observe(h));
    };
    observe();
    let timeout: ReturnType<typeof setTimeout> | undefined;
    window.addEventListener('resize', () => {
      observer?.disconnect();
      observer = undefined;
      clearTimeout(timeout);
      timeout = setTimeout(() => this.onIdle(observe), 200);
    });
  };

  private getRootMargin(): string {
    // Intersections start below the header and the mobile contents bar, plus 2rem of padding.
    const top =
      (document.querySelector('header')?.getBoundingClientRect().height || 0) +
      (this.querySelector('summary')?.getBoundingClientRect().height || 0) +
      32;
    return `-${top}px 0% ${top + 53 - document.documentElement.clientHeight}px`;
  }
}
