// The activation-functions lesson: the explorer reads the values and slopes the text quotes, the
// race reproduces the text's results for its seed, the notebook runs a reader-written activation;
// all by keyboard, with no axe violations.
import { test, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { watchPage } from './support/site.ts';

const PATH = '/foundations/activation-functions/';

/** Moves the explorer's x slider to `x` with arrow keys from wherever it is (step 0.1). */
async function moveX(page: Page, w: Locator, x: number): Promise<void> {
  const slider = w.getByRole('slider', { name: 'Input x' });
  await slider.focus();
  const now = Number(await slider.inputValue());
  const steps = Math.round((x - now) * 10);
  for (let i = 0; i < Math.abs(steps); i++)
    await page.keyboard.press(steps > 0 ? 'ArrowRight' : 'ArrowLeft');
  await expect(w.locator('[data-out="x"]')).toHaveText(x.toFixed(3).replace('-', '−'));
}

async function pick(page: Page, w: Locator, label: string): Promise<void> {
  const select = w.getByLabel('Activation');
  await select.focus();
  // Keyboard on a closed select changes the value directly; step until the label is chosen.
  for (let i = 0; i < 6; i++) {
    const current = await select.evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.text);
    if (current === label) return;
    await page.keyboard.press('ArrowDown');
  }
  await expect(select).toHaveValue(/./);
  expect(await select.evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.text)).toBe(
    label,
  );
}

const reading = (w: Locator) => ({
  value: w.locator('[data-out="value"]'),
  slope: w.locator('[data-out="slope"]'),
  status: w.locator('[data-status]'),
});

for (const theme of ['light', 'dark'] as const) {
  test(`loads cleanly and passes axe after use (${theme})`, async ({ page, baseURL }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    const problems = watchPage(page, baseURL!);
    await page.goto(PATH);
    await expect(page.locator('#activation-explorer path.f')).toHaveCount(1);
    const race = page.locator('#activation-race');
    await race.scrollIntoViewIfNeeded();
    await race.getByRole('button', { name: 'Train 100 epochs' }).click();
    await expect(race).toHaveAttribute('data-epoch', '100', { timeout: 30_000 });
    const nb = page.locator('nb-notebook[data-notebook-id="your-activation"]');
    await nb.scrollIntoViewIfNeeded();
    await expect(nb).toHaveClass(/nb-ready/);
    expect(await page.locator('.katex').count()).toBeGreaterThan(10);
    await expect(page.locator('.katex-error')).toHaveCount(0);
    const axe = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
      .analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual(
      [],
    );
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
    expect(problems.foreignRequests).toEqual([]);
  });
}

test('explorer: the sigmoid reads 0.500 / 0.250 at 0 and saturates at 5 (0.993 / 0.007)', async ({
  page,
}) => {
  await page.goto(PATH);
  const w = page.locator('#activation-explorer');
  const r = reading(w);
  await expect(w.locator('path.f')).toHaveCount(1);
  await expect(r.value).toHaveText('0.500');
  await expect(r.slope).toHaveText('0.250');
  const cx0 = await w.locator('circle.at-f').getAttribute('cx');
  await moveX(page, w, 5);
  await expect(r.value).toHaveText('0.993');
  await expect(r.slope).toHaveText('0.007');
  await expect(r.status).toContainText('Saturated');
  expect(await w.locator('circle.at-f').getAttribute('cx')).not.toBe(cx0);
  // Home and End jump to the ends of the range.
  await page.keyboard.press('Home');
  await expect(w.locator('[data-out="x"]')).toHaveText('−6.000');
  await page.keyboard.press('End');
  await expect(w.locator('[data-out="x"]')).toHaveText('6.000');
  // Page Down moves by more than one 0.1 step.
  await page.keyboard.press('PageDown');
  const afterPage = Number((await w.locator('[data-out="x"]').innerText()).replace('−', '-'));
  expect(afterPage).toBeLessThan(5.9);
  // Pressing on the plot moves x there: the left edge of the plot is near −6.
  const box = (await w.locator('svg.nb-activation-plot').boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.09, box.y + box.height / 2);
  const clicked = Number((await w.locator('[data-out="x"]').innerText()).replace('−', '-'));
  expect(clicked).toBeLessThan(-4);
  await expect(w.getByRole('slider', { name: 'Input x' })).toHaveValue(String(clicked));
});

