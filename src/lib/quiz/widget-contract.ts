// Pure types and tiny helpers (no DOM access at import time). How a widget question reads the
// state of a widget on the same page. Used by widget elements, the quiz element and graders.
//
// The contract, in four rules:
//
// 1. The question names the widget by the id of its root element in the page. In MDX:
//      <LogicUnit id="and-unit" … />          (the widget's Astro shell puts `id` on its root,
//                                              which also carries data-nb-widget="logic-unit")
//    and in the quiz YAML:
//      - type: widget
//        widget: and-unit                     # the element id
//        grader: logic-unit-truth-table       # a name registered in graders/index.ts
//        params: { target: [0, 0, 0, 1] }
//
// 2. The widget's root element implements `QuizReadableWidget`: a method `quizState()` that
//    returns a plain, JSON-serialisable snapshot of what the reader set (numbers, strings,
//    booleans, arrays, plain objects; no DOM nodes, tensors or functions). It must be cheap and
//    side-effect free: the quiz calls it when the reader presses Check, and stores the returned
//    value with the answer so a review can show it.
//
// 3. Whenever that state changes because of the reader (or a training run finishes), the element
//    dispatches `new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true })` on itself. The quiz
//    uses it only to clear stale messages (an unanswered question's "still loading") or to say
//    "the figure has changed since you checked" on an answered inline check; grading still
//    happens only on the Check button.
//
// 4. The grader is a pure function of (state, params) registered in src/lib/quiz/graders/ with
//    example states that must pass and fail. It must treat the state as untrusted `unknown` and
//    return a failing result with a helpful message for a state it does not recognise (a widget
//    that has not loaded yet, an older widget version).
//
// A widget that is not yet upgraded (its script still loading) simply lacks `quizState`; the
// quiz then says "the widget is still loading" and costs no attempt.
//
// 5. Optional: `restoreQuizState(state)` puts the widget back into a state `quizState()` returned
//    and returns true if it could. When a stored answer is shown after a reload, the quiz calls it
//    so the figure matches the "Correct" beside it; widgets without it (or returning false, e.g.
//    a training run that cannot be replayed) get a notice in the question that the figure was
//    reset. Every widget question also gets "Go to the figure" / "Back to the question" links
//    (src/components/quiz/figure-link.ts): nothing to do in the widget beyond having an id.

/** Event a widget dispatches (bubbling) on its root element when its quiz-relevant state changes. */
export const WIDGET_CHANGE_EVENT = 'nb-widget-change';

/** A plain JSON value: what `quizState()` may return. */
export type WidgetState =
  null | boolean | number | string | WidgetState[] | { [key: string]: WidgetState };

/** Implemented by a widget's root custom element so quiz questions can grade it. */
export interface QuizReadableWidget {
  /** A JSON-serialisable snapshot of the reader's settings/results, read on Check. */
  quizState(): WidgetState;
  /** Optional (rule 5): restore a snapshot `quizState()` returned; true if done. */
  restoreQuizState?(state: WidgetState): boolean;
}

/** True if `el` implements the contract (has a callable `quizState`). */
export function isQuizReadable(el: unknown): el is QuizReadableWidget {
  return (
    typeof el === 'object' &&
    el !== null &&
    typeof (el as { quizState?: unknown }).quizState === 'function'
  );
}
