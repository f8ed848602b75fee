// Browser: the <nb-quiz> (chapter quiz) and <nb-check> (inline question) custom elements.
// Wiring only: grading rules live in lib/quiz/scoring.ts, results in lib/progress/summary.ts,
// storage in lib/progress/store.ts. Widget graders load on demand (dynamic import) the first
// time a widget question is checked, so pages without widget questions never download them.
import type { QuizKey } from '../../lib/quiz/key.ts';
import { chapterQuestions } from '../../lib/quiz/key.ts';
import type { Outcome, Response } from '../../lib/quiz/scoring.ts';
import { newSeed } from '../../lib/quiz/shuffle.ts';
import type { AnswerMode, AnswerRecord, AttemptRecord } from '../../lib/progress/model.ts';
import { newAttemptId } from '../../lib/progress/model.ts';
import { chapterSummary, percent, type AttemptSummary } from '../../lib/progress/summary.ts';
import type { ProgressStore } from '../../lib/progress/store.ts';
import { QuestionView } from './question-view.ts';
import { grade, showStored } from './grading.ts';
import { progressStore, showNotices } from './progress-client.ts';

const random = (): number => {
  const a = new Uint32Array(1);
  crypto.getRandomValues(a);
  return a[0]! / 4294967296;
};

function parseKey(el: HTMLElement): QuizKey | undefined {
  try {
    return JSON.parse(el.dataset['key'] ?? '') as QuizKey;
  } catch {
    return undefined;
  }
}

/** Builds the answer record for a checked response. */
function answerRecord(
  quiz: string,
  view: QuestionView,
  mode: AnswerMode,
  response: Response,
  out: Extract<Outcome, { status: 'graded' }>,
  attempt?: string,
): AnswerRecord {
  return {
    kind: 'answer',
    quiz,
    question: view.key.id,
    mode,
    ...(attempt ? { attempt } : {}),
    seed: view.seed,
    at: Date.now(),
    response,
    score: out.score,
    correct: out.correct,
    hints: view.hintsShown,
  };
}

class NbQuiz extends HTMLElement {
  #key?: QuizKey;
  #views: QuestionView[] = [];
  #store?: ProgressStore;
  /** The attempt being answered; undefined until the first Check of a fresh attempt. */
  #attempt: AttemptRecord | undefined;
  #pendingSeed = newSeed(random);
  /** Set by Retry: the reader wants a fresh attempt, so do not show the last one again. */
  #retried = false;
  #cleanup: Array<() => void> = [];

