// The neuron lesson's chapter quiz and inline checks: answered with the keyboard only, scored.
import { test, expect } from '@playwright/test';
import { answerByKeyboard, press, quizQuestions } from './lessons-quiz-keyboard.ts';

const PATH = '/foundations/the-neuron/';

test('the chapter quiz is answerable by keyboard and scored (one wrong answer costs a point)', async ({
  page,
}) => {
  await page.goto(PATH);
  const quiz = page.locator('nb-quiz[data-quiz="the-neuron"]');
  const questions = quizQuestions('the-neuron').filter((q) => !q.inline);
  expect(questions.length).toBeGreaterThanOrEqual(8);
  expect(new Set(questions.map((q) => q.type)).size).toBeGreaterThanOrEqual(4);

  // Widget questions: set the widgets up by keyboard first.
  const explorer = page.locator('#neuron-explorer');
  await expect(explorer.locator('line.boundary')).toHaveCount(1);
  const slide = async (label: string, key: string, times: number): Promise<void> => {
    await explorer.getByLabel(label).focus();
    for (let i = 0; i < times; i++) await page.keyboard.press(key);
  };
  await slide('Weight w₁ (input x₁)', 'ArrowLeft', 20);
  await slide('Weight w₂ (input x₂)', 'ArrowRight', 15);
  await slide('Bias b', 'ArrowRight', 2);
  await expect(explorer.locator('[data-status]')).toHaveText(
    'All 20 points are on their own side of the line.',
  );
  await press(
    page,
    page.locator('#perceptron-xor').getByRole('button', { name: 'Run to the end' }),
  );
  await expect(page.locator('#perceptron-xor')).toHaveAttribute('data-outcome', 'cycle');

  for (const q of questions) {
    const root = quiz.locator(`.nb-question[data-question="${q.id}"]`);
    // The one deliberate mistake: forgetting the bias in the weighted sum.
    const wrong = q.id === 'weighted-sum' ? '-4.5' : undefined;
    await answerByKeyboard(page, root, q, wrong);
    if (wrong) await expect(root.locator('.nb-status')).toContainText('You left out the bias');
  }
  const verdict = quiz.locator('.nb-result-verdict');
  await expect(verdict).toContainText(`${questions.length - 1} of ${questions.length} points`);
  await expect(verdict).toHaveAttribute('data-passed', 'true');
  await expect(quiz.locator('.nb-revisit-list')).toContainText('From inputs to one number');
});

test('a widget question fails until the widget is set, and says why', async ({ page }) => {
  await page.goto(PATH);
  const root = page.locator('nb-quiz .nb-question[data-question="explorer-separate"]');
  await expect(page.locator('#neuron-explorer line.boundary')).toHaveCount(1);
  await press(page, root.locator('[data-action="check"]'));
  await expect(root.locator('.nb-status')).toContainText('of 20 points are on their own side');
});

test('the inline checks answer by keyboard', async ({ page }) => {
  await page.goto(PATH);
  const all = quizQuestions('the-neuron').filter((q) => q.inline);
  expect(all.length).toBe(2);
  for (const q of all) {
    const root = page.locator(`nb-check .nb-question[data-question="${q.id}"]`);
    await answerByKeyboard(page, root, q);
    await expect(root.locator('.nb-status')).toContainText('Correct.');
    await expect(root.locator('.nb-explanation')).toBeVisible();
  }
});
