// The progress page: scores after a quiz, a wrong answer in the review queue (and reviewable
// there), export → delete → import with a preview restores everything, and axe in both themes.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { watchPage } from './support/site.ts';

const LESSON = '/foundations/what-is-deep-learning/';
const quizSel = 'nb-quiz[data-quiz="what-is-deep-learning"]';

/** Answers two chapter questions: which-learning right, plant-diseases wrong. */
async function answerSome(page: Page) {
  await page.goto(LESSON);
  await expect(page.locator(quizSel)).toHaveAttribute('data-ready', 'true');
  const q1 = page.locator(`${quizSel} [data-question="which-learning"]`);
  await q1.locator('li.nb-option', { hasText: 'Reinforcement' }).locator('input').check();
  await q1.locator('[data-action="check"]').click();
  const q2 = page.locator(`${quizSel} [data-question="plant-diseases"]`);
  await q2.locator('li.nb-option', { hasText: 'Feature extraction' }).locator('input').check();
  await q2.locator('[data-action="check"]').click();
  await expect(q2.locator('.nb-status')).toContainText('Not quite.');
}

async function openProgress(page: Page) {
  await page.goto('/progress/');
  await expect(page.locator('nb-progress')).toHaveAttribute('data-ready', 'true');
}

const row = (page: Page) => page.locator('nb-progress tr[data-quiz="what-is-deep-learning"]');

test('the sidebar links to the progress page', async ({ page }) => {
  await page.goto(LESSON);
  const link = page.locator('nav[aria-label="Main"] a[href="/progress/"]').first();
  await expect(link).toHaveText(/Scores and review/);
});

test('a wrong answer appears in review and can be reviewed there', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await answerSome(page);
  await openProgress(page);
  await expect(row(page).locator('[data-cell="first"]')).toContainText(
    'In progress (2 of 9 answered)',
  );
  const item = page.locator('.nb-review-item[data-question="plant-diseases"]');
  await expect(item).toBeVisible();
  await expect(item.locator('[data-due]')).toContainText(/next review in \d+ minute/);
  await expect(page.locator('.nb-review-item[data-question="which-learning"]')).toBeHidden();
  await expect(page.locator('[data-review-summary]')).toContainText(
    '0 questions are due now; 1 more is scheduled',
  );

  // Review it with the keyboard and get it right.
  const open = item.locator('[data-action="open-review"]');
  await expect(open).toHaveText('Review this question');
  await open.focus();
  await page.keyboard.press('Enter');
  await expect(open).toHaveAttribute('aria-expanded', 'true');
  await expect(open).toHaveText('Hide this question');
  const options = item.locator('input[type="radio"]');
  await expect(options.first()).toBeFocused();
  for (let i = 0; i < 4; i++) {
    const label = await page.evaluate(
      () => document.activeElement?.closest('label')?.textContent ?? '',
    );
    if (label.includes('Fine-tuning')) break;
    await page.keyboard.press('ArrowDown');
  }
  // Focus alone does not select the first radio: Space does (ArrowDown already selected others).
  await page.keyboard.press('Space');
  await item.locator('[data-action="check"]').focus();
  await page.keyboard.press('Enter');
  await expect(item.locator('.nb-status')).toContainText('✓');
  await expect(item.locator('.nb-status')).toContainText('Correct.');
  // Right straight after a wrong answer rates Hard: the next review is later, not gone.
  await expect(item.locator('[data-due]')).toContainText(/next review in/);
  expect(problems.consoleErrors).toEqual([]);
});

test('questions become due with time', async ({ page }) => {
  await answerSome(page);
  await page.clock.install({ time: Date.now() + 60 * 60 * 1000 });
  await openProgress(page);
  await expect(
    page.locator('.nb-review-item[data-question="plant-diseases"] [data-due]'),
  ).toHaveText('due now');
  await expect(page.locator('[data-review-summary]')).toContainText('1 question is due now');
});