  connectedCallback(): void {
    const key = parseKey(this);
    if (!key) return;
    this.#key = key;
    const byId = new Map(chapterQuestions(key).map((q) => [q.id, q]));
    for (const root of this.querySelectorAll<HTMLElement>('.nb-question')) {
      const q = byId.get(root.dataset['question'] ?? '');
      if (!q) continue;
      const view = new QuestionView(root, q, { check: () => void this.#check(view) });
      view.setOrder(this.#pendingSeed);
      this.#views.push(view);
    }
    const retry = this.querySelector('[data-action="retry-quiz"]');
    const onRetry = (): void => this.#retry();
    retry?.addEventListener('click', onRetry);
    this.#cleanup.push(() => retry?.removeEventListener('click', onRetry));
    const onVisible = (): void => {
      if (document.visibilityState === 'visible')
        void this.#store?.refresh().then(() => this.#sync());
    };
    document.addEventListener('visibilitychange', onVisible);
    this.#cleanup.push(() => document.removeEventListener('visibilitychange', onVisible));
    void progressStore().then((store) => {
      this.#store = store;
      showNotices(store, this.querySelector('.nb-notices'));
      this.#sync(true);
      this.dataset['ready'] = 'true';
    });
  }

  disconnectedCallback(): void {
    for (const f of this.#cleanup.splice(0)) f();
    for (const v of this.#views) v.dispose();
    this.#views = [];
  }

  /** Brings the page in line with stored progress (resume an attempt, or show the last one). */
  #sync(initial = false): void {
    const key = this.#key;
    const store = this.#store;
    if (!key || !store) return;
    const summary = chapterSummary(key, store.snapshot());
    let current: AttemptSummary | undefined;
    if (this.#attempt) {
      const id = this.#attempt.id;
      current = [summary.inProgress, ...summary.attempts].find((s) => s?.attempt.id === id);
    } else if (summary.inProgress) current = summary.inProgress;
    else if (summary.last && !this.#retried) current = summary.last;
    if (!current) return;
    this.#attempt = current.attempt;
    for (const view of this.#views) {
      const a = current.answers.get(view.key.id);
      if (a && !view.answered) showStored(view, a, false);
      // Reorder unanswered questions only on load, never under the reader's eyes.
      else if (initial && !a && !view.answered) view.setOrder(current.attempt.seed);
    }
    this.#showResult(current.complete);
  }

  /** Views whose answer is being graded and saved (a second press meanwhile does nothing). */
  #checking = new WeakSet<QuestionView>();

  async #check(view: QuestionView): Promise<void> {
    if (this.#checking.has(view)) return;
    this.#checking.add(view);
    try {
      await this.#checkNow(view);
    } finally {
      this.#checking.delete(view);
    }
  }

  async #checkNow(view: QuestionView): Promise<void> {
    const key = this.#key;
    if (!key) return;
    const read = view.read();
    if (!read.ok) return view.showInvalid(read.message);
    const out = await grade(view.key, read.response);
    if (out.status !== 'graded')
      return view.showInvalid(`This answer could not be checked (${out.reason}).`);
    // Saved before it is shown: once the reader sees the outcome, a reload keeps it.
    const store = await progressStore();
    if (!this.#attempt) {
      // Another tab may have started this attempt: join it rather than splitting the answers.
      await store.refresh();
      const open = chapterSummary(key, store.snapshot()).inProgress;
      this.#attempt = open?.attempt ?? {
        kind: 'attempt',
        quiz: key.id,
        id: newAttemptId(Date.now(), random),
        seed: this.#pendingSeed,
        startedAt: Date.now(),
      };
      await store.add([this.#attempt]);
    }
    await store.add([answerRecord(key.id, view, 'quiz', read.response, out, this.#attempt.id)]);
    view.showOutcome(out, read.response, { retry: false });
    showNotices(store, this.querySelector('.nb-notices'));
    await store.refresh();
    this.#sync();
  }

  #retry(): void {
    this.#attempt = undefined;
    this.#retried = true;
    this.#pendingSeed = newSeed(random);
    for (const v of this.#views) v.reset(this.#pendingSeed);
    const result = this.querySelector<HTMLElement>('.nb-result');
    if (result) result.hidden = true;
    this.#views[0]?.focusFirst();
  }

  #showResult(complete: boolean): void {
    const key = this.#key;
    const store = this.#store;
    const section = this.querySelector<HTMLElement>('.nb-result');
    const body = this.querySelector<HTMLElement>('.nb-result-body');
    if (!key || !store || !section || !body) return;
    if (!complete) {
      section.hidden = true;
      return;
    }
    const summary = chapterSummary(key, store.snapshot());
    const current = [...summary.attempts].reverse().find((s) => s.attempt.id === this.#attempt?.id);
    if (!current) return;
    const r = current.result;
    const wasHidden = section.hidden;
    section.hidden = false;
    const p = (text: string, cls?: string): HTMLParagraphElement => {
      const el = document.createElement('p');
      el.textContent = text;
      if (cls) el.className = cls;
      return el;
    };
    const points = Number.isInteger(r.points) ? String(r.points) : r.points.toFixed(2);
    const verdict = p('', 'nb-result-verdict');
    const icon = document.createElement('span');
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = r.passed ? '✓ ' : '✗ ';
    verdict.dataset['passed'] = String(r.passed);
    verdict.append(
      icon,
      `${r.passed ? 'Passed' : 'Not passed yet'}: ${points} of ${r.maxPoints} points (${percent(r.fraction)}); the pass mark is ${percent(r.passMark)}.`,
    );
    const parts: Node[] = [verdict];
    const line = [
      summary.first ? `First attempt: ${percent(summary.first.result.fraction)}` : '',
      summary.best ? `best: ${percent(summary.best.result.fraction)}` : '',
      summary.last ? `last: ${percent(summary.last.result.fraction)}` : '',
      `${summary.attempts.length} ${summary.attempts.length === 1 ? 'attempt' : 'attempts'}`,
    ].filter(Boolean);
    parts.push(p(`${line.join(' · ')}.`, 'nb-result-history'));
    if (r.revisit.length > 0) {
      parts.push(p('To revisit:'));
      const ul = document.createElement('ul');
      ul.className = 'nb-revisit-list';
      for (const item of r.revisit) {
        const view = this.#views.find((v) => v.key.id === item.id);
        const link = view?.root.querySelector<HTMLAnchorElement>('.nb-revisit a');
        const label = view?.root.querySelector('.nb-qlabel')?.textContent ?? item.id;
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = link?.href ?? `#${item.section}`;
        a.textContent = link?.textContent ?? item.section;
        li.append(`${label}: `, a);
        ul.append(li);
      }
      parts.push(ul);
    } else parts.push(p('Every question fully right: nothing to revisit.'));
    body.replaceChildren(...parts);
    if (wasHidden) section.dataset['fresh'] = 'true';
  }
}

class NbCheck extends HTMLElement {
  #key?: QuizKey;
  #view?: QuestionView;

  connectedCallback(): void {
    const key = parseKey(this);
    const q = key?.questions[0];
    const root = this.querySelector<HTMLElement>('.nb-question');
    if (!key || !q || !root) return;
    this.#key = key;
    const view = new QuestionView(root, q, {
      check: () => void this.#check(),
      again: () => {
        view.reset(newSeed(random));
        view.focusFirst();
      },
    });
    view.setOrder(newSeed(random));
    this.#view = view;
    void progressStore().then((store) => {
      showNotices(store, this.querySelector('.nb-notices'));
      const last = store
        .snapshot()
        .answers.filter((a) => a.quiz === key.id && a.question === q.id && a.mode === 'check')
        .at(-1);
      if (last && !view.answered) showStored(view, last, true);
      this.dataset['ready'] = 'true';
    });
  }

  disconnectedCallback(): void {
    this.#view?.dispose();
  }

  async #check(): Promise<void> {
    const view = this.#view;
    const key = this.#key;
    if (!view || !key) return;
    const read = view.read();
    if (!read.ok) return view.showInvalid(read.message);
    const out = await grade(view.key, read.response);
    if (out.status !== 'graded')
      return view.showInvalid(`This answer could not be checked (${out.reason}).`);
    const store = await progressStore();
    await store.add([answerRecord(key.id, view, 'check', read.response, out)]);
    view.showOutcome(out, read.response, { retry: true });
    this.querySelector<HTMLButtonElement>('[data-action="again"]')?.focus();
    showNotices(store, this.querySelector('.nb-notices'));
  }
}

if (!customElements.get('nb-quiz')) customElements.define('nb-quiz', NbQuiz);
if (!customElements.get('nb-check')) customElements.define('nb-check', NbCheck);
