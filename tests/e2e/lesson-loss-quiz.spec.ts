// The loss lesson's chapter quiz and inline check: answered with the keyboard only, widget
// questions included (explorer and line fit set by keyboard), and scored.
import { test, expect } from '@playwright/test';
import { answerByKeyboard, press, quizQuestions } from './lessons-quiz-keyboard.ts';

const PATH = '/foundations/loss-and-gradient-descent/';

test('the chapter quiz is answerable by keyboard and scored (one wrong answer costs a point)', async ({
  page,
}) => {
  await page.goto(PATH);
  const quiz = page.locator('nb-quiz[data-quiz="loss-and-gradient-descent"]');
  const questions = quizQuestions('loss-and-gradient-descent').filter((q) => !q.inline);
  expect(questions.length).toBeGreaterThanOrEqual(8);
  expect(new Set(questions.map((q) => q.type)).size).toBeGreaterThanOrEqual(5);

  // Explorer: the valley, η = 0.479 (slider position 268), by keyboard.
  const explorer = page.locator('#descent');
  await expect(explorer).toHaveAttribute('data-ready', 'true');
  await explorer.getByLabel('Loss surface').focus();
  await page.keyboard.press('ArrowDown');
  await expect(explorer.getByLabel('Loss surface')).toHaveValue('valley');
  await explorer.getByRole('slider', { name: /Learning rate/ }).focus();
  for (let i = 0; i < 68; i++) await page.keyboard.press('ArrowRight');
  await expect(explorer.locator('output[data-out="lr"]')).toHaveText('0.479');
  await expect(explorer.locator('[data-verdict="a"]')).toHaveAttribute('data-kind', 'converged');
  // Line fit: full batch and the largest rate (1.5), by keyboard.
  const fit = page.locator('#line-fit');
  await fit.getByLabel('Batch size').focus();
  await page.keyboard.press('End');
  await fit.getByLabel('Learning rate η').focus();
  await page.keyboard.press('End');
  await expect(fit.getByLabel('Batch size')).toHaveValue('40');
  await expect(fit.getByLabel('Learning rate η')).toHaveValue('1.5');

  for (const q of questions) {
    const root = quiz.locator(`.nb-question[data-question="${q.id}"]`);
    // The one deliberate mistake: the sum of squared errors instead of the mean.
    const wrong = q.id === 'mse-by-hand' ? '5' : undefined;
    await answerByKeyboard(page, root, q, wrong);
    if (wrong) await expect(root.locator('.nb-status')).toContainText('sum');
    else await expect(root.locator('.nb-status')).toContainText('Correct');
  }
  const verdict = quiz.locator('.nb-result-verdict');
  await expect(verdict).toContainText(`${questions.length - 1} of ${questions.length} points`);
  await expect(verdict).toHaveAttribute('data-passed', 'true');
  await expect(quiz.locator('.nb-revisit-list')).toContainText('Squared error: SSE and MSE');
});

test('the widget questions explain what is missing', async ({ page }) => {
  await page.goto(PATH);
  await expect(page.locator('#descent')).toHaveAttribute('data-ready', 'true');
  const valley = page.locator('nb-quiz .nb-question[data-question="valley-largest-rate"]');
  await press(page, valley.locator('[data-action="check"]'));
  await expect(valley.locator('.nb-status')).toContainText('elongated valley');
  const diverge = page.locator('nb-quiz .nb-question[data-question="full-batch-diverges"]');
  await press(page, diverge.locator('[data-action="check"]'));
  await expect(diverge.locator('.nb-status')).toContainText('Set the batch size to 40');
});

test('the inline checks answer by keyboard', async ({ page }) => {
  await page.goto(PATH);
  const all = quizQuestions('loss-and-gradient-descent').filter((q) => q.inline);
  expect(all.length).toBe(2);
  for (const q of all) {
    const root = page.locator(`nb-check .nb-question[data-question="${q.id}"]`);
    await answerByKeyboard(page, root, q);
    await expect(root.locator('.nb-status')).toContainText('Correct.');
    await expect(root.locator('.nb-explanation')).toBeVisible();
  }
});
