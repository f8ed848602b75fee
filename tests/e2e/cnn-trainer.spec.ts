// Lesson 2.3's CNN trainer and draw pad in the browser: the layout rule, a short seeded training
// well above chance, the confusion matrix and feature maps, the shipped trained model's accuracy,
// the pad reading a synthesised 1, keyboard-only use, and no long tasks while training.
import { test, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { firstCleanWindow, watchLongTasks } from './support/long-tasks.ts';

const LESSON = '/convolutional-networks/training-a-cnn-on-digits/';

interface TrainerState {
  kind: string;
  status: string;
  batch: number;
  epoch: number;
  seconds: number;
  testAccuracy: number | null;
  trained: boolean;
  playing: boolean;
  mode: string | null;
  selected: [number, number] | null;
}

/** axe on the two widgets as they are now (after training: the matrix's colours, the maps). */
async function axeWidgets(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page })
    .include('#cnn-trainer')
    .include('#draw-pad')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
    .analyze();
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const trainer = (page: Page) => page.locator('#cnn-trainer');
const state = (el: Locator): Promise<TrainerState> =>
  el.evaluate((e) => (e as unknown as { quizState(): TrainerState }).quizState());

async function defined(el: Locator): Promise<void> {
  await expect.poll(() => el.evaluate((e) => 'quizState' in e), { timeout: 30_000 }).toBe(true);
}

async function waitFor(el: Locator, ok: (s: TrainerState) => boolean, timeout = 60_000) {
  await expect.poll(async () => ok(await state(el)), { timeout, intervals: [100] }).toBe(true);
  return state(el);
}

test('Play, learning rate and chart share one 1280×800 view; 5 s of seeded training gets well above chance; matrix cells show their digits', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(LESSON);
  const t = trainer(page);
  await t.scrollIntoViewIfNeeded();
  await defined(t);
  // The layout rule: with the widget's top at the top of the window, the three fit in 800 px.
  await t.evaluate((e) => e.scrollIntoView({ block: 'start' }));
  const play = t.getByRole('button', { name: 'Play' });
  const lr = t.getByLabel('Learning rate');
  const chart = t.locator('svg[data-chart]');
  for (const el of [play, lr, chart]) {
    const box = await el.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(800);
  }

  await waitFor(t, (s) => s.status === 'ready' && s.testAccuracy !== null);
  const start = await state(t);
  expect(start.mode).toBe('worker');
  expect(start.testAccuracy!).toBeLessThan(0.3);
  await play.click();
  const five = await waitFor(t, (s) => s.seconds >= 5);
  // On an idle 2-core machine 5 s of training is well over 100 batches. When the machine is so
  // loaded that fewer than 60 batches fit in 5 s (under 400 examples/s), train on to 60 batches
  // and say so, rather than measure the machine's load.
  if (five.batch < 60) {
    test.info().annotations.push({
      type: 'slow machine',
      description: `only ${five.batch} batches in 5 s of training; trained on to 60 batches`,
    });
    await waitFor(t, (s) => s.batch >= 60);
  }
  await t.getByRole('button', { name: 'Pause' }).click();
  const s = await waitFor(t, (x) => !x.playing && x.testAccuracy !== null);
  expect(s.kind).toBe('cnn');
  expect(s.testAccuracy!).toBeGreaterThan(0.8);
  await expect(t.locator('[data-out="accuracy"]')).toHaveText(/%$/);
  await expect(t.locator('[data-out="backend"]')).toContainText('worker');
  await expect(t.locator('canvas[data-kernels]')).toHaveAttribute(
    'aria-label',
    /8 first-layer kernels/,
  );

  // A diagonal cell lists its digits; selecting one shows its feature maps, every layer.
  await t.locator('button[data-cell="1,1"]').click();
  await expect(t.locator('[data-cell-digits]')).toContainText('1s recognised as 1');
  await t.locator('[data-cell-digits] button[data-digit]').first().click();
  await expect(t.locator('[data-maps] figure')).toHaveCount(7);
  await expect(t.locator('[data-maps]')).toHaveAttribute('aria-label', /a 1$/);
  expect(await axeWidgets(page)).toEqual([]);
});

