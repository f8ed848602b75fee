// Browser: grading a response (widget graders loaded on demand) and showing a stored answer in
// a question view. Shared by the quiz/check elements and the progress page.
import type { QuestionKey, WidgetKey } from '../../lib/quiz/key.ts';
import { scoreQuestion, type Outcome, type Response } from '../../lib/quiz/scoring.ts';
import type { AnswerRecord } from '../../lib/progress/model.ts';
import { creditOf } from '../../lib/progress/summary.ts';
import type { QuestionView } from './question-view.ts';

/** Grades a response, loading widget graders only when needed. */
export async function grade(key: QuestionKey, response: Response): Promise<Outcome> {
  if (key.type !== 'widget') return scoreQuestion(key, response);
  const { graders, safeGrade } = await import('../../lib/quiz/graders/index.ts');
  return scoreQuestion(key, response, (k: WidgetKey, state) => {
    const g = graders[k.grader];
    return g
      ? safeGrade(g, state, k.params)
      : { pass: false, feedback: `Unknown grader ${k.grader}.` };
  });
}

/** Shows a stored answer in a view: its order, its response and the recomputed outcome. */
export function showStored(view: QuestionView, a: AnswerRecord, retry: boolean): void {
  view.restore(a.response, a.seed);
  const out = view.key.type === 'widget' ? undefined : scoreQuestion(view.key, a.response);
  const score = creditOf(view.key, a);
  const graded: Extract<Outcome, { status: 'graded' }> =
    out?.status === 'graded' ? out : { status: 'graded', score, correct: a.correct };
  view.hintsShown = a.hints;
  view.showOutcome(graded, a.response, { retry });
  // After a reload, the figure of a widget question goes back to what was graded (or says so).
  view.restoreFigure(a.response);
}
