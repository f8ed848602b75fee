// The backpropagation lesson's chapter quiz and inline checks: answered with the keyboard only,
// widget questions included, and scored.
import { test, expect } from '@playwright/test';
import { answerByKeyboard, press, quizQuestions } from './lessons-quiz-keyboard.ts';

const PATH = '/foundations/backpropagation/';

test('the chapter quiz is answerable by keyboard and scored (one wrong answer costs a point)', async ({
  page,
}) => {
  await page.goto(PATH);
  const quiz = page.locator('nb-quiz[data-quiz="backpropagation"]');
  const questions = quizQuestions('backpropagation').filter((q) => !q.inline);
  expect(questions.length).toBeGreaterThanOrEqual(8);
  expect(new Set(questions.map((q) => q.type)).size).toBeGreaterThanOrEqual(5);

  // Widget questions: step the graph to ∂L/∂w1 (step 17) and pick an extreme ε, by keyboard.
  // Both figures load their element code as they near the viewport: wait for the upgrade before
  // pressing keys (keys pressed earlier reach a plain element; a run at 01:30 lost them so).
  const graph = page.locator('#backprop-graph');
  await graph.scrollIntoViewIfNeeded();
  await expect.poll(() => graph.evaluate((el) => 'quizState' in el)).toBe(true);
  await graph.getByRole('button', { name: 'Next step' }).focus();
  for (let i = 0; i < 17; i++) await page.keyboard.press('ArrowRight');
  await expect(graph.locator('[data-nb-live]')).toContainText('∂L/∂w1');
  const check = page.locator('#gradient-check');
  await check.scrollIntoViewIfNeeded();
  await expect.poll(() => check.evaluate((el) => 'quizState' in el)).toBe(true);
  await check.getByRole('slider', { name: /Step size/ }).focus();
  await page.keyboard.press('End');
  await expect(check.locator('[data-nb-verdict]')).toHaveAttribute('data-verdict', 'fail');

  for (const q of questions) {
    const root = quiz.locator(`.nb-question[data-question="${q.id}"]`);
    // The one deliberate mistake: dropping the sign of the upstream gradient.
    const wrong = q.id === 'w2-gradient' ? '0.0092' : undefined;
    await answerByKeyboard(page, root, q, wrong);
    if (wrong) await expect(root.locator('.nb-status')).toContainText('Check the sign');
    else if (q.type !== 'ordering')
      await expect(root.locator('.nb-status')).toContainText('Correct');
  }
  const verdict = quiz.locator('.nb-result-verdict');
  await expect(verdict).toContainText(`${questions.length - 1} of ${questions.length} points`);
  await expect(verdict).toHaveAttribute('data-passed', 'true');
  await expect(quiz.locator('.nb-revisit-list')).toContainText('The backward pass');
});

test('the widget questions fail until the widgets are set, and say why', async ({ page }) => {
  await page.goto(PATH);
  const step = page.locator('nb-quiz .nb-question[data-question="graph-w1-step"]');
  await expect(page.locator('#backprop-graph')).toHaveClass(/is-stepping/);
  await press(page, step.locator('[data-action="check"]'));
  await expect(step.locator('.nb-status')).toContainText('Step through the graph');
  const eps = page.locator('nb-quiz .nb-question[data-question="check-fails-correct"]');
  await press(page, eps.locator('[data-action="check"]'));
  await expect(eps.locator('.nb-status')).toContainText('does not fail');
});

test('the inline checks answer by keyboard', async ({ page }) => {
  await page.goto(PATH);
  const all = quizQuestions('backpropagation').filter((q) => q.inline);
  expect(all.length).toBe(2);
  for (const q of all) {
    const root = page.locator(`nb-check .nb-question[data-question="${q.id}"]`);
    await answerByKeyboard(page, root, q);
    await expect(root.locator('.nb-status')).toContainText('Correct.');
    await expect(root.locator('.nb-explanation')).toBeVisible();
  }
});
