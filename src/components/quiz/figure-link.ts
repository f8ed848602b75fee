// Browser: the round trip between a widget question and its figure (issue 16), for every widget
// question of the course with no work in the widget or the lesson:
//
// - Question.astro gives each widget question a "Go to the figure" link (`a[data-nb-figure-link]`,
//   href from figureHref() in lib/quiz/figure-trail.ts). QuestionView calls wireFigureLink():
//   when the figure is on the page, the link scrolls it into view and puts focus on its first
//   control (or on the figure itself), instead of a bare jump to the anchor.
// - At the same time a "Back to the question" link (`.nb-figure-back`) appears just above the
//   figure while that question is open; it returns focus to the question's Check button and
//   goes away. Another question sending the reader to the same figure retargets it.
// - restoreFigure() runs when a stored widget answer is shown again after a reload: a widget that
//   implements the optional `restoreQuizState(state)` of the contract (widget-contract.ts) is put
//   back into the graded state; otherwise, if its state differs, the question says that the
//   figure was reset.
//
// A new chapter gets all of this by naming the widget's element id in its quiz YAML.
import { FigureTrail, restoreNotice } from '../../lib/quiz/figure-trail.ts';
import { isQuizReadable, type WidgetState } from '../../lib/quiz/widget-contract.ts';

const trail = new FigureTrail();
const FOCUSABLE =
  'input:not([disabled]):not([type="hidden"]), select:not([disabled]), button:not([disabled]), textarea:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

const reduceMotion = (): boolean =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

function visible(el: HTMLElement): boolean {
  return el.getClientRects().length > 0 && !el.closest('[hidden]');
}

/** The first visible control inside a figure, or the figure itself made focusable. */
function focusTarget(figure: HTMLElement): HTMLElement {
  for (const el of figure.querySelectorAll<HTMLElement>(FOCUSABLE))
    if (visible(el) && !el.closest('.nb-figure-back')) return el;
  if (!figure.hasAttribute('tabindex')) figure.setAttribute('tabindex', '-1');
  return figure;
}

/** The "Back to the question" paragraph just above `figure`, created on first use. */
function backLink(figure: HTMLElement): HTMLParagraphElement {
  const prev = figure.previousElementSibling;
  if (prev instanceof HTMLParagraphElement && prev.classList.contains('nb-figure-back'))
    return prev;
  const p = document.createElement('p');
  p.className = 'nb-figure-back';
  p.dataset['for'] = figure.id;
  p.hidden = true;
  const a = document.createElement('a');
  a.textContent = 'Back to the question';
  a.addEventListener('click', (e) => {
    const questionId = trail.backTo(figure.id);
    const question = questionId ? document.getElementById(questionId) : null;
    if (!question) return;
    e.preventDefault();
    goToQuestion(figure.id, question);
  });
  p.append(a);
  figure.before(p);
  return p;
}

function goToQuestion(figureId: string, question: HTMLElement): void {
  trail.close(figureId);
  const back = document.querySelector<HTMLElement>(
    `.nb-figure-back[data-for="${CSS.escape(figureId)}"]`,
  );
  if (back) back.hidden = true;
  question.scrollIntoView({ block: 'center', behavior: reduceMotion() ? 'auto' : 'smooth' });
  const check = question.querySelector<HTMLElement>('[data-action="check"]');
  (check ?? question).focus({ preventScroll: true });
}

/** Sends the reader from `question` to the figure `figureId`, with a way back. */
export function goToFigure(figureId: string, question: HTMLElement): boolean {
  const figure = document.getElementById(figureId);
  if (!figure) return false;
  trail.open(figureId, question.id);
  const back = backLink(figure);
  const a = back.querySelector('a');
  if (a) a.href = `#${question.id}`;
  back.hidden = false;
  back.scrollIntoView({ block: 'start', behavior: 'auto' });
  focusTarget(figure).focus({ preventScroll: true });
  return true;
}

/** Wires the question's "Go to the figure" link. Returns a cleanup function. */
export function wireFigureLink(question: HTMLElement, figureId: string): () => void {
  const link = question.querySelector<HTMLAnchorElement>('a[data-nb-figure-link]');
  if (!link) return () => {};
  const onClick = (e: MouseEvent): void => {
    // Only when the figure is on this page; otherwise the link navigates to the lesson.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (goToFigure(figureId, question)) e.preventDefault();
  };
  link.addEventListener('click', onClick);
  return () => link.removeEventListener('click', onClick);
}

/** Optional part of the widget contract: put the figure back into a graded state. */
interface RestorableWidget {
  restoreQuizState(state: WidgetState): boolean;
}
const isRestorable = (el: unknown): el is RestorableWidget =>
  typeof (el as { restoreQuizState?: unknown } | null)?.restoreQuizState === 'function';

/**
 * After a reload shows a stored widget answer: restores the figure to `state` if it can, or
 * returns (through `say`) a notice that the figure was reset. `quiet` runs while restoring, so the
 * question can ignore the change event the restore causes.
 */
export function restoreFigure(
  figureId: string,
  state: unknown,
  say: (notice: string) => void,
  quiet: (during: () => void) => void,
): void {
  const figure = document.getElementById(figureId);
  if (!figure) return;
  const run = (): void => {
    let restored = false;
    if (isRestorable(figure) && state !== null && typeof state === 'object')
      quiet(() => {
        try {
          restored = figure.restoreQuizState(state as WidgetState);
        } catch {
          restored = false;
        }
      });
    let current: unknown;
    try {
      current = isQuizReadable(figure)
        ? (JSON.parse(JSON.stringify(figure.quizState())) as unknown)
        : undefined;
    } catch {
      current = undefined;
    }
    const notice = restoreNotice(restored, state, current);
    if (notice) say(notice);
  };
  const name = figure.localName;
  if (!name.includes('-') || customElements.get(name)) run();
  else void customElements.whenDefined(name).then(run);
}
