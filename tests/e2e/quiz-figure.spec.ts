// Issue 16, in the browser: a widget question's "Go to the figure" link puts focus in the figure
// and shows "Back to the question" there, which returns to the question; after a reload a graded
// widget question puts its figure back into the graded state; an exact numeric answer reads "The
// answer is 4" (no "±0"); the home page links to the progress page once something is answered.
// One page session per test, several checks each, to keep the suite cheap.
import { test, expect } from '@playwright/test';

const LESSON = '/foundations/what-is-deep-learning/';
const quizSel = 'nb-quiz[data-quiz="what-is-deep-learning"]';

test('go to the figure and back, graded state restored after reload, exact answers, home link', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await expect(page.locator('[data-nb-your-progress]')).toBeHidden();

  await page.goto(LESSON);
  await expect(page.locator(quizSel)).toHaveAttribute('data-ready', 'true');
  const q = page.locator(`${quizSel} .nb-question[data-question="and-unit"]`);
  const go = q.getByRole('link', { name: 'Go to the figure' });
  await go.scrollIntoViewIfNeeded();
  await go.focus();
  await page.keyboard.press('Enter');
  // Focus lands on the figure's first control, and the figure is on screen.
  await expect(page.locator('#and-unit-w1')).toBeFocused();
  await expect(page.locator('#and-unit')).toBeInViewport();
  const back = page.getByRole('link', { name: 'Back to the question' });
  await expect(back).toBeVisible();
  await expect(back).toBeInViewport();
  // Set AND: b from −0.5 to −1.5.
  await page.locator('#and-unit-b').focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('#and-unit [data-summary]')).toContainText('0, 0, 0, 1');
  await back.click();
  await expect(q.locator('[data-action="check"]')).toBeFocused();
  await expect(q).toBeInViewport();
  await expect(back).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(q.locator('.nb-status')).toContainText('Correct.');

  // An exact numeric answer: "The answer is 4." with no tolerance.
  const depth = page.locator(`${quizSel} .nb-question[data-question="depth-of-network"]`);
  await depth.locator('input[type="text"]').fill('5');
  await depth.locator('[data-action="check"]').click();
  await expect(depth.locator('.nb-status')).toContainText('The answer is 4.');
  await expect(depth.locator('.nb-status')).not.toContainText('±');

  // After a reload the sliders show the graded setting again, without a "changed" notice.
  await page.reload();
  await expect(page.locator(quizSel)).toHaveAttribute('data-ready', 'true');
  await expect(q.locator('.nb-status')).toContainText('Correct.');
  await expect(page.locator('#and-unit-b')).toHaveValue('-1.5');
  await expect(page.locator('#and-unit [data-summary]')).toContainText('0, 0, 0, 1');
  await expect(q.locator('.nb-stale')).toHaveCount(0);
  await expect(q.locator('.nb-figure-reset')).toHaveCount(0);

  // The home page now links to the progress page.
  await page.goto('/');
  const link = page.locator('[data-nb-your-progress]');
  await expect(link).toBeVisible();
  await expect(link.getByRole('link', { name: 'Your progress' })).toHaveAttribute(
    'href',
    /\/progress\/$/,
  );
  await expect(link).toContainText('2 questions answered');
});

test('a figure that cannot be restored says it was reset', async ({ page }) => {
  await page.goto('/foundations/the-neuron/');
  const quiz = page.locator('nb-quiz[data-quiz="the-neuron"]');
  await expect(quiz).toHaveAttribute('data-ready', 'true');
  const q = quiz.locator('.nb-question[data-question="xor-loop"]');
  await page
    .locator('#perceptron-xor')
    .getByRole('button', { name: /Run to the end/ })
    .click();
  await q.locator('[data-action="check"]').click();
  await expect(q.locator('.nb-status')).toContainText('Correct.');
  await page.reload();
  await expect(quiz).toHaveAttribute('data-ready', 'true');
  await expect(q.locator('.nb-figure-reset')).toContainText('The figure was reset');
});
