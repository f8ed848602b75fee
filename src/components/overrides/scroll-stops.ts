// Display equations and tables scroll sideways on narrow screens (src/styles/course.css). A region
// that scrolls must be reachable by keyboard, so one that overflows gets a tab stop (and, for an
// equation, a group role and a name); one that fits does not, so wide screens keep a short tab
// order. Loaded by PageTitle.astro on every page.
//
// Speed (issue 10): nothing here may force a layout per element on load. Reads are batched before
// writes, and sizes come from ResizeObservers, which report after the browser's own layout:
// - Equations: course.css makes each formula box (.katex-display > .katex) as wide as its formula
//   and skips the rendering of off-screen ones (content-visibility: auto on its .katex-html). The
//   observer reports a formula when it is first rendered and whenever its width changes (a KaTeX
//   font arriving, a rotated phone), and only a rendered formula is judged. A formula that was never rendered is judged when a keyboard
//   reader presses Tab towards it (see the keydown listener), so the tab order is right without
//   laying out the whole page's math up front.
// - Tables: Starlight's tables are their own scroll boxes; fonts change their content width but
//   not their box, so they are looked at again once the fonts have loaded.

const EQUATION_NAME = 'Equation (scrolls sideways)';

/** Gives or removes the keyboard stop of one scroll region. */
function setStop(el: HTMLElement, overflows: boolean): void {
  if (el.tagName === 'TABLE') {
    // A table keeps its own role and caption.
    if (overflows) el.tabIndex = 0;
    else if (el.getAttribute('tabindex') === '0') el.removeAttribute('tabindex');
  } else if (overflows) {
    if (el.getAttribute('tabindex') === '0') return;
    el.tabIndex = 0;
    el.setAttribute('role', 'group');
    el.setAttribute('aria-label', EQUATION_NAME);
  } else if (el.hasAttribute('tabindex')) {
    el.removeAttribute('tabindex');
    el.removeAttribute('role');
    el.removeAttribute('aria-label');
  }
}

/** Reads every region's overflow first, then writes, so the browser lays out once. */
function judge(regions: readonly HTMLElement[], overflows: (el: HTMLElement) => boolean): void {
  const over = regions.map(overflows);
  regions.forEach((el, i) => setStop(el, over[i]!));
}

/** The region scrolls: its content is wider than its box. */
const scrolls = (el: HTMLElement): boolean => el.scrollWidth > el.clientWidth + 1;

/** The formula's rendering is skipped (off screen, content-visibility: auto on .katex-html). */
function skipped(formula: HTMLElement): boolean {
  // A box inside .katex-html (the MathML comes first; it is never skipped: course.css).
  const inner = formula.lastElementChild?.firstElementChild;
  if (!inner || typeof inner.checkVisibility !== 'function') return false;
  return !inner.checkVisibility({ contentVisibilityAuto: true });
}

/**
 * Width of a formula's rendering (.katex-html), measured from its boxes: reading a box inside the
 * skipped content lays out that formula alone (the element's own scrollWidth would not: its size
 * is contained while skipped).
 */
function renderedWidth(html: HTMLElement): number {
  const left = html.getBoundingClientRect().left;
  let right = left;
  for (const box of html.children) right = Math.max(right, box.getBoundingClientRect().right);
  return right - left;
}

function watchEquations(displays: readonly HTMLElement[]): void {
  const displayOf = new Map<HTMLElement, HTMLElement>();
  for (const d of displays) {
    const formula = d.querySelector<HTMLElement>(':scope > .katex');
    if (formula) displayOf.set(formula, d);
  }
  const pending = new Set(displayOf.keys()); // formulas never judged while rendered
  if (typeof ResizeObserver === 'undefined') {
    judge(displays, scrolls);
    return;
  }
  const ro = new ResizeObserver((entries) => {
    const rendered = entries.map((e) => e.target as HTMLElement).filter((f) => !skipped(f));
    for (const f of rendered) pending.delete(f);
    judge(
      rendered.map((f) => displayOf.get(f)!),
      scrolls,
    );
  });
  for (const formula of displayOf.keys()) ro.observe(formula);
  // Without content-visibility (the @supports test in course.css fails) a formula box is as wide
  // as the line, so a font arriving changes what it holds, not its size: look again.
  void document.fonts?.ready.then(() => {
    const rendered = [...displayOf.keys()].filter((f) => !skipped(f));
    judge(
      rendered.map((f) => displayOf.get(f)!),
      scrolls,
    );
  });

  // A keyboard reader may tab past formulas never scrolled into view (their content is skipped,
  // so no observer has judged them). Before Tab moves focus (keydown comes first), judge the
  // unjudged formulas after the focused element (before it, with Shift), nearest first, until one
  // overflows or ~20 ms have passed. Measuring a skipped formula lays out that formula alone.
  window.addEventListener(
    'keydown',
    (e: KeyboardEvent) => {
      if (e.key !== 'Tab' || pending.size === 0) return;
      const from = document.activeElement ?? document.body;
      const ahead = [...pending].filter((f) => {
        const where = from.compareDocumentPosition(f);
        return e.shiftKey
          ? (where & Node.DOCUMENT_POSITION_PRECEDING) !== 0
          : (where & (Node.DOCUMENT_POSITION_FOLLOWING | Node.DOCUMENT_POSITION_CONTAINED_BY)) !==
              0;
      });
      if (e.shiftKey) ahead.reverse();
      const start = performance.now();
      for (const formula of ahead) {
        pending.delete(formula);
        const display = displayOf.get(formula)!;
        const content = formula.lastElementChild as HTMLElement | null;
        const overflows = !!content && renderedWidth(content) > display.clientWidth + 1;
        setStop(display, overflows);
        if (overflows || performance.now() - start > 20) break;
      }
    },
    { capture: true },
  );
}

function watchTables(tables: readonly HTMLElement[]): void {
  if (typeof ResizeObserver === 'undefined') judge(tables, scrolls);
  else {
    const ro = new ResizeObserver((entries) =>
      judge(
        entries.map((e) => e.target as HTMLElement),
        scrolls,
      ),
    );
    for (const t of tables) ro.observe(t);
  }
  void document.fonts?.ready.then(() => judge(tables, scrolls));
}

const displays = [...document.querySelectorAll<HTMLElement>('.katex-display')];
const tables = [...document.querySelectorAll<HTMLElement>('.sl-markdown-content table')];
if (displays.length > 0) watchEquations(displays);
if (tables.length > 0) watchTables(tables);
