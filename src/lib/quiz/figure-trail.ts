// Pure: no DOM. The bookkeeping behind "Go to the figure" / "Back to the question" (issue 16):
// which question each figure leads back to, where a question's figure lives, and whether a
// figure still shows the state a stored answer was graded on. The browser side is
// src/components/quiz/figure-link.ts; widget questions get all of it by naming their widget.

/**
 * Where a widget question's "Go to the figure" link points: the figure's element id on the page
 * the question's section link points to (same page in a lesson, the lesson page from the
 * progress page).
 */
export function figureHref(sectionHref: string, widgetId: string): string {
  const hash = sectionHref.indexOf('#');
  const page = hash === -1 ? sectionHref : sectionHref.slice(0, hash);
  return `${page}#${encodeURIComponent(widgetId)}`;
}

/**
 * For every figure, the question the reader came from. A figure leads back to the last question
 * that sent the reader to it; following the way back clears it.
 */
export class FigureTrail {
  readonly #back = new Map<string, string>();

  /** The reader went from question `questionId` to figure `widgetId`. */
  open(widgetId: string, questionId: string): void {
    this.#back.set(widgetId, questionId);
  }

  /** The question the figure leads back to, if any. */
  backTo(widgetId: string): string | undefined {
    return this.#back.get(widgetId);
  }

  /** The reader went back (or the question closed): the figure no longer offers a way back. */
  close(widgetId: string, questionId?: string): void {
    if (questionId === undefined || this.#back.get(widgetId) === questionId)
      this.#back.delete(widgetId);
  }
}

/** Deep equality of two JSON values (widget states), with numbers compared exactly. */
export function sameState(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => sameState(v, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameState((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/**
 * What to tell the reader about a figure after a stored widget answer is shown again (reload):
 * nothing when the figure shows the graded state (or was put back into it), otherwise that it was
 * reset.
 */
export function restoreNotice(restored: boolean, stored: unknown, current: unknown): string {
  if (restored || sameState(stored, current)) return '';
  return 'The figure was reset when the page loaded; this answer was graded on the setting you had when you checked it.';
}
