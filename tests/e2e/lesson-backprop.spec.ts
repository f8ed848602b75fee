// The backpropagation lesson: every claim its text makes about the step-through graph and the
// gradient check, checked in the browser. The graph's gradients are compared with tf.grads
// computed here in Node (tfjs cpu backend) from the numbers the page shows.
import { test, expect, type Page } from '@playwright/test';
import * as tf from '@tensorflow/tfjs';
import { watchPage } from './support/site.ts';

const lesson = '/foundations/backpropagation/';

/** tf.grads of ½(σ(w5·σ(w1x1+w2x2+b1) + w6·σ(w3x1+w4x2+b2) + b3) − y)² for all 9 params and x. */
async function tfGrads(v: Record<string, number>): Promise<Record<string, number>> {
  await tf.setBackend('cpu');
  const names = ['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'b1', 'b2', 'b3', 'x1', 'x2'];
  return tf.tidy(() => {
    const f = (...t: tf.Tensor[]): tf.Tensor => {
      const [w1, w2, w3, w4, w5, w6, b1, b2, b3, x1, x2] = t as tf.Scalar[] as [
        tf.Scalar,
        tf.Scalar,
        tf.Scalar,
        tf.Scalar,
        tf.Scalar,
        tf.Scalar,
        tf.Scalar,
        tf.Scalar,
        tf.Scalar,
        tf.Scalar,
        tf.Scalar,
      ];
      const h1 = tf.sigmoid(w1.mul(x1).add(w2.mul(x2)).add(b1));
      const h2 = tf.sigmoid(w3.mul(x1).add(w4.mul(x2)).add(b2));
      const yhat = tf.sigmoid(w5.mul(h1).add(w6.mul(h2)).add(b3));
      return yhat.sub(v['y']!).square().mul(0.5);
    };
    const g = tf.grads(f)(names.map((n) => tf.scalar(v[n]!)));
    return Object.fromEntries(names.map((n, i) => [n, g[i]!.dataSync()[0]!]));
  });
}

const graph = (page: Page) => page.locator('[data-nb-widget="backprop-graph"]');
const node = (page: Page, id: string) => graph(page).locator(`g[data-node="${id}"]`);
/** Parses the number a label shows ("∂ −0.018367" → −0.018367). */
const shown = (s: string | null): number =>
  Number((s ?? '').replace('∂', '').replace('−', '-').trim());

test('the graph shows gradients equal to tf.grads to 1e-6', async ({ page }) => {
  await page.goto(lesson);
  const values: Record<string, number> = {};
  for (const id of ['x1', 'x2', 'y', 'w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'b1', 'b2', 'b3']) {
    values[id] = shown(await node(page, id).locator('.nb-node-value').textContent());
  }
  expect(values).toMatchObject({ x1: 1, x2: 0.5, y: 1, w1: 0.4, w2: -0.6, w6: -0.5 });
  const expected = await tfGrads(values);
  await graph(page).getByRole('button', { name: 'Last step' }).click();
  for (const [id, g] of Object.entries(expected)) {
    const label = node(page, id).locator('.nb-node-grad');
    await expect(label, id).toBeVisible();
    expect(Math.abs(shown(await label.textContent()) - g), `${id} shown`).toBeLessThanOrEqual(1e-6);
    const exact = Number(await label.getAttribute('data-grad'));
    expect(Math.abs(exact - g), `${id} exact`).toBeLessThan(1e-6);
    const cell = graph(page).locator(`tr[data-node="${id}"] td[data-grad]`);
    expect(Math.abs(shown(await cell.textContent()) - g), `${id} table`).toBeLessThanOrEqual(1e-6);
  }
  expect(tf.memory().numTensors).toBe(0);
});

test('the graph steps forward node by node, then backward, from the keyboard', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL!);
  await page.goto(lesson);
  const g = graph(page);
  const live = g.locator('[data-nb-live]');
  // Before the first step only inputs, target and parameters are known.
  await expect(g.locator('[data-nb-counter]')).toHaveText('Start (0 of 24 steps)');
  await expect(node(page, 'z1').locator('.nb-node-value')).toBeHidden();
  await expect(node(page, 'w1').locator('.nb-node-value')).toBeVisible();
  await expect(node(page, 'w1').locator('.nb-node-grad')).toBeHidden();

  await g.getByRole('button', { name: 'Next step' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(live).toContainText('Step 1 of 24. Forward: z1 = w1·x1 + w2·x2 + b1 = 0.2000');
  await expect(node(page, 'z1')).toHaveClass(/is-current/);
  await expect(g.locator('[data-edge="w1-z1"]')).toHaveClass(/is-active/);
  await expect(g.locator('li.is-current .katex').first()).toBeVisible();
  await expect(node(page, 'h1').locator('.nb-node-value')).toBeHidden();

  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  await expect(g.locator('[data-nb-counter]')).toHaveText('Step 7 of 24 (forward pass)');
  await expect(live).toContainText('L = ½(ŷ − y)² = ½(0.5680 − 1.0000)² = 0.093316');
  await expect(node(page, 'L').locator('.nb-node-value')).toBeVisible();
  await expect(g.locator('.nb-node-grad:visible')).toHaveCount(0);

  await page.keyboard.press('ArrowRight');
  await expect(g.locator('[data-nb-counter]')).toHaveText('Step 8 of 24 (backward pass)');
  await expect(live).toContainText('∂L/∂ŷ = ŷ − y = -0.432010');
  await expect(node(page, 'yhat').locator('.nb-node-grad')).toBeVisible();
  await expect(node(page, 'w1').locator('.nb-node-grad')).toBeHidden();

  // Each weight's step shows the product of local derivatives along its path.
  while (!((await live.textContent()) ?? '').includes('∂L/∂w1'))
    await page.keyboard.press('ArrowRight');
  await expect(g.locator('li.is-current .nb-path .katex')).toBeVisible();
  await expect(node(page, 'w1').locator('.nb-node-grad')).toHaveText('∂ -0.018367');

  await page.keyboard.press('End');
  await expect(live).toContainText('x2 reaches L along two paths');
  await expect(g.locator('[data-nb-counter]')).toHaveText('Step 24 of 24 (backward pass)');
  await page.keyboard.press('ArrowLeft');
  await expect(g.locator('[data-nb-counter]')).toHaveText('Step 23 of 24 (backward pass)');
  await page.keyboard.press('Home');
  await expect(g.locator('[data-nb-counter]')).toHaveText('Start (0 of 24 steps)');
  expect(problems.consoleErrors).toEqual([]);
});

test('the gradient check passes at ε = 1e-5 and degrades for large and tiny ε', async ({
  page,
}) => {
  await page.goto(lesson);
  const w = page.locator('[data-nb-widget="gradient-check"]');
  const verdict = w.locator('[data-nb-verdict]');
  const rel = async () => Number(await verdict.getAttribute('data-rel-error'));
  await expect(verdict).toContainText('ε = 1e-5');
  expect(await rel()).toBeLessThan(1e-7);
  expect(await rel()).toBeGreaterThan(1e-13);
  await expect(verdict).toHaveAttribute('data-verdict', 'pass');
  await expect(w).toContainText('18 forward passes');

  const slider = w.getByRole('slider', { name: /Step size/ });
  await slider.focus();
  await page.keyboard.press('End');
  await expect(verdict).toContainText('ε = 1e-1');
  expect(await rel()).toBeGreaterThan(1e-4);
  expect(await rel()).toBeLessThan(5e-4);
  await page.keyboard.press('Home');
  await expect(verdict).toContainText('ε = 1e-12');
  expect(await rel()).toBeGreaterThan(1e-4);
  expect(await rel()).toBeLessThan(5e-4);
});

test('a planted bug fails the gradient check at every ε, in the hidden layer only', async ({
  page,
}) => {
  await page.goto(lesson);
  const w = page.locator('[data-nb-widget="gradient-check"]');
  const verdict = w.locator('[data-nb-verdict]');
  await w.getByRole('checkbox', { name: /Introduce a bug/ }).focus();
  await page.keyboard.press('Space');
  await expect(verdict).toHaveAttribute('data-verdict', 'fail');
  const slider = w.getByRole('slider', { name: /Step size/ });
  for (const key of ['Home', 'ArrowRight', 'End']) {
    await slider.focus();
    await page.keyboard.press(key);
    const rel = Number(await verdict.getAttribute('data-rel-error'));
    expect(rel, key).toBeGreaterThan(0.2);
    expect(rel, key).toBeLessThan(0.4);
  }
  await slider.fill('-5');
  await expect(verdict).toContainText('ε = 1e-5');
  const relOf = async (p: string) =>
    Number((await w.locator(`tr[data-param="${p}"] [data-col="rel"]`).textContent()) ?? 'NaN');
  expect(await relOf('w5')).toBeLessThan(1e-6);
  expect(await relOf('b3')).toBeLessThan(1e-6);
  expect(await relOf('w1')).toBeGreaterThan(0.1);
});

test('without JavaScript the graph shows every value, gradient and step, and the check its table', async ({
  browser,
  baseURL,
}) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL! });
  const page = await ctx.newPage();
  await page.goto(lesson);
  const g = graph(page);
  await expect(g.locator('[data-nb-steps] > li')).toHaveCount(24);
  await expect(g.locator('[data-nb-steps] > li').last()).toBeVisible();
  await expect(g.locator('.nb-node-grad').first()).toBeVisible();
  await expect(node(page, 'w1').locator('.nb-node-grad')).toHaveText('∂ -0.018367');
  const check = page.locator('#gradient-check');
  await expect(check.locator('tr[data-param]')).toHaveCount(9);
  await expect(check.locator('[data-nb-verdict]')).toHaveAttribute('data-verdict', 'pass');
  await ctx.close();
});
