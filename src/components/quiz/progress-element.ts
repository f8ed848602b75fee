// Browser: <nb-progress>, the progress page. Wiring only: summaries come from
// lib/progress/summary.ts, the review schedule from lib/progress/review.ts (loaded on demand with
// ts-fsrs), export/import/merge from lib/progress/transfer.ts.
import type { QuizKey } from '../../lib/quiz/key.ts';
import { chapterSummary, percent } from '../../lib/progress/summary.ts';
import {
  exportProgress,
  parseImport,
  previewMerge,
  type MergePreview,
} from '../../lib/progress/transfer.ts';
import type { ProgressRecord } from '../../lib/progress/model.ts';
import type { ProgressStore } from '../../lib/progress/store.ts';
import { newSeed } from '../../lib/quiz/shuffle.ts';
import { QuestionView } from './question-view.ts';
import { progressStore, showNotices } from './progress-client.ts';
import { grade } from './grading.ts';

interface QuizInfo {
  key: QuizKey;
  title: string;
  href: string;
}

const random = (): number => crypto.getRandomValues(new Uint32Array(1))[0]! / 4294967296;

const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
/** "in 10 minutes", "3 days ago", "now". */
export function relativeTime(t: number, now: number): string {
  const s = (t - now) / 1000;
  const abs = Math.abs(s);
  if (abs < 45) return 'now';
  if (abs < 3600) return rtf.format(Math.round(s / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(s / 3600), 'hour');
  return rtf.format(Math.round(s / 86400), 'day');
}

const dateTime = (t: number): string =>
  new Date(t).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

class NbProgress extends HTMLElement {
  #quizzes: QuizInfo[] = [];
  #store?: ProgressStore;
  #pending: ProgressRecord[] | undefined;
  #views = new Map<string, QuestionView>();
  #cleanup: Array<() => void> = [];

  connectedCallback(): void {
    try {
      this.#quizzes = JSON.parse(this.dataset['quizzes'] ?? '[]') as QuizInfo[];
    } catch {
      this.#quizzes = [];
    }
    this.#on('[data-action="export"]', 'click', () => void this.#export());
    this.#on('[data-import-file]', 'change', () => void this.#readImport());
    this.#on('[data-action="merge"]', 'click', () => void this.#merge());
    this.#on('[data-action="cancel-import"]', 'click', () =>
      this.#cancelImport('Import cancelled; nothing changed.'),
    );
    this.#on('[data-action="clear"]', 'click', () => this.#toggleClear(true));
    this.#on('[data-action="clear-cancel"]', 'click', () => this.#toggleClear(false));
    this.#on('[data-action="clear-confirm"]', 'click', () => void this.#clear());
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-action="open-review"]')) {
      const onClick = (): void => this.#openReview(button);
      button.addEventListener('click', onClick);
      this.#cleanup.push(() => button.removeEventListener('click', onClick));
    }
    void progressStore().then(async (store) => {
      this.#store = store;
      showNotices(store, this.querySelector('.nb-notices'));
      await this.#render();
      this.dataset['ready'] = 'true';
    });
  }

  disconnectedCallback(): void {
    for (const f of this.#cleanup.splice(0)) f();
    for (const v of this.#views.values()) v.dispose();
  }

  #on(selector: string, type: string, fn: () => void): void {
    const el = this.querySelector(selector);
    el?.addEventListener(type, fn);
    this.#cleanup.push(() => el?.removeEventListener(type, fn));
  }

  async #render(): Promise<void> {
    const store = this.#store;
    if (!store) return;
    const snap = store.snapshot();
    const now = Date.now();
    for (const q of this.#quizzes) {
      const row = this.querySelector(`tr[data-quiz="${q.key.id}"]`);
      if (!row) continue;
      const s = chapterSummary(q.key, snap);
      const cell = (name: string, text: string): void => {
        const td = row.querySelector(`[data-cell="${name}"]`);
        if (td) td.textContent = text;
      };
      const passText = (f: number): string =>
        `${percent(f)} ${f >= q.key.passMark - 1e-12 ? '✓ passed' : '✗ not passed'}`;
      cell(
        'first',
        s.first
          ? passText(s.first.result.fraction)
          : s.inProgress
            ? `In progress (${s.inProgress.result.answered} of ${s.inProgress.result.total} answered)`
            : 'Not taken yet',
      );
      cell('best', s.best ? passText(s.best.result.fraction) : '–');
      cell('attempts', String(s.attempts.length));
      cell('last', s.lastActivity !== undefined ? dateTime(s.lastActivity) : '–');
    }
    const last = this.querySelector('[data-last-export]');
    if (last)
      last.textContent = `Last export: ${snap.meta.lastExportAt ? `${dateTime(snap.meta.lastExportAt)} (${relativeTime(snap.meta.lastExportAt, now)})` : 'never'}.`;
    await this.#renderReview(now);
  }

  async #renderReview(now: number): Promise<void> {
    const store = this.#store;
    if (!store) return;
    const { reviewQueue } = await import('../../lib/progress/review.ts');
    const queue = reviewQueue(store.snapshot(), now);
    const scheduled = new Map(
      [...queue.due, ...queue.upcoming].map((i) => [`${i.quiz}/${i.question}`, i]),
    );
    for (const li of this.querySelectorAll<HTMLElement>('.nb-review-item')) {
      const id = `${li.dataset['quiz']}/${li.dataset['question']}`;
      const item = scheduled.get(id);
      // A question being reviewed stays visible until the page is left.
      if (!item && !this.#views.get(id)?.answered) {
        li.hidden = true;
        continue;
      }
      li.hidden = false;
      const due = li.querySelector('[data-due]');
      if (due && item)
        due.textContent =
          item.due <= now ? 'due now' : `next review ${relativeTime(item.due, now)}`;
      if (item) li.dataset['due'] = String(item.due <= now);
    }
    const summary = this.querySelector('[data-review-summary]');
    if (summary)
      summary.textContent =
        queue.due.length + queue.upcoming.length === 0
          ? 'Nothing to review yet.'
          : `${queue.due.length} ${queue.due.length === 1 ? 'question is' : 'questions are'} due now; ${queue.upcoming.length} more ${queue.upcoming.length === 1 ? 'is' : 'are'} scheduled.`;
    // Due questions first, then by due time.
    const list = this.querySelector('.nb-review-list');
    const order = [...queue.due, ...queue.upcoming].map((i) => `${i.quiz}/${i.question}`);
    const items = [...this.querySelectorAll<HTMLElement>('.nb-review-item')];
    const rank = (li: HTMLElement): number => {
      const r = order.indexOf(`${li.dataset['quiz']}/${li.dataset['question']}`);
      return r < 0 ? order.length : r;
    };
    if (list && !this.contains(document.activeElement))
      list.append(...items.sort((a, b) => rank(a) - rank(b)));
  }

  #openReview(button: HTMLButtonElement): void {
    const li = button.closest<HTMLElement>('.nb-review-item');
    const body = li?.querySelector<HTMLElement>('.nb-review-body');
    const root = body?.querySelector<HTMLElement>('.nb-question');
    if (!li || !body || !root) return;
    const quiz = this.#quizzes.find((q) => q.key.id === li.dataset['quiz']);
    const key = quiz?.key.questions.find((q) => q.id === li.dataset['question']);
    if (!quiz || !key) return;
    const id = `${quiz.key.id}/${key.id}`;
    let view = this.#views.get(id);
    if (!view) {
      const v = new QuestionView(root, key, {
        check: () => void this.#checkReview(quiz.key.id, v),
        again: () => {
          v.reset(newSeed(random));
          v.focusFirst();
        },
      });
      v.setOrder(newSeed(random));
      this.#views.set(id, v);
      view = v;
    }
    const open = body.hidden;
    body.hidden = !open;
    const prompt = li.querySelector<HTMLElement>('.nb-review-prompt');
    if (prompt) prompt.hidden = open;
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? 'Hide this question' : 'Review this question';
    if (open) view.focusFirst();
  }

  async #checkReview(quiz: string, view: QuestionView): Promise<void> {
    const store = this.#store;
    if (!store) return;
    const read = view.read();
    if (!read.ok) return view.showInvalid(read.message);
    const out = await grade(view.key, read.response);
    if (out.status !== 'graded')
      return view.showInvalid(`This answer could not be checked (${out.reason}).`);
    await store.add([
      {
        kind: 'answer',
        quiz,
        question: view.key.id,
        mode: 'review',
        seed: view.seed,
        at: Date.now(),
        response: read.response,
        score: out.score,
        correct: out.correct,
        hints: view.hintsShown,
      },
    ]);
    view.showOutcome(out, read.response, { retry: false });
    showNotices(store, this.querySelector('.nb-notices'));
    await this.#render();
  }

  async #export(): Promise<void> {
    const store = this.#store;
    if (!store) return;
    await store.refresh();
    const now = Date.now();
    const file = exportProgress(store.snapshot(), now);
    const blob = new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `neuronbook-progress-${new Date(now).toISOString().slice(0, 10)}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    await store.setLastExport(now);
    await this.#render();
  }

  #preview(nodes: Node[]): void {
    this.querySelector('[data-import-preview]')?.replaceChildren(...nodes);
  }

  async #readImport(): Promise<void> {
    const input = this.querySelector<HTMLInputElement>('[data-import-file]');
    const file = input?.files?.[0];
    const store = this.#store;
    if (!file || !store) return;
    const p = (text: string): HTMLParagraphElement => {
      const el = document.createElement('p');
      el.textContent = text;
      return el;
    };
    let text: string;
    try {
      text = await file.text();
    } catch {
      return this.#cancelImport(`⚠ “${file.name}” could not be read.`);
    }
    const parsed = parseImport(text);
    if (!parsed.ok) return this.#cancelImport(`⚠ ${parsed.error}`);
    await store.refresh();
    const preview = previewMerge(
      store.snapshot(),
      parsed.records,
      this.#quizzes.map((q) => q.key),
    );
    if (preview.newRecords === 0) {
      return this.#cancelImport(
        `“${file.name}” holds nothing new: all ${preview.alreadyPresent} records are already here${parsed.skipped ? ` (${parsed.skipped} unreadable records skipped)` : ''}.`,
      );
    }
    this.#pending = parsed.records;
    const nodes: Node[] = [
      p(
        `“${file.name}”${parsed.exportedAt ? `, exported ${dateTime(Date.parse(parsed.exportedAt))},` : ''} adds ${preview.newRecords} new ${preview.newRecords === 1 ? 'record' : 'records'}; ${preview.alreadyPresent} ${preview.alreadyPresent === 1 ? 'is' : 'are'} already here${parsed.skipped ? `; ${parsed.skipped} unreadable ${parsed.skipped === 1 ? 'record is' : 'records are'} skipped` : ''}.`,
      ),
      this.#changeTable(preview),
      p(
        'Nothing has been saved yet. Press “Merge into my progress” to add these answers, or Cancel.',
      ),
    ];
    this.#preview(nodes);
    const actions = this.querySelector<HTMLElement>('[data-import-actions]');
    if (actions) actions.hidden = false;
  }

  #changeTable(preview: MergePreview): HTMLTableElement {
    const table = document.createElement('table');
    const caption = table.createCaption();
    caption.textContent = 'What the import changes';
    const head = table.createTHead().insertRow();
    for (const h of ['Lesson', 'New answers', 'First attempt', 'Best']) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = h;
      head.append(th);
    }
    const body = table.createTBody();
    const change = (before?: number, after?: number): string => {
      const b = before === undefined ? 'none' : percent(before);
      const a = after === undefined ? 'none' : percent(after);
      return b === a ? `${a} (unchanged)` : `${b} → ${a}`;
    };
    for (const c of preview.chapters) {
      const row = body.insertRow();
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = this.#quizzes.find((q) => q.key.id === c.quiz)?.title ?? c.quiz;
      row.append(th);
      row.insertCell().textContent = String(c.newAnswers);
      row.insertCell().textContent = change(c.firstBefore, c.firstAfter);
      row.insertCell().textContent = change(c.bestBefore, c.bestAfter);
    }
    return table;
  }

  #cancelImport(message: string): void {
    this.#pending = undefined;
    const p = document.createElement('p');
    p.textContent = message;
    this.#preview([p]);
    const actions = this.querySelector<HTMLElement>('[data-import-actions]');
    if (actions) actions.hidden = true;
    const input = this.querySelector<HTMLInputElement>('[data-import-file]');
    if (input) input.value = '';
  }

  async #merge(): Promise<void> {
    const store = this.#store;
    const records = this.#pending;
    if (!store || !records) return;
    if (store.readOnly)
      return this.#cancelImport('⚠ Your progress is open read-only here, so nothing was imported.');
    const added = await store.add(records);
    this.#cancelImport(
      `✓ Imported: ${added} new ${added === 1 ? 'record' : 'records'} merged into your progress.`,
    );
    this.querySelector<HTMLInputElement>('[data-import-file]')?.focus();
    await this.#render();
  }

  #toggleClear(open: boolean): void {
    const box = this.querySelector<HTMLElement>('[data-clear-confirm]');
    if (box) box.hidden = !open;
    if (open) this.querySelector<HTMLButtonElement>('[data-action="clear-cancel"]')?.focus();
    else this.querySelector<HTMLButtonElement>('[data-action="clear"]')?.focus();
  }

  async #clear(): Promise<void> {
    const store = this.#store;
    if (!store) return;
    await store.clearAll();
    this.#toggleClear(false);
    const p = document.createElement('p');
    p.textContent = '✓ All progress in this browser was deleted.';
    this.#preview([p]);
    await this.#render();
  }
}

if (!customElements.get('nb-progress')) customElements.define('nb-progress', NbProgress);
