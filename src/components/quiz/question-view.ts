// Browser: wiring for one rendered question (.nb-question from Question.astro). Reads the
// reader's response from native inputs, reorders options/items by seed, shows outcomes with icon
// and text, reveals hints. No storage and no scoring rules here (see lib/quiz and lib/progress).
import type { QuestionKey } from '../../lib/quiz/key.ts';
import type { Outcome, Response } from '../../lib/quiz/scoring.ts';
import { optionOrder, orderingStart } from '../../lib/quiz/shuffle.ts';
import { WIDGET_CHANGE_EVENT } from '../../lib/quiz/widget-contract.ts';
import { restoreFigure, wireFigureLink } from './figure-link.ts';
import { $, $$, readResponse, type ReadResult } from './read-response.ts';

export type { ReadResult };

export class QuestionView {
  readonly root: HTMLElement;
  readonly key: QuestionKey;
  /** Seed of the order currently shown. */
  seed = 0;
  hintsShown = 0;
  answered = false;
  /** True while the figure is being put back into a stored state (its change event is ours). */
  #quiet = false;
  #cleanup: Array<() => void> = [];

  constructor(root: HTMLElement, key: QuestionKey, handlers: { check(): void; again?(): void }) {
    this.root = root;
    this.key = key;
    this.#on($(root, '[data-action="check"]'), 'click', () => {
      if (!this.answered) handlers.check();
    });
    this.#on($(root, '[data-action="again"]'), 'click', () => handlers.again?.());
    this.#on($(root, '[data-action="hint"]'), 'click', () => this.showHint());
    for (const b of $$<HTMLButtonElement>(root, '[data-move]'))
      this.#on(b, 'click', () => this.#move(b));
    // A widget question: when the figure changes, an old "still loading" message is stale, and
    // an inline check that was already answered says the figure changed since.
    if (key.type === 'widget') {
      this.#on(document, WIDGET_CHANGE_EVENT, (e?: Event) => this.#widgetChanged(e));
      this.#cleanup.push(wireFigureLink(root, key.widget));
    }
    // Typing a new number or changing a choice clears a "not a number" message.
    this.#on(root.querySelector('fieldset'), 'input', () => {
      if (!this.answered) this.#status().replaceChildren();
    });
  }

  #widgetChanged(e?: Event): void {
    const k = this.key;
    if (this.#quiet) return;
    if (k.type !== 'widget' || (e?.target as Element | null)?.id !== k.widget) return;
    const again = $<HTMLButtonElement>(this.root, '[data-action="again"]');
    if (!this.answered) this.#status().replaceChildren();
    else if (again && !again.hidden && !$(this.root, '.nb-stale')) {
      const p = document.createElement('p');
      p.className = 'nb-stale';
      p.textContent =
        'The figure has changed since you checked. Press Try again to check the new setting.';
      this.#status().append(p);
    }
  }

  #on(el: EventTarget | null, type: string, fn: (e?: Event) => void): void {
    if (!el) return;
    el.addEventListener(type, fn);
    this.#cleanup.push(() => el.removeEventListener(type, fn));
  }

  dispose(): void {
    for (const f of this.#cleanup.splice(0)) f();
  }

  #status(): HTMLElement {
    return $<HTMLElement>(this.root, '.nb-status')!;
  }

  /** Shows options (or ordering items) in the seeded order. */
  setOrder(seed: number): void {
    this.seed = seed;
    const k = this.key;
    if (k.type === 'single' || k.type === 'multiple') {
      const list = $(this.root, '.nb-options');
      const items = $$<HTMLElement>(this.root, '.nb-option');
      const order = optionOrder(items.length, seed, k.id, k.shuffle);
      list?.append(...order.map((i) => items.find((li) => li.dataset['option'] === String(i))!));
    } else if (k.type === 'ordering') {
      this.#applyOrder(orderingStart(k.itemCount, seed, k.id));
    }
  }

  #applyOrder(order: readonly number[]): void {
    const list = $(this.root, '.nb-items');
    const items = $$<HTMLElement>(this.root, '.nb-item');
    list?.append(...order.map((i) => items.find((li) => li.dataset['item'] === String(i))!));
    this.#updateMoveButtons();
  }

  #updateMoveButtons(): void {
    const items = $$<HTMLElement>(this.root, '.nb-item');
    items.forEach((li, pos) => {
      const up = $<HTMLButtonElement>(li, '[data-move="up"]');
      const down = $<HTMLButtonElement>(li, '[data-move="down"]');
      // aria-disabled keeps the button focusable, so focus is not lost at the ends of the list.
      up?.setAttribute('aria-disabled', String(this.answered || pos === 0));
      down?.setAttribute('aria-disabled', String(this.answered || pos === items.length - 1));
    });
  }

  #move(button: HTMLButtonElement): void {
    if (this.answered || button.getAttribute('aria-disabled') === 'true') return;
    const li = button.closest<HTMLElement>('.nb-item');
    const list = li?.parentElement;
    if (!li || !list) return;
    const up = button.dataset['move'] === 'up';
    const sibling = up ? li.previousElementSibling : li.nextElementSibling;
    if (!sibling) return;
    if (up) list.insertBefore(li, sibling);
    else list.insertBefore(sibling, li);
    this.#updateMoveButtons();
    button.focus();
    const items = $$(list, '.nb-item');
    const text = $(li, '.nb-item-text')?.textContent?.trim() ?? 'Item';
    this.#say(`${text}: moved to position ${items.indexOf(li) + 1} of ${items.length}.`);
  }

  #say(message: string): void {
    const p = document.createElement('p');
    p.textContent = message;
    this.#status().replaceChildren(p);
  }

  /** Reveals the next hint; returns false when none is left. */
  showHint(): boolean {
    const hints = $$<HTMLElement>(this.root, '[data-hint]');
    const next = hints[this.hintsShown];
    if (!next || this.answered) return false;
    next.hidden = false;
    this.hintsShown++;
    const button = $<HTMLButtonElement>(this.root, '[data-action="hint"]');
    const left = hints.length - this.hintsShown;
    if (button) {
      if (left === 0) {
        button.hidden = true;
        $<HTMLButtonElement>(this.root, '[data-action="check"]')?.focus();
      } else button.textContent = `Show another hint (${left} left)`;
    }
    return true;
  }

  /** The current response, or a message saying why there is none yet. */
  read(): ReadResult {
    return readResponse(this.root, this.key);
  }

  /**
   * After a stored widget answer is shown again: puts the figure back into the graded state if
   * the widget can, or says that it was reset (see figure-link.ts).
   */
  restoreFigure(response: Response): void {
    const k = this.key;
    if (k.type !== 'widget' || response.type !== 'widget') return;
    restoreFigure(
      k.widget,
      response.state,
      (notice) => {
        if (this.root.querySelector('.nb-figure-reset')) return;
        const p = document.createElement('p');
        p.className = 'nb-figure-reset';
        p.textContent = notice;
        this.#status().append(p);
      },
      (during) => {
        this.#quiet = true;
        try {
          during();
        } finally {
          this.#quiet = false;
        }
      },
    );
  }

  /** Says why a response cannot be checked (invalid, not wrong). */
  showInvalid(message: string): void {
    this.#say(message);
    const focusable = $<HTMLElement>(this.root, 'input:not([disabled])');
    if (this.key.type === 'numeric') focusable?.focus();
  }

  /** Puts a stored response back into the inputs (for resuming or reviewing). */
  restore(response: Response, seed: number): void {
    this.setOrder(seed);
    if (response.type === 'single' || response.type === 'multiple') {
      const picked = new Set(response.type === 'single' ? [response.picked] : response.picked);
      for (const input of $$<HTMLInputElement>(this.root, '.nb-option input'))
        input.checked = picked.has(Number(input.value));
    } else if (response.type === 'numeric') {
      const input = $<HTMLInputElement>(this.root, 'input[type="text"]');
      if (input) input.value = String(response.value);
    } else if (response.type === 'ordering') {
      this.#applyOrder(response.order);
    }
  }

  /**
   * Shows the verdict (icon + text, never colour alone), option marks, feedback and explanation,
   * and locks the inputs. `retry` shows the Try again button (inline checks).
   */
  showOutcome(
    outcome: Extract<Outcome, { status: 'graded' }>,
    response: Response,
    opts: { retry: boolean },
  ): void {
    this.answered = true;
    const k = this.key;
    const verdict = document.createElement('p');
    verdict.className = 'nb-verdict';
    const icon = document.createElement('span');
    icon.setAttribute('aria-hidden', 'true');
    icon.className = 'nb-icon';
    const text = document.createElement('strong');
    let kind: 'right' | 'partly' | 'wrong';
    if (outcome.correct) {
      kind = 'right';
      icon.textContent = '✓';
      text.textContent = 'Correct.';
    } else if (outcome.score > 0) {
      kind = 'partly';
      icon.textContent = '◐';
      text.textContent = `Partly right: ${Math.round(outcome.score * 100)}% credit.`;
    } else {
      kind = 'wrong';
      icon.textContent = '✗';
      text.textContent = 'Not quite.';
    }
    verdict.dataset['verdict'] = kind;
    verdict.append(icon, ' ', text);
    const parts: Node[] = [verdict];
    const detail = (s: string): void => {
      const p = document.createElement('p');
      p.textContent = s;
      parts.push(p);
    };
    if (k.type === 'multiple' && !outcome.correct) {
      const right = outcome.rightPicks?.length ?? 0;
      const wrong = outcome.wrongPicks?.length ?? 0;
      detail(
        `You picked ${right} of ${k.correct.length} correct ${k.correct.length === 1 ? 'option' : 'options'} and ${wrong} wrong ${wrong === 1 ? 'one' : 'ones'}.`,
      );
    }
    if (k.type === 'numeric' && !outcome.correct) {
      const t = [
        k.absolute !== undefined ? `±${k.absolute}` : '',
        k.relative !== undefined ? `±${k.relative * 100}%` : '',
      ]
        .filter(Boolean)
        .join(' or ');
      // A zero tolerance is an exact answer: say only the answer.
      const exact = (k.absolute ?? 0) === 0 && (k.relative ?? 0) === 0;
      detail(
        exact ? `The answer is ${k.answer}.` : `The answer is ${k.answer} (accepted within ${t}).`,
      );
    }
    if (k.type === 'ordering' && !outcome.correct)
      detail('The correct order is shown with numbers next to the items.');
    if (outcome.feedback) detail(outcome.feedback);
    const picked =
      response.type === 'single'
        ? [response.picked]
        : response.type === 'multiple'
          ? response.picked
          : [];
    for (const i of picked) this.#cloneTemplate(`[data-feedback-option="${i}"]`, parts);
    if (outcome.range !== undefined)
      this.#cloneTemplate(`[data-feedback-range="${outcome.range}"]`, parts);
    this.#status().replaceChildren(...parts);
    this.#markAnswers(picked);
    this.#lock(true);
    const explanation = $<HTMLElement>(this.root, '.nb-explanation');
    if (explanation) explanation.hidden = false;
    const again = $<HTMLButtonElement>(this.root, '[data-action="again"]');
    if (again) again.hidden = !opts.retry;
  }

  #cloneTemplate(selector: string, into: Node[]): void {
    const t = $<HTMLTemplateElement>(this.root, `template${selector}`);
    if (t) into.push(t.content.cloneNode(true));
  }

  /** Marks each option/item with an icon and words (✓ correct answer, ✗ your pick, wrong). */
  #markAnswers(picked: readonly number[]): void {
    const k = this.key;
    if (k.type === 'single' || k.type === 'multiple') {
      for (const li of $$<HTMLElement>(this.root, '.nb-option')) {
        const i = Number(li.dataset['option']);
        const mark = $(li, '.nb-mark');
        const isCorrect = k.correct.includes(i);
        const isPicked = picked.includes(i);
        li.dataset['result'] = isCorrect ? 'correct' : isPicked ? 'wrong' : '';
        mark?.replaceChildren(
          isCorrect
            ? isPicked
              ? '✓ your answer, correct'
              : '✓ correct answer'
            : isPicked
              ? '✗ your answer, not correct'
              : '',
        );
      }
    } else if (k.type === 'ordering') {
      for (const li of $$<HTMLElement>(this.root, '.nb-item')) {
        const i = Number(li.dataset['item']);
        $(li, '.nb-mark')?.replaceChildren(`belongs at position ${i + 1}`);
      }
    }
  }

  #lock(locked: boolean): void {
    for (const input of $$<HTMLInputElement>(this.root, 'fieldset input')) input.disabled = locked;
    const check = $<HTMLButtonElement>(this.root, '[data-action="check"]');
    // aria-disabled (not disabled) keeps focus on the button after checking.
    check?.setAttribute('aria-disabled', String(locked));
    const hint = $<HTMLButtonElement>(this.root, '[data-action="hint"]');
    if (hint && locked) hint.hidden = true;
    this.#updateMoveButtons();
  }

  /** Clears the answer for a fresh try with a new seed (inputs, marks, hints, feedback). */
  reset(seed: number): void {
    this.answered = false;
    this.hintsShown = 0;
    for (const input of $$<HTMLInputElement>(this.root, 'fieldset input')) {
      input.checked = false;
      if (input.type === 'text') input.value = '';
    }
    for (const li of $$<HTMLElement>(this.root, '.nb-option, .nb-item')) {
      delete li.dataset['result'];
      $(li, '.nb-mark')?.replaceChildren();
    }
    for (const h of $$<HTMLElement>(this.root, '[data-hint]')) h.hidden = true;
    const hint = $<HTMLButtonElement>(this.root, '[data-action="hint"]');
    if (hint) {
      hint.hidden = false;
      hint.textContent = 'Show a hint';
    }
    const explanation = $<HTMLElement>(this.root, '.nb-explanation');
    if (explanation) explanation.hidden = true;
    const again = $<HTMLButtonElement>(this.root, '[data-action="again"]');
    if (again) again.hidden = true;
    this.#status().replaceChildren();
    this.#lock(false);
    this.setOrder(seed);
  }

  /** Moves focus to the first control of the question (after Retry / Try again). */
  focusFirst(): void {
    const target = $<HTMLElement>(
      this.root,
      'fieldset input:not([disabled]), fieldset button, [data-action="check"]',
    );
    target?.focus();
  }
}
