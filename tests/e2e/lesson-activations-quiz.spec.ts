// The activation-functions lesson's chapter quiz and inline checks: keyboard only, scored.
import { test, expect } from '@playwright/test';
import { answerByKeyboard, press, quizQuestions } from './lessons-quiz-keyboard.ts';

const PATH = '/foundations/activation-functions/';

test('the chapter quiz is answerable by keyboard and scored (one wrong answer costs a point)', async ({
  page,
}) => {
  await page.goto(PATH);
  const quiz = page.locator('nb-quiz[data-quiz="activation-functions"]');
  const questions = quizQuestions('activation-functions').filter((q) => !q.inline);
  expect(questions.length).toBeGreaterThanOrEqual(8);
  expect(new Set(questions.map((q) => q.type)).size).toBeGreaterThanOrEqual(4);
  expect(questions.some((q) => q.type === 'widget')).toBe(true);

  // The widget question: Tanh at a positive x with slope ≤ 0.01, set by keyboard.
  const explorer = page.locator('#activation-explorer');
  await expect(explorer.locator('path.f')).toHaveCount(1);
  await explorer.getByLabel('Activation').focus();
  await page.keyboard.press('ArrowDown');
  await expect(explorer.getByLabel('Activation')).toHaveValue('tanh');
  await explorer.getByRole('slider', { name: 'Input x' }).focus();
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
  await expect(explorer.locator('[data-out="slope"]')).toHaveText('0.010');

  for (const q of questions) {
    const root = quiz.locator(`.nb-question[data-question="${q.id}"]`);
    // The one deliberate mistake: the sigmoid's value at 0 instead of its slope.
    const wrong = q.id === 'sigmoid-peak-slope' ? '0.5' : undefined;
    await answerByKeyboard(page, root, q, wrong);
    if (wrong) await expect(root.locator('.nb-status')).toContainText('That is the value');
    else await expect(root.locator('.nb-status')).toContainText('Correct.');
  }
  const verdict = quiz.locator('.nb-result-verdict');
  await expect(verdict).toContainText(`${questions.length - 1} of ${questions.length} points`);
  await expect(verdict).toHaveAttribute('data-passed', 'true');
  await expect(quiz.locator('.nb-revisit-list')).toContainText('The sigmoid');
});

test('the widget question fails for the wrong activation and says so', async ({ page }) => {
  await page.goto(PATH);
  const root = page.locator('nb-quiz .nb-question[data-question="tanh-saturates"]');
  await expect(page.locator('#activation-explorer path.f')).toHaveCount(1);
  await press(page, root.locator('[data-action="check"]'));
  await expect(root.locator('.nb-status')).toContainText('Select Tanh in the explorer first');
});

test('the inline checks answer by keyboard', async ({ page }) => {
  await page.goto(PATH);
  const all = quizQuestions('activation-functions').filter((q) => q.inline);
  expect(all.length).toBe(2);
  for (const q of all) {
    const root = page.locator(`nb-check .nb-question[data-question="${q.id}"]`);
    await answerByKeyboard(page, root, q);
    await expect(root.locator('.nb-status')).toContainText('Correct.');
  }
});
