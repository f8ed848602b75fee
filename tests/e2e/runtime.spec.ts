// The training runtime's fallbacks in a real browser, through the lesson's TrainingDemo: where a
// worker is impossible, the same engine trains on the main thread in short slices.
import { expect, test, type Page } from '@playwright/test';

const LESSON = '/foundations/what-is-deep-learning/';
const WIDGET = 'nb-training-demo#watch-learn';

interface DemoState {
  status: string;
  step: number;
  trainLoss: number | null;
  backend: string | null;
  mode: string | null;
}

// Waits for the lazily defined element to upgrade (data-nb-lazy="pending" until then).
const state = async (page: Page): Promise<DemoState> => {
  await expect(page.locator(`${WIDGET}[data-nb-lazy="pending"]`)).toHaveCount(0);
  return page
    .locator(WIDGET)
    .evaluate((el) => (el as unknown as { quizState(): DemoState }).quizState());
};

async function trainsOnMainThread(page: Page): Promise<void> {
  const widget = page.locator(WIDGET);
  await widget.scrollIntoViewIfNeeded();
  await expect.poll(async () => (await state(page)).backend, { timeout: 30_000 }).not.toBeNull();
  const start = await state(page);
  expect(start.mode).toBe('main');
  await expect(widget.locator('[data-nb-progress="backend"]')).toContainText('(main thread)');
  await widget.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(async () => (await state(page)).step, { timeout: 30_000 }).toBe(100);
  expect((await state(page)).trainLoss!).toBeLessThan(start.trainLoss!);
}

test('without Web Workers the widget trains on the main thread, same results API', async ({
  page,
}) => {
  await page.addInitScript(() => {
    // Simulate a browser without module workers.
    Object.defineProperty(window, 'Worker', { value: undefined });
  });
  await page.goto(LESSON);
  await trainsOnMainThread(page);
});

test('a worker script that fails to load falls back to the main thread', async ({ page }) => {
  await page.route(/train\.worker[^/]*\.js/, (route) => route.abort());
  await page.goto(LESSON);
  await trainsOnMainThread(page);
});

test('the main-thread fallback keeps the page responsive: Play and Pause still answer', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'Worker', { value: undefined });
  });
  await page.goto(LESSON);
  const widget = page.locator(WIDGET);
  await widget.scrollIntoViewIfNeeded();
  await expect.poll(async () => (await state(page)).backend, { timeout: 30_000 }).not.toBeNull();
  await widget.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(async () => (await state(page)).step, { timeout: 30_000 }).toBeGreaterThan(20);
  await widget.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect.poll(async () => (await state(page)).status).toBe('ready');
  const paused = (await state(page)).step;
  await page.waitForTimeout(500);
  expect((await state(page)).step).toBe(paused);
});