test('explorer: tanh slope 1.000 at 0 and 0.010 at 3; ReLU flat below 0; leaky ReLU −0.020 / 0.010 at −2', async ({
  page,
}) => {
  await page.goto(PATH);
  const w = page.locator('#activation-explorer');
  const r = reading(w);
  await expect(w.locator('path.f')).toHaveCount(1);
  await pick(page, w, 'Tanh');
  await expect(r.slope).toHaveText('1.000');
  await moveX(page, w, 3);
  await expect(r.slope).toHaveText('0.010');
  await pick(page, w, 'ReLU');
  await moveX(page, w, -2);
  await expect(r.value).toHaveText('0.000');
  await expect(r.slope).toHaveText('0.000');
  await expect(r.status).toContainText('no gradient passes');
  await pick(page, w, 'Leaky ReLU');
  await expect(r.value).toHaveText('−0.020');
  await expect(r.slope).toHaveText('0.010');
  const state = await w.evaluate((el) => (el as unknown as { quizState(): unknown }).quizState());
  expect(state).toMatchObject({ activation: 'leaky-relu', x: -2 });
});

test('race: ReLU and leaky ReLU reach 95% at epoch 6, tanh at 21; sigmoid and linear do not in 100 epochs', async ({
  page,
}) => {
  await page.goto(PATH);
  const w = page.locator('#activation-race');
  await w.scrollIntoViewIfNeeded();
  await expect(w.locator('svg')).toHaveCount(5);
  await w.getByRole('button', { name: 'Train 100 epochs' }).focus();
  await page.keyboard.press('Enter');
  await expect(w).toHaveAttribute('data-epoch', '100', { timeout: 60_000 });
  const row = (a: string) => w.locator(`tr[data-row="${a}"] td`);
  await expect(row('relu').nth(2)).toHaveText('epoch 6');
  await expect(row('leaky-relu').nth(2)).toHaveText('epoch 6');
  await expect(row('tanh').nth(2)).toHaveText('epoch 21');
  await expect(row('sigmoid').nth(2)).toHaveText('not yet');
  await expect(row('linear').nth(2)).toHaveText('not yet');
  await expect(row('relu').nth(0)).toHaveText('100%');
  await expect(row('tanh').nth(0)).toHaveText('100%');
  await expect(row('sigmoid').nth(1)).toHaveText('0.693');
  expect(parseInt(await row('linear').nth(0).innerText(), 10)).toBeLessThan(75);
  await expect(w.locator('[data-status]')).toHaveText(
    'Stopped after 100 epochs. Reached 95% training accuracy: ReLU at epoch 6, Leaky ReLU at epoch 6, Tanh at epoch 21. Not yet: Sigmoid, Linear (none).',
  );
  // Every lane trained from the same seed: their heatmaps differ now.
  const fills = await w
    .locator('svg')
    .evaluateAll((svgs) => svgs.map((s) => s.querySelector('g.heat rect')?.getAttribute('class')));
  expect(fills).toHaveLength(5);
  // One epoch and Reset by keyboard.
  await w.getByRole('button', { name: 'Reset' }).focus();
  await page.keyboard.press('Enter');
  await expect(w).toHaveAttribute('data-epoch', '0');
  await w.getByRole('button', { name: 'One epoch' }).focus();
  await page.keyboard.press('Enter');
  await expect(w).toHaveAttribute('data-epoch', '1');
});