test('the trained model loads with ≥ 98% test accuracy, and the pad reads a drawn 1 as 1', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.addInitScript(() => localStorage.setItem('starlight-theme', 'dark'));
  await page.goto(LESSON);
  const t = trainer(page);
  await t.scrollIntoViewIfNeeded();
  await defined(t);
  await t.getByRole('button', { name: 'Load trained CNN' }).click();
  const s = await waitFor(t, (x) => x.trained && x.testAccuracy !== null);
  expect(s.testAccuracy!).toBeGreaterThanOrEqual(0.98);
  await expect(t.locator('[data-out="accuracy"]')).toHaveText(/^(9[89]|100)\.\d%$/);

  // Synthesised mouse strokes: one slightly slanted vertical line.
  const pad = page.locator('#draw-pad [data-pad]');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.15);
  await page.mouse.down();
  for (let k = 1; k <= 12; k++)
    await page.mouse.move(
      box.x + box.width * (0.55 - 0.05 * (k / 12)),
      box.y + box.height * (0.15 + 0.7 * (k / 12)),
    );
  await page.mouse.up();
  const dp = page.locator('#draw-pad');
  await expect
    .poll(
      () =>
        dp.evaluate(
          (e) =>
            (e as unknown as { quizState(): { predicted: number | null } }).quizState().predicted,
        ),
      {
        timeout: 20_000,
      },
    )
    .toBe(1);
  await expect(dp.locator('[data-answer]')).toContainText('reads a 1');
  await t.locator('button[data-cell="4,9"]').click();
  expect(await axeWidgets(page)).toEqual([]);

  // Widget questions are graded from the widgets' state: loaded weights do not count as training
  // from scratch; the largest off-diagonal cell does count.
  const question = (id: string) => page.locator(`nb-quiz .nb-question[data-question="${id}"]`);
  await question('train-to-95').locator('[data-action="check"]').click();
  await expect(question('train-to-95').locator('.nb-status')).toContainText('loaded');
  const top = await t.evaluate(
    (e) =>
      (e as unknown as { quizState(): { topMistake: [number, number] } }).quizState().topMistake,
  );
  await t.locator(`button[data-cell="${top[0]},${top[1]}"]`).click();
  await question('biggest-mistake').locator('[data-action="check"]').click();
  await expect(question('biggest-mistake').locator('.nb-status')).toContainText('Right');
});

test('keyboard only: load, play and pause by keys, walk the matrix with arrows, draw with the pen', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto(LESSON);
  const t = trainer(page);
  await t.scrollIntoViewIfNeeded();
  await defined(t);
  await t.getByRole('button', { name: 'Load trained CNN' }).focus();
  await page.keyboard.press('Enter');
  await waitFor(t, (x) => x.trained && x.testAccuracy !== null);
  await page.keyboard.press('p');
  await waitFor(t, (x) => x.playing);
  await page.keyboard.press('p');
  await waitFor(t, (x) => !x.playing);

  // The matrix is one tab stop; arrows move, Enter selects.
  await t.locator('button[data-cell="0,0"]').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(t.locator('button[data-cell="2,2"]')).toBeFocused();
  await page.keyboard.press('Enter');
  await waitFor(t, (x) => x.selected?.[0] === 2 && x.selected[1] === 2);
  await expect(t.locator('[data-cell-digits]')).toContainText('2s recognised as 2');

  // The pad: Space puts the pen down, arrows draw, Space lifts it.
  const pad = page.locator('#draw-pad [data-pad]');
  await pad.focus();
  for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Space');
  for (let k = 0; k < 3; k++) await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Space');
  await expect(page.locator('#draw-pad [data-cursor-text]')).toContainText('pen up');
  const dp = page.locator('#draw-pad');
  await expect
    .poll(
      () =>
        dp.evaluate(
          (e) =>
            (e as unknown as { quizState(): { predicted: number | null } }).quizState().predicted,
        ),
      {
        timeout: 20_000,
      },
    )
    .toBe(1);
});

test('no main-thread task over 50 ms while the CNN trains @timing', async ({ page }) => {
  test.setTimeout(120_000);
  await watchLongTasks(page, { fromLoad: true });
  await page.goto(LESSON);
  const t = trainer(page);
  await t.scrollIntoViewIfNeeded();
  await defined(t);
  await waitFor(t, (s) => s.status === 'ready' && s.testAccuracy !== null);
  await t.getByRole('button', { name: 'Play' }).click();
  await waitFor(t, (s) => s.batch > 20);
  // Up to three 5-s windows (two shared cores can deschedule the page once); one must be clean.
  const long = await firstCleanWindow(page, { ms: 5000 });
  expect((await state(t)).playing).toBe(true);
  expect(long).toEqual([]);
});
