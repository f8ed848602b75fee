// Browser: the home page's "Your progress" link (issue 16), shown only once the reader has
// answered something. Opens the progress store after the page is idle, so the home page's first
// paint never waits for storage.
import { progressStore } from './progress-client.ts';

function show(): void {
  const box = document.querySelector<HTMLElement>('[data-nb-your-progress]');
  if (!box) return;
  void progressStore()
    .then((store) => {
      const answers = store.snapshot().answers;
      const questions = new Set(answers.map((a) => `${a.quiz}/${a.question}`)).size;
      if (questions === 0) return;
      const count = box.querySelector('[data-count]');
      if (count)
        count.textContent = `${questions} ${questions === 1 ? 'question' : 'questions'} answered so far.`;
      box.hidden = false;
    })
    .catch(() => {
      // No storage: nothing to link to.
    });
}

if ('requestIdleCallback' in window) requestIdleCallback(show, { timeout: 2000 });
else setTimeout(show, 200);
