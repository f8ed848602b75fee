// The challenges lesson's probes on the shipped digits CNN: saliency and occlusion, FGSM, the
// draw pad feeding the probe, keyboard use, the lesson's numbers, its widget questions, and no
// long main-thread task (the gradients and sweeps run in a worker). One page load per test.
import { expect, test, type Locator } from '@playwright/test';
import { longTasks, watchLongTasks } from './support/long-tasks.ts';

const PATH = '/practice/challenges/';

const state = (el: Locator) =>
  el.evaluate((e) => (e as unknown as { quizState(): Record<string, unknown> | null }).quizState());

test('saliency and FGSM probes: the lesson numbers, keyboard use, and both widget questions', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(PATH);
  const sal = page.locator('#saliency');
  await sal.scrollIntoViewIfNeeded();
  await expect(sal.getByRole('status')).toContainText('Ready', { timeout: 60_000 });
  // The first test 7: read as 7 (99.8%), and one blanked patch drops it below 5%.
  await expect(sal.locator('[data-nb-summary]')).toContainText('reads this test 7 as 7 (99.8%)');
  const drop = await sal.locator('[data-nb-summary]').textContent();
  expect(Number(/by ([\d.]+)%/.exec(drop ?? '')?.[1])).toBeGreaterThan(94.8);
  // Keyboard: the second 7 is borderline, 52%.
  await sal.getByLabel('Example (1–100)').focus();
  await page.keyboard.press('ArrowUp');
  await expect(sal.locator('[data-nb-summary]')).toContainText('reads this test 7 as 7 (51.8%)');
  // The probe explains another class on request.
  await sal.getByLabel('Explain the class').selectOption('1');
  await expect.poll(async () => (await state(sal))?.['cls']).toBe(1);

  const adv = page.locator('#fgsm');
  await adv.scrollIntoViewIfNeeded();
  await expect(adv.locator('[data-nb-summary]')).toContainText(
    'The smallest ε that turns it into any other digit is 0.130 (it becomes a 2)',
    { timeout: 60_000 },
  );
  // At the starting ε = 0.1 it still reads 7; ε = 0.13 by keyboard (Home, 26 × →) reads a 2.
  await expect.poll(async () => (await state(adv))?.['advPredicted']).toBe(7);
  const eps = adv.getByRole('slider', { name: /ε/ });
  await eps.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 26; i++) await page.keyboard.press('ArrowRight');
  await expect(adv.locator('[data-nb-eps-out]')).toHaveText('0.130');
  await expect.poll(async () => (await state(adv))?.['advPredicted']).toBe(2);
  const quiz = page.locator('nb-quiz[data-quiz="challenges"]');
  const flipQ = quiz.locator('.nb-question[data-question="flip-a-seven"]');
  await flipQ.locator('[data-action="check"]').click();
  await expect(flipQ.locator('.nb-status')).toContainText('Correct');
  // Targeted at 3: needs ε ≥ 0.13, which is where the slider is.
  await adv.getByLabel('Attack').selectOption('3');
  await expect.poll(async () => (await state(adv))?.['advPredicted']).toBe(3);
  await expect(adv.locator('[data-nb-summary]')).toContainText('a 3 is 0.130');
  const targetQ = quiz.locator('.nb-question[data-question="targeted-attack"]');
  await targetQ.locator('[data-action="check"]').click();
  await expect(targetQ.locator('.nb-status')).toContainText('Correct');
});

test('a drawing from the pad goes to the probe, which returns its ten probabilities', async ({
  page,
}) => {
  await page.goto(PATH);
  const sal = page.locator('#saliency');
  await sal.scrollIntoViewIfNeeded();
  await expect(sal.getByRole('status')).toContainText('Ready', { timeout: 60_000 });
  // A vertical bar, like a 1, through the classifyDigit contract the draw pad uses.
  const probs = await sal.evaluate(async (el) => {
    const img = new Float32Array(784);
    for (let r = 4; r < 24; r++) for (let c = 13; c < 16; c++) img[r * 28 + c] = 1;
    const p = await (
      el as unknown as { classifyDigit(i: Float32Array): Promise<Float32Array> }
    ).classifyDigit(img);
    return Array.from(p);
  });
  expect(probs).toHaveLength(10);
  expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
  expect(probs.indexOf(Math.max(...probs))).toBe(1);
  await expect(sal.locator('[data-nb-summary]')).toContainText('reads your drawing as 1');
  await expect(sal.getByRole('button', { name: 'Back to the test digit' })).toBeVisible();
});

test('moving ε runs no main-thread task over 50 ms @timing', async ({ page }) => {
  await page.goto(PATH);
  const adv = page.locator('#fgsm');
  await adv.scrollIntoViewIfNeeded();
  await expect(adv.locator('[data-nb-summary]')).toContainText('smallest ε', { timeout: 60_000 });
  await watchLongTasks(page);
  const eps = adv.getByRole('slider', { name: /ε/ });
  await eps.focus();
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(1000);
  const long = await longTasks(page);
  expect(long.filter((d) => d > 50)).toEqual([]);
});
