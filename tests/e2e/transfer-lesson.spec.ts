// Lesson 5.1's transfer figure (TransferLab): operated by keyboard only, the curves for the
// default seed order as the lesson says (and carry the numbers it quotes, which
// tests/unit/transfer/claims.test.ts recomputes in Node), axe on the drawn figure in both themes,
// the classifier toggle, the widget questions graded from its state, and no main-thread task
// over 50 ms while the worker trains.
import { expect, test, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { longTasks, watchLongTasks } from './support/long-tasks.ts';

const PATH = '/practice/transfer-learning/';

interface Point {
  n: number;
  fineTune: number;
  scratch: number;
  svm: number;
  logreg: number;
}
interface LabState {
  seed: number;
  n: number;
  linear: string;
  done: boolean;
  points: Point[];
}

const state = (el: Locator) =>
  el.evaluate((e) => (e as unknown as { quizState(): LabState }).quizState());

async function ready(page: Page): Promise<Locator> {
  await page.goto(PATH);
  const lab = page.locator('#transfer-lab');
  await lab.scrollIntoViewIfNeeded();
  await expect(lab).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  return lab;
}

test('keyboard only: N = 3 and Run give the sweep; the curves order as the lesson says; widget questions', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const lab = await ready(page);
  // N from 5 to 3 with the arrow keys, then Tab to the Run button and press Enter.
  await lab.getByRole('slider', { name: /Examples per digit/ }).focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(lab.locator('[data-nb-n-out]')).toHaveText('3');
  const run = lab.getByRole('button', { name: 'Run' });
  for (let i = 0; i < 6 && !(await run.evaluate((b) => b === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(run).toBeFocused();
  await page.keyboard.press('Enter');
  // Focus moves to Stop while it runs and back to Run afterwards.
  await expect(lab.getByRole('button', { name: 'Stop' })).toBeFocused();
  await expect(lab.locator('[data-nb-status]')).toContainText('Done for seed 1', {
    timeout: 240_000,
  });
  await expect(run).toBeFocused();

  const s = await state(lab);
  expect(s.seed).toBe(1);
  expect(s.points.map((p) => p.n)).toEqual([1, 2, 3, 5, 10, 20, 50, 100]);
  const at = (n: number) => s.points.find((p) => p.n === n)!;
  const pct = (v: number) => Number((v * 100).toFixed(1));
  // What the lesson states for seed 1.
  expect([at(1).svm, at(1).logreg, at(1).fineTune, at(1).scratch].map(pct)).toEqual([
    61.2, 59.6, 42.8, 41.3,
  ]);
  expect([at(5).svm, at(5).logreg, at(5).fineTune, at(5).scratch].map(pct)).toEqual([
    88.3, 85.2, 83.5, 70.9,
  ]);
  for (const n of [1, 2, 5, 10]) {
    const p = at(n);
    expect(Math.max(p.svm, p.logreg), `N = ${n}`).toBeGreaterThan(Math.max(p.fineTune, p.scratch));
  }
  for (const n of [20, 50, 100]) {
    const p = at(n);
    expect(p.fineTune, `N = ${n}`).toBeGreaterThan(Math.max(p.svm, p.logreg, p.scratch));
  }
  for (const p of s.points) expect(p.fineTune, `N = ${p.n}`).toBeGreaterThan(p.scratch);
  expect([at(100).fineTune, at(100).scratch].map(pct)).toEqual([96.7, 94.4]);

  // The chart draws three lines of eight points; the table lists every N.
  await expect(lab.locator('[data-nb-chart] [data-method]')).toHaveCount(3);
  await expect(lab.locator('[data-nb-chart] [data-method="svm"] circle')).toHaveCount(8);
  await expect(lab.locator('[data-nb-table] tbody tr')).toHaveCount(8);
  await expect(lab.locator('[data-nb-readout]')).toContainText('With 3 examples per digit');

  // The drawn figure (lines, dots, legend, readout) passes axe in both themes.
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((t) => (document.documentElement.dataset['theme'] = t), theme);
    const axe = await new AxeBuilder({ page })
      .include('#transfer-lab')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
      .analyze();
    expect(
      axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      theme,
    ).toEqual([]);
  }

  // The classifier toggle by keyboard: arrow keys move between the radio buttons.
  await lab.getByRole('radio', { name: /Linear SVM/ }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(lab.getByRole('radio', { name: /Logistic regression/ })).toBeChecked();
  await expect(lab.locator('[data-nb-chart] [data-method="logreg"]')).toHaveCount(1);
  await expect(lab.locator('[data-nb-legend]')).toContainText('Logistic regression');
  // The settings are kept in the URL, so the page can be shared or reloaded as it is.
  expect(new URL(page.url()).searchParams.get('transfer-lab.n')).toBe('3');
  expect(new URL(page.url()).searchParams.get('transfer-lab.linear')).toBe('logreg');

  // Widget question: the point at N = 3, fine-tuning ahead of from scratch.
  const quiz = page.locator('nb-quiz[data-quiz="transfer-learning"]');
  const q = quiz.locator('.nb-question[data-question="show-n3"]');
  await q.scrollIntoViewIfNeeded();
  await q.locator('[data-action="check"]').click();
  await expect(q.locator('.nb-status')).toContainText('Correct');
  // The crossing question is not answered by N = 3.
  const c = quiz.locator('.nb-question[data-question="scratch-crossing"]');
  await c.locator('[data-action="check"]').click();
  await expect(c.locator('.nb-status')).not.toContainText('Correct');
});

test('settings come from the URL; a malformed value gives its default with a notice', async ({
  page,
}) => {
  await page.goto(`${PATH}?transfer-lab.n=20&transfer-lab.linear=logreg&transfer-lab.seed=x1`);
  const lab = page.locator('#transfer-lab');
  await expect(lab).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(lab.locator('[data-nb-n-out]')).toHaveText('20');
  await expect(lab.getByRole('radio', { name: /Logistic regression/ })).toBeChecked();
  await expect(lab.locator('[data-nb-status]')).toContainText('could not be read (seed)');
  expect((await state(lab)).seed).toBe(1);
});

test('training the sweep runs no main-thread task over 50 ms @timing', async ({ page }) => {
  test.setTimeout(300_000);
  const lab = await ready(page);
  await watchLongTasks(page);
  await lab.getByRole('button', { name: 'Run' }).click();
  await expect(lab.locator('[data-nb-status]')).toContainText('Done for seed 1', {
    timeout: 240_000,
  });
  await page.waitForTimeout(500);
  const long = await longTasks(page);
  expect(long.filter((d) => d > 50)).toEqual([]);
  expect((await state(lab)).points).toHaveLength(7);
});