test('race: pressing the same button again pauses training part way', async ({ page }) => {
  await page.goto(PATH);
  const w = page.locator('#activation-race');
  await w.scrollIntoViewIfNeeded();
  await expect(w.locator('svg')).toHaveCount(5);
  await w.getByRole('button', { name: 'Train 100 epochs' }).focus();
  await page.keyboard.press('Enter');
  // Pause once training is under way (the first press may still be loading the model).
  await page.waitForFunction(
    () => Number(document.querySelector('#activation-race')?.getAttribute('data-epoch')) > 0,
    undefined,
    { polling: 'raf' },
  );
  await page.keyboard.press('Enter');
  await expect(w.getByRole('button', { name: 'Train 100 epochs' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  const at = Number(await w.getAttribute('data-epoch'));
  expect(at).toBeLessThan(100);
  await expect(w.locator('[data-status]')).toContainText(`Stopped after ${at} epoch`);
  await page.waitForTimeout(300);
  expect(Number(await w.getAttribute('data-epoch'))).toBe(at);
});

test('notebook: a reader-written activation is plotted with its value and slope', async ({
  page,
}) => {
  await page.goto(PATH);
  const nb = page.locator('nb-notebook[data-notebook-id="your-activation"]');
  await nb.scrollIntoViewIfNeeded();
  await expect(nb).toHaveClass(/nb-ready/);
  const out = nb
    .locator('.nb-cell', {
      has: page.locator('.nb-cell-label, summary', { hasText: 'value and slope' }),
    })
    .locator('.nb-output');
  // Swish at x = 1: 1 / (1 + e^−1) ≈ 0.731.
  await expect(out).toContainText('value: 0.731059');
  const editor = nb
    .locator('.nb-cell', {
      has: page.locator('.nb-cell-label, summary', { hasText: 'activation f' }),
    })
    .locator('.cm-content');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText('f = x => Math.max(0, x)');
  await page.keyboard.press('Shift+Enter');
  await expect(out).toContainText('value: 1');
  await expect(out).toContainText('slope: 1');
  // Move x below zero by keyboard: ReLU's value and slope both become 0.
  const slider = nb.getByRole('slider', { name: 'Input x' });
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(out).toContainText('value: 0');
  await expect(out).toContainText('slope: 0');
});

test('race: removing the widget mid-training stops it cleanly', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  await page.goto(PATH);
  const w = page.locator('#activation-race');
  await w.scrollIntoViewIfNeeded();
  await expect(w.locator('svg')).toHaveCount(5);
  await w.getByRole('button', { name: 'Train 100 epochs' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // pause at once, then resume, so training is mid-run
  await page.keyboard.press('Enter');
  const at = await page.evaluate(() => {
    const el = document.getElementById('activation-race')!;
    (window as unknown as { detached: HTMLElement }).detached = el;
    el.remove();
    return Number(el.dataset['epoch']);
  });
  expect(at).toBeLessThan(100);
  await page.waitForTimeout(400);
  const later = await page.evaluate(() =>
    Number((window as unknown as { detached: HTMLElement }).detached.dataset['epoch']),
  );
  expect(later).toBe(at);
  expect(problems.consoleErrors).toEqual([]);
});

test('race: trains in a Web Worker, and on the main thread where workers are unavailable', async ({
  page,
}) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(PATH);
  const w = page.locator('#activation-race');
  await w.scrollIntoViewIfNeeded();
  await expect(w.locator('svg')).toHaveCount(5);
  await w.getByRole('button', { name: 'One epoch' }).click();
  await expect(w).toHaveAttribute('data-epoch', '1');
  expect(workers.some((u) => /activation-race\.worker/.test(u))).toBe(true);

  const other = await page.context().newPage();
  await other.addInitScript(() => {
    delete (window as unknown as { Worker?: unknown }).Worker;
  });
  await other.goto(PATH);
  const w2 = other.locator('#activation-race');
  await w2.scrollIntoViewIfNeeded();
  await expect(w2.locator('svg')).toHaveCount(5);
  await w2.getByRole('button', { name: 'One epoch' }).click();
  await expect(w2).toHaveAttribute('data-epoch', '1');
  // Same seed, same first epoch: both tables agree.
  const row = async (p: typeof page) =>
    p.locator('#activation-race tr[data-row="relu"] td').allTextContents();
  expect(await row(other)).toEqual(await row(page));
});
