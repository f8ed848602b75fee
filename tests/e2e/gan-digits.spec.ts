// The digits GAN figure in the GAN lesson: the shipped conditional generator draws the digits
// its columns ask for (coverage ≥ 8, confidence ≥ 0.8, ≥ 80% drawn as asked), Play trains in the worker, keyboard-only use, the interpolation slider,
// the text alternative, and no long main-thread task while training. The lesson's numbers are
// checked in Node (tests/unit/gan/digits/claims.test.ts), on the same code path.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Locator, type Page } from '@playwright/test';
import { firstCleanWindow, watchLongTasks } from './support/long-tasks.ts';

const PATH = '/generative-models/gans/';

interface State {
  source: string;
  conditional: boolean;
  iteration: number;
  seconds: number;
  coverage: number | null;
  confidence: number | null;
  agreement: number | null;
  gridLabels: number[] | null;
  interpFrom: number;
  interpTo: number;
  interpT: number;
}

const state = (w: Locator): Promise<State> =>
  w.evaluate((el) => (el as unknown as { quizState(): State }).quizState());

async function open(page: Page): Promise<Locator> {
  await page.goto(`${PATH}#gan-digits`);
  const w = page.locator('#gan-digits');
  await w.scrollIntoViewIfNeeded();
  await expect.poll(() => w.evaluate((el) => 'quizState' in el)).toBe(true);
  // The worker has its data and has judged the untrained generator.
  await expect.poll(async () => (await state(w)).coverage, { timeout: 60_000 }).not.toBeNull();
  return w;
}

test('static HTML names the controls before any script runs', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PATH);
  const w = page.locator('#gan-digits');
  await expect(w.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(w.getByRole('button', { name: 'Load trained generator' })).toBeVisible();
  await expect(w.getByLabel('Position between them')).toBeVisible();
  await expect(w.locator('[data-nb-live]')).toContainText('Not started');
  await context.close();
});

test('load trained: each column is the digit it asks for, and the grid is described', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const w = await open(page);
  await w.getByRole('button', { name: 'Load trained generator' }).click();
  await expect.poll(async () => (await state(w)).source, { timeout: 30_000 }).toBe('trained');
  const s = await state(w);
  expect(s.coverage!).toBeGreaterThanOrEqual(8);
  expect(s.confidence!).toBeGreaterThanOrEqual(0.8);
  expect(s.agreement!).toBeGreaterThanOrEqual(0.8);
  // 10 columns by 4 rows; column c asks for digit c, and most of the grid is read so.
  expect(s.gridLabels).toHaveLength(40);
  const asAsked = s.gridLabels!.filter((l, k) => l === k % 10).length;
  expect(asAsked).toBeGreaterThanOrEqual(32);
  await expect(w.locator('[data-reads]')).toContainText('Each column asks for one digit');
  await expect(w.locator('[data-reads]')).toContainText('The classifier reads the grid');
  await expect(w.locator('[data-out="coverage"]')).toContainText('of 10');
  await expect(w.locator('[data-out="agreement"]')).toHaveText(/^\d+%$/);
  await expect(w.getByLabel('From sample').locator('option').nth(2)).toHaveText('3 (a 2)');
  // Interpolation: pick two samples read as different digits, slider to the middle.
  const labels = s.gridLabels!;
  const other = labels.findIndex((l) => l !== labels[0]);
  await w.getByLabel('To sample').selectOption({ value: String(other) });
  await w.getByLabel('Position between them').fill('50');
  await w.getByLabel('Position between them').dispatchEvent('change');
  const t = await state(w);
  expect(t.interpTo).toBe(other);
  expect(t.interpT).toBeCloseTo(0.5);
});

async function axe(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page })
    .include('#gan-digits')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
    .analyze();
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds nothing in the loaded figure (${theme})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: theme });
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    const w = await open(page);
    await w.getByRole('button', { name: 'Load trained generator' }).click();
    await expect.poll(async () => (await state(w)).source, { timeout: 30_000 }).toBe('trained');
    await w.locator('details').first().click();
    expect(await axe(page)).toEqual([]);
  });
}

test('play trains in the worker; pause stops; reset starts again', async ({ page }) => {
  test.setTimeout(120_000);
  const tfjsRequests: string[] = [];
  page.on('request', (r) => {
    if (/tfjs|tf-backend|\.wasm/.test(r.url())) tfjsRequests.push(r.url());
  });
  const w = await open(page);
  // Headless Chromium has no hardware GPU: the probe keeps the typed-array engine, no tfjs.
  await expect(w.locator('[data-out="engine"]')).toHaveText('typed arrays (CPU)');
  await w.getByRole('button', { name: 'Play' }).click();
  await expect
    .poll(async () => (await state(w)).iteration, { timeout: 60_000 })
    .toBeGreaterThan(50);
  await w.getByRole('button', { name: 'Pause' }).click();
  await page.waitForTimeout(300);
  const a = (await state(w)).iteration;
  await page.waitForTimeout(700);
  expect((await state(w)).iteration).toBe(a);
  await w.getByRole('button', { name: 'Reset' }).click();
  await expect.poll(async () => (await state(w)).iteration).toBe(0);
  expect(tfjsRequests).toEqual([]);
});

test('without labels: same networks, no columns, no agreement; loading turns labels back on', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const w = await open(page);
  const box = w.getByLabel('Tell G and D the digit (conditional GAN)');
  await expect(box).toBeChecked();
  await box.uncheck();
  await expect.poll(async () => (await state(w)).conditional).toBe(false);
  await expect.poll(async () => (await state(w)).coverage, { timeout: 30_000 }).not.toBeNull();
  expect((await state(w)).agreement).toBeNull();
  await expect(w.locator('[data-out="agreement"]')).toHaveText('–');
  await expect(w.locator('[data-reads]')).not.toContainText('Each column');
  await expect(w.locator('[data-grid]')).toHaveAttribute('aria-label', /no digit is asked for/);
  await w.getByRole('button', { name: 'Play' }).click();
  await expect
    .poll(async () => (await state(w)).iteration, { timeout: 60_000 })
    .toBeGreaterThan(20);
  await w.getByRole('button', { name: 'Load trained generator' }).click();
  await expect.poll(async () => (await state(w)).source, { timeout: 30_000 }).toBe('trained');
  expect((await state(w)).conditional).toBe(true);
  await expect(box).toBeChecked();
  await expect(w.locator('[data-grid]')).toHaveAttribute('aria-label', /each column asks/);
});

test('keyboard only: L loads, P plays and pauses, R resets, arrows move the slider', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const w = await open(page);
  await w.getByRole('button', { name: 'Play' }).focus();
  await page.keyboard.press('l');
  await expect.poll(async () => (await state(w)).source, { timeout: 30_000 }).toBe('trained');
  await page.keyboard.press('r');
  await expect.poll(async () => (await state(w)).source).toBe('seed');
  await page.keyboard.press('p');
  await expect.poll(async () => (await state(w)).iteration, { timeout: 60_000 }).toBeGreaterThan(0);
  await page.keyboard.press('p');
  await w.getByLabel('Position between them').focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await state(w)).interpT).toBeCloseTo(0.55);
});

test('no long task (over 50 ms) during 5 s of training @timing', async ({ page }) => {
  test.setTimeout(120_000);
  const w = await open(page);
  await watchLongTasks(page);
  await w.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => (await state(w)).iteration, { timeout: 30_000 }).toBeGreaterThan(0);
  const long = await firstCleanWindow(page, { ms: 5000 });
  await w.getByRole('button', { name: 'Pause' }).click();
  expect(long).toEqual([]);
});
