// The neuron lesson: each widget does what the text says, by keyboard, with no axe violations.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { watchPage } from './support/site.ts';

const PATH = '/foundations/the-neuron/';

async function boundaryEnds(page: Page, id: string): Promise<string> {
  const line = page.locator(`#${id} line.boundary`);
  return [
    await line.getAttribute('x1'),
    await line.getAttribute('y1'),
    await line.getAttribute('x2'),
    await line.getAttribute('y2'),
  ].join(',');
}

test.describe('the neuron lesson', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`loads cleanly and passes axe after use (${theme})`, async ({ page, baseURL }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      const problems = watchPage(page, baseURL!);
      await page.goto(PATH);
      await expect(page.locator('#neuron-explorer line.boundary')).toHaveCount(1);
      // Check the states the text describes: an update shown as numbers, and the XOR loop.
      await page
        .locator('#perceptron-separable')
        .getByRole('button', { name: 'Next update' })
        .click();
      await page.locator('#perceptron-xor').getByRole('button', { name: 'Run to the end' }).click();
      await expect(page.locator('#perceptron-xor [data-reason]')).toBeVisible();
      expect(await page.locator('.katex').count()).toBeGreaterThan(10);
      await expect(page.locator('.katex-error')).toHaveCount(0);
      const axe = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
        .analyze();
      expect(
        axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
      ).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.failedRequests).toEqual([]);
      expect(problems.foreignRequests).toEqual([]);
    });
  }

  test('neuron explorer: moving a slider by keyboard moves the decision line', async ({ page }) => {
    await page.goto(PATH);
    const w = page.locator('#neuron-explorer');
    await expect(w.locator('line.boundary')).toHaveCount(1);
    // Starts at w = (1, 0), b = 0: the vertical line x₁ = 0.
    const start = await boundaryEnds(page, 'neuron-explorer');
    const bias = w.getByLabel('Bias b');
    await bias.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(w.locator('output[data-out="b"]')).toHaveText('0.2');
    await expect(w.locator('[data-formula]')).toHaveText('z = 1·x₁ + 0·x₂ + 0.2');
    const shifted = await boundaryEnds(page, 'neuron-explorer');
    expect(shifted).not.toBe(start);
    // The bias only shifts the line: it stays vertical (x1 = x2).
    const [x1, , x2] = shifted.split(',').map(Number);
    expect(x1).toBeCloseTo(x2!, 6);
    // w₂ rotates it.
    const w2 = w.getByLabel('Weight w₂ (input x₂)');
    await w2.focus();
    await page.keyboard.press('ArrowRight');
    const rotated = (await boundaryEnds(page, 'neuron-explorer')).split(',').map(Number);
    expect(Math.abs(rotated[0]! - rotated[2]!)).toBeGreaterThan(1);
  });

  test('neuron explorer: the starting line misclassifies some points, the true weights none', async ({
    page,
  }) => {
    await page.goto(PATH);
    const w = page.locator('#neuron-explorer');
    await expect(w.locator('line.boundary')).toHaveCount(1);
    await expect(w.locator('[data-status]')).toContainText('of 20 points are on their own side');
    const before = Number(await w.getAttribute('data-correct'));
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(20);
    expect(await w.locator('.pt.wrong').count()).toBe(20 - before);
    await w.getByLabel('Weight w₁ (input x₁)').fill('-1');
    await w.getByLabel('Weight w₂ (input x₂)').fill('1.5');
    await w.getByLabel('Bias b').fill('0.2');
    await expect(w.locator('[data-status]')).toHaveText(
      'All 20 points are on their own side of the line.',
    );
    await expect(w.locator('.pt.wrong')).toHaveCount(0);
    const state = await w.evaluate((el) => (el as unknown as { quizState(): unknown }).quizState());
    expect(state).toEqual({ w1: -1, w2: 1.5, b: 0.2, correct: 20, total: 20 });
    await w.getByRole('button', { name: 'Reset' }).click();
    await expect(w.getByLabel('Bias b')).toHaveValue('0');
  });

  test('perceptron on separable data converges after 10 updates, stepping by keyboard', async ({
    page,
  }) => {
    await page.goto(PATH);
    const w = page.locator('#perceptron-separable');
    const next = w.getByRole('button', { name: 'Next update' });
    await next.focus();
    await page.keyboard.press('Enter');
    // The first update: a misclassified point highlighted, the update shown as numbers.
    await expect(w.locator('.pt.hi')).toHaveCount(1);
    await expect(w.locator('[data-visit]')).toContainText('so the neuron says ŷ = ');
    await expect(w.locator('[data-rows] tr')).toHaveCount(3);
    await expect(w.locator('[data-status]')).toContainText('1 update so far');
    for (let i = 2; i <= 10; i++) {
      await page.keyboard.press('Enter');
      await expect(w.locator('[data-status]')).toContainText(`${i} updates so far`);
    }
    // One more press finds no mistake in a whole pass: converged, with 10 updates.
    await page.keyboard.press('Enter');
    await expect(w.locator('[data-status]')).toContainText('Converged after 10 updates');
    await expect(w).toHaveAttribute('data-outcome', 'converged');
    await expect(next).toBeDisabled();
    await expect(w.locator('.pt.wrong')).toHaveCount(0);
    // Focus moved to Reset, which restarts training.
    await page.keyboard.press('Enter');
    await expect(w.locator('[data-status]')).toContainText('All weights start at 0');
    await w.getByRole('button', { name: 'Run to the end' }).click();
    await expect(w).toHaveAttribute('data-updates', '10');
  });

  test('perceptron on XOR never converges: it loops from pass 3 with w = (−1, 0), b = 0', async ({
    page,
  }) => {
    await page.goto(PATH);
    const w = page.locator('#perceptron-xor');
    await expect(w.locator('[data-reason]')).toBeHidden();
    await w.getByRole('button', { name: 'Run to the end' }).click();
    await expect(w).toHaveAttribute('data-outcome', 'cycle');
    await expect(w.locator('[data-status]')).toContainText('Stuck in a loop after 10 updates');
    await expect(w.locator('[data-status]')).toContainText(
      'start of pass 4 (w₁ = −1, w₂ = 0, b = 0) are exactly those at the start of pass 3',
    );
    await expect(w.locator('[data-reason]')).toBeVisible();
    // At least one XOR point is always on the wrong side.
    expect(await w.locator('.pt.wrong').count()).toBeGreaterThan(0);
    const state = await w.evaluate((el) => (el as unknown as { quizState(): unknown }).quizState());
    expect(state).toMatchObject({ data: 'xor', converged: false, cycle: true, updates: 10 });
  });
});