test('export, delete, import with a preview: progress is back', async ({ page }) => {
  await answerSome(page);
  await openProgress(page);
  await expect(page.locator('[data-last-export]')).toHaveText('Last export: never.');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download my progress (JSON)' }).click();
  const file = await (await download).path();
  const exported = JSON.parse(readFileSync(file, 'utf8')) as { format: string; records: unknown[] };
  expect(exported.format).toBe('neuronbook-progress');
  expect(exported.records).toHaveLength(3); // one attempt, two answers
  await expect(page.locator('[data-last-export]')).toContainText(/Last export: .+\(now\)/);

  await page.getByRole('button', { name: 'Delete all progress in this browser…' }).click();
  const cancel = page.getByRole('button', { name: 'Cancel' }).last();
  await expect(cancel).toBeFocused();
  await page.getByRole('button', { name: 'Yes, delete my progress' }).click();
  await expect(row(page).locator('[data-cell="first"]')).toHaveText('Not taken yet');
  await expect(page.locator('.nb-review-item[data-question="plant-diseases"]')).toBeHidden();

  // A file that is not progress is refused with a message; nothing changes.
  await page.getByLabel('Progress file').setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"hello":1}'),
  });
  await expect(page.locator('[data-import-preview]')).toContainText(
    'not a Neuronbook progress export',
  );
  await expect(page.getByRole('button', { name: 'Merge into my progress' })).toBeHidden();

  await page.getByLabel('Progress file').setInputFiles(file);
  const preview = page.locator('[data-import-preview]');
  await expect(preview).toContainText('adds 3 new records');
  await expect(preview.locator('table')).toContainText('What is deep learning?');
  await expect(preview).toContainText('Nothing has been saved yet');
  await expect(row(page).locator('[data-cell="first"]')).toHaveText('Not taken yet');
  await page.getByRole('button', { name: 'Merge into my progress' }).click();
  await expect(preview).toContainText('Imported: 3 new records');
  await expect(row(page).locator('[data-cell="first"]')).toContainText(
    'In progress (2 of 9 answered)',
  );
  await expect(page.locator('.nb-review-item[data-question="plant-diseases"]')).toBeVisible();

  // Importing the same file again adds nothing.
  await page.getByLabel('Progress file').setInputFiles(file);
  await expect(preview).toContainText('holds nothing new');

  // And the lesson shows the answers again.
  await page.goto(LESSON);
  await expect(page.locator(quizSel)).toHaveAttribute('data-ready', 'true');
  await expect(
    page.locator(`${quizSel} [data-question="plant-diseases"] .nb-status`),
  ).toContainText('Not quite.');
});

test('a completed quiz shows first and best score on the progress page', async ({ page }) => {
  await page.goto(LESSON);
  await expect(page.locator(quizSel)).toHaveAttribute('data-ready', 'true');
  // Answer every chapter question wrong or right quickly with the mouse (keyboard is covered elsewhere).
  const ids = await page
    .locator(`${quizSel} .nb-question`)
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-question')!));
  for (const id of ids) {
    const q = page.locator(`${quizSel} [data-question="${id}"]`);
    const type = await q.getAttribute('data-type');
    if (type === 'single' || type === 'multiple') await q.locator('input').first().check();
    if (type === 'numeric') await q.locator('input[type="text"]').fill('1000');
    await q.locator('[data-action="check"]').click();
    await expect(q.locator('.nb-verdict')).toBeVisible();
  }
  await expect(page.locator(`${quizSel} .nb-result`)).toBeVisible();
  const headline = (await page.locator(`${quizSel} .nb-result-verdict`).textContent()) ?? '';
  const pct = /\((\d+)\s%\)/.exec(headline)?.[1];
  expect(pct).toBeDefined();
  await openProgress(page);
  await expect(row(page).locator('[data-cell="first"]')).toContainText(`${pct} %`);
  await expect(row(page).locator('[data-cell="attempts"]')).toHaveText('1');
  await expect(row(page).locator('[data-cell="last"]')).not.toHaveText('–');
});

test('the progress page with data passes axe in light and dark', async ({ page }) => {
  await answerSome(page);
  await openProgress(page);
  await page
    .locator('.nb-review-item[data-question="plant-diseases"] [data-action="open-review"]')
    .click();
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
    const axe = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
      .analyze();
    expect(
      axe.violations.map(
        (v) => `${theme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      ),
    ).toEqual([]);
  }
});
