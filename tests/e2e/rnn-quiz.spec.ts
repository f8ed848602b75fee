// The recurrent-neural-networks lesson's chapter quiz and inline checks, by keyboard only: the
// widget questions are answered by setting the widgets with the keyboard; the memory-task
// question is checked before training and fails with a message saying why.
import { test, expect } from '@playwright/test';
import { answerByKeyboard, press, quizQuestions } from './lessons-quiz-keyboard.ts';

const PATH = '/recurrent-networks/recurrent-neural-networks/';

test('the chapter quiz is answerable by keyboard and scored (the untrained memory task costs a point)', async ({
  page,
}) => {
  await page.goto(PATH);
  const quiz = page.locator('nb-quiz[data-quiz="recurrent-neural-networks"]');
  // The quiz loads its code when it nears the viewport.
  await quiz.scrollIntoViewIfNeeded();
  await expect(quiz).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  const questions = quizQuestions('recurrent-neural-networks').filter((q) => !q.inline);
  expect(questions.length).toBeGreaterThanOrEqual(10);
  expect(new Set(questions.map((q) => q.type)).size).toBe(5);
  expect(questions.filter((q) => q.type === 'widget').length).toBeGreaterThanOrEqual(3);

  const stepper = page.locator('#rnn-stepper');
  const vg = page.locator('#vanishing-gradient');
  const setup: Record<string, () => Promise<void>> = {
    'stepper-flip': async () => {
      await stepper.getByLabel('Input sequence').focus();
      await page.keyboard.press('ArrowDown');
      await press(page, stepper.getByRole('button', { name: 'Next step' }));
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
      await expect(stepper.locator('[data-rnn-counter]')).toHaveText('Step 4 of 6');
    },
    'vanishing-window': async () => {
      await vg.getByRole('slider', { name: 'Sequence length T' }).focus();
      for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
      await expect(vg.locator('output[data-vg-out="length"]')).toHaveText('60');
    },
    exploding: async () => {
      await vg.getByRole('slider', { name: 'RNN weight gain' }).focus();
      await page.keyboard.press('End');
      await expect(vg.locator('output[data-vg-out="gain"]')).toHaveText('3.0');
    },
    'memory-gap': async () => {
      const mem = page.locator('#memory-task');
      await mem.scrollIntoViewIfNeeded();
      // The worker has reported its untrained state (the element mirrors it in data-running).
      await expect(mem).toHaveAttribute('data-running', 'false');
    },
  };
  for (const q of questions) {
    const root = quiz.locator(`.nb-question[data-question="${q.id}"]`);
    await setup[q.id]?.();
    await answerByKeyboard(page, root, q);
    if (q.id === 'memory-gap')
      await expect(root.locator('.nb-status')).toContainText('Delay 20 has no results yet');
    else await expect(root.locator('.nb-status'), q.id).toContainText('Correct.');
  }
  const verdict = quiz.locator('.nb-result-verdict');
  await expect(verdict).toContainText(`${questions.length - 1} of ${questions.length} points`);
  await expect(verdict).toHaveAttribute('data-passed', 'true');
});

test('the inline checks answer by keyboard', async ({ page }) => {
  await page.goto(PATH);
  const all = quizQuestions('recurrent-neural-networks').filter((q) => q.inline);
  expect(all.length).toBe(2);
  for (const q of all) {
    const check = page.locator('nb-check', {
      has: page.locator(`.nb-question[data-question="${q.id}"]`),
    });
    // Each check loads its code when it nears the viewport.
    await check.scrollIntoViewIfNeeded();
    await expect(check).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
    const root = check.locator(`.nb-question[data-question="${q.id}"]`);
    await answerByKeyboard(page, root, q);
    await expect(root.locator('.nb-status')).toContainText('Correct.');
  }
});

test('widget questions lead to their figure and back; stepper and gradient view are restored after reload', async ({
  page,
}) => {
  await page.goto(PATH);
  const quiz = page.locator('nb-quiz[data-quiz="recurrent-neural-networks"]');
  await quiz.scrollIntoViewIfNeeded();
  await expect(quiz).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  // Go to the stepper from its question, set "A pulse, later its opposite" at step 4, come back.
  const q = quiz.locator('.nb-question[data-question="stepper-flip"]');
  const go = q.getByRole('link', { name: 'Go to the figure' });
  await go.focus();
  await page.keyboard.press('Enter');
  const stepper = page.locator('#rnn-stepper');
  await expect(stepper).toBeInViewport();
  await stepper.getByLabel('Input sequence').focus();
  await page.keyboard.press('ArrowDown');
  await stepper.getByRole('button', { name: 'Last step' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(stepper.locator('[data-rnn-counter]')).toHaveText('Step 4 of 6');
  await page.getByRole('link', { name: 'Back to the question' }).click();
  await expect(q.locator('[data-action="check"]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(q.locator('.nb-status')).toContainText('Correct.');
  // The gradient view's exploding question, answered with gain 3.
  const vg = page.locator('#vanishing-gradient');
  await vg.getByRole('slider', { name: 'RNN weight gain' }).focus();
  await page.keyboard.press('End');
  const ex = quiz.locator('.nb-question[data-question="exploding"]');
  await ex.locator('[data-action="check"]').focus();
  await page.keyboard.press('Enter');
  await expect(ex.locator('.nb-status')).toContainText('Correct.');
  // After a reload (without the query string) both figures show the graded state again.
  await page.goto(PATH);
  await quiz.scrollIntoViewIfNeeded();
  await expect(quiz).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(q.locator('.nb-status')).toContainText('Correct.');
  await expect(stepper.getByLabel('Input sequence')).toHaveValue('flip');
  await expect(stepper.locator('[data-rnn-counter]')).toHaveText('Step 4 of 6');
  await expect(vg.locator('output[data-vg-out="gain"]')).toHaveText('3.0');
  await expect(q.locator('.nb-figure-reset')).toHaveCount(0);
  await expect(ex.locator('.nb-figure-reset')).toHaveCount(0);
});
