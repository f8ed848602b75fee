// The "Loss and gradient descent" lesson: the claims its prose makes about the explorer (guided
// tasks), the line-fitting widget and the optimizer race, checked in the browser. The explorer's
// own behaviour is tested in descent-explorer.spec.ts.
import { test, expect, type Locator, type Page } from '@playwright/test';
import { watchPage } from './support/site.ts';

const LESSON = '/foundations/loss-and-gradient-descent/';

interface FitState {
  batchSize: number;
  learningRate: number;
  step: number;
  epoch: number;
  loss: number | null;
  bestLoss: number;
  diverged: boolean;
}

const fitState = (page: Page): Promise<FitState> =>
  page.evaluate(() =>
    (document.getElementById('line-fit') as unknown as { quizState(): FitState }).quizState(),
  );

/** Slider position of a learning rate in the explorer: 100 positions per decade from 0.001. */
const lrPos = (lr: number) => String(Math.round((Math.log10(lr) + 3) * 100));

/**
 * The line-fit widget, scrolled into view and upgraded: its element code loads as it nears the
 * viewport, and keys pressed before that reach a plain element (the old race behind a flaky run).
 */
async function lineFit(page: Page): Promise<Locator> {
  const fit = page.locator('#line-fit');
  await fit.scrollIntoViewIfNeeded();
  await expect.poll(() => fit.evaluate((el) => 'quizState' in el)).toBe(true);
  return fit;
}

async function explorer(page: Page): Promise<Locator> {
  const w = page.locator('#descent');
  await w.scrollIntoViewIfNeeded();
  await expect(w).toHaveAttribute('data-ready', 'true');
  return w;
}

test('guided task 1: on the valley the largest converging rate in 50 steps is 0.479', async ({
  page,
}) => {
  await page.goto(LESSON);
  const w = await explorer(page);
  await w.getByLabel('Loss surface').selectOption('valley');
  const lr = w.getByRole('slider', { name: /Learning rate/ });
  const verdict = w.locator('[data-verdict="a"]');
  const expectations: Array<[number, string]> = [
    [0.363, 'converged'],
    [0.479, 'converged'],
    [0.49, 'oscillating'],
    [0.501, 'oscillating'],
    [0.513, 'diverged'],
    [0.6, 'diverged'],
  ];
  for (const [rate, kind] of expectations) {
    await lr.fill(lrPos(rate));
    await expect(verdict, `η = ${rate}`).toHaveAttribute('data-kind', kind);
  }
  // The slider value just above 0.479 is 0.49: nothing in between converges.
  await lr.fill(lrPos(0.479));
  await lr.press('ArrowRight');
  await expect(w.locator('output[data-out="lr"]')).toHaveText('0.49');
  await expect(verdict).toHaveAttribute('data-kind', 'oscillating');
});

test('guided tasks 2 and 3: the slow floor at η = 0.1, and step decay calming η = 0.49', async ({
  page,
}) => {
  await page.goto(LESSON);
  const w = await explorer(page);
  await w.getByLabel('Loss surface').selectOption('valley');
  const lr = w.getByRole('slider', { name: /Learning rate/ });
  const verdict = w.locator('[data-verdict="a"]');
  await lr.fill(lrPos(0.1));
  await expect(verdict).toHaveText(
    'Not converged after 50 steps: still descending. Try a larger learning rate or more steps.',
  );
  await w.getByRole('slider', { name: 'Steps' }).fill('200');
  await expect(verdict).toHaveText('Converged in 185 steps.');
  await w.getByRole('slider', { name: 'Steps' }).fill('50');
  await lr.fill(lrPos(0.49));
  await expect(verdict).toHaveAttribute('data-kind', 'oscillating');
  await w.getByLabel('Learning-rate decay').selectOption('step');
  await expect(verdict).toHaveAttribute('data-kind', 'converged');
  await w.getByLabel('Learning-rate decay').selectOption('exponential');
  await expect(verdict).toHaveAttribute('data-kind', 'overshooting');
  await expect(verdict).toHaveAttribute('data-trend', 'shrinking');
});

test('issue 11: the explorer tells shrinking from growing swings (0.49 vs 0.501 on the valley)', async ({
  page,
}) => {
  await page.goto(LESSON);
  const w = await explorer(page);
  await w.getByLabel('Loss surface').selectOption('valley');
  const lr = w.getByRole('slider', { name: /Learning rate/ });
  const verdict = w.locator('[data-verdict="a"]');
  await lr.fill(lrPos(0.49));
  await expect(verdict).toHaveAttribute('data-trend', 'shrinking');
  await expect(verdict).toHaveText(/^Oscillating, with shrinking swings/);
  await lr.fill(lrPos(0.501));
  await expect(verdict).toHaveAttribute('data-trend', 'growing');
  await expect(verdict).toHaveText(/^Oscillating, with growing swings.*slowly diverging/);
});

/** Plays the line fit to its end (40 epochs) and returns the per-epoch losses of the table. */
async function playToEnd(page: Page, fit: Locator): Promise<number[]> {
  await fit.getByLabel('Speed').selectOption('8');
  await fit.getByRole('button', { name: 'Play' }).focus();
  await page.keyboard.press('p');
  await expect.poll(async () => (await fitState(page)).epoch, { timeout: 30_000 }).toBe(40);
  await expect(fit.getByRole('button', { name: 'Play' })).toBeVisible();
  const cells = await fit.locator('[data-nb-table] tbody td').allTextContents();
  return cells.map(Number);
}

/** Number of updates that raised the loss, read from the drawn loss curve (SVG y grows downwards). */
async function rises(fit: Locator): Promise<number> {
  const d = (await fit.locator('[data-nb-loss] path[data-series="loss"]').getAttribute('d')) ?? '';
  const ys = [...d.matchAll(/[ML]([-\d.e]+),([-\d.e]+)/g)].map((m) => Number(m[2]));
  return ys.slice(1).filter((y, i) => y < ys[i]! - 1e-6).length;
}

test('line fit with the defaults: 9× the best loss at the start, within 4 % by epoch 10 and 1 % by 20', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL!);
  await page.goto(LESSON);
  const fit = await lineFit(page);
  const start = await fitState(page);
  expect(start).toMatchObject({ batchSize: 10, learningRate: 0.1, step: 0, diverged: false });
  expect(start.loss! / start.bestLoss).toBeGreaterThan(8.5);
  expect(start.loss! / start.bestLoss).toBeLessThan(9.5);
  const losses = await playToEnd(page, fit);
  const best = start.bestLoss;
  expect(losses).toHaveLength(41);
  expect(losses[10]!).toBeLessThanOrEqual(best * 1.04);
  expect(losses[20]!).toBeLessThanOrEqual(best * 1.01);
  const end = await fitState(page);
  expect(end.step).toBe(160); // four updates per epoch
  await expect(fit.locator('[data-nb-status]')).toContainText(
    'Epoch 40, 160 updates (mini-batch size 10)',
  );
  await expect(fit.locator('[data-nb-status]')).toContainText('Finished 40 epochs; press Reset');
  await expect(fit.getByRole('button', { name: 'Play' })).toBeDisabled();
  await expect(fit.getByRole('button', { name: 'Reset' })).toBeFocused();
  expect(problems.consoleErrors).toEqual([]);
});

test('line fit: batch size 1 is close after one epoch but jagged; full batch is smooth but slow', async ({
  page,
}) => {
  await page.goto(LESSON);
  const fit = await lineFit(page);
  await fit.getByLabel('Batch size').selectOption('1');
  const sgd = await playToEnd(page, fit);
  const best = (await fitState(page)).bestLoss;
  expect((await fitState(page)).step).toBe(1600);
  expect(sgd[1]!).toBeLessThanOrEqual(best * 1.05);
  expect(Math.max(...sgd.slice(2))).toBeGreaterThan(best * 1.1);
  expect(await rises(fit)).toBeGreaterThan(500);

  await fit.getByLabel('Batch size').selectOption('40');
  const full = await playToEnd(page, fit);
  expect(await rises(fit)).toBe(0);
  expect(full[10]!).toBeGreaterThan(best * 2);
  expect((await fitState(page)).step).toBe(40);
});

test('line fit: η = 1.5 diverges within a dozen updates, says so, and Reset recovers', async ({
  page,
}) => {
  await page.goto(LESSON);
  const fit = await lineFit(page);
  for (const batch of ['40', '1']) {
    await fit.getByLabel('Batch size').selectOption(batch);
    await fit.getByLabel('Learning rate η').selectOption('1.5');
    const step = fit.getByRole('button', { name: 'Step (one update)' });
    await step.focus();
    for (let i = 0; i < 12; i++) await page.keyboard.press('s');
    const s = await fitState(page);
    expect(s.diverged, `batch ${batch}`).toBe(true);
    expect(s.step).toBeLessThanOrEqual(12);
    await expect(fit.locator('[data-nb-status]')).toContainText('Diverged');
    await expect(fit.locator('[data-nb-status]')).toContainText('press Reset');
    await expect(fit.locator('[data-nb-status]')).toHaveAttribute('data-diverged', 'true');
    await expect(step).toBeDisabled();
    await expect(fit.getByRole('button', { name: 'Reset' })).toBeFocused();
    await page.keyboard.press('r');
    await expect(fit.locator('[data-nb-status]')).toHaveAttribute('data-diverged', 'false');
    expect((await fitState(page)).step).toBe(0);
  }
});

test('optimizer race: RMSProp wins on the valley, SGD on the bowl, momentum finds the deeper minimum', async ({
  page,
}) => {
  await page.goto(LESSON);
  const race = page.locator('#optimizer-race');
  await race.scrollIntoViewIfNeeded();
  const ranking = () =>
    race
      .locator('[data-nb-race-table] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset['optimizer']));
  const row = (name: string) => race.locator(`[data-nb-race-table] tr[data-optimizer="${name}"]`);
  await expect(race.locator('[data-nb-surface-svg] [data-path]')).toHaveCount(4);
  expect(await ranking()).toEqual(['RMSProp', 'Momentum', 'Adam', 'SGD']);
  await expect(row('RMSProp').locator('[data-col="verdict"]')).toHaveText('Converged in 32 steps.');
  await expect(row('SGD').locator('[data-col="verdict"]')).toContainText('still descending');

  await race.getByLabel('Loss surface', { exact: true }).selectOption('bowl');
  await race.getByLabel('Learning rate η').selectOption('0.3');
  await expect.poll(ranking).toEqual(['SGD', 'RMSProp', 'Adam', 'Momentum']);
  await expect(row('SGD').locator('[data-col="verdict"]')).toHaveText('Converged in 5 steps.');
  // issue 16: momentum's verdict describes the path that is drawn (it overshoots)
  await expect(row('Momentum').locator('[data-col="verdict"]')).toContainText('overshooting');
  await expect(row('Momentum').locator('[data-col="verdict"]')).not.toContainText(
    'still descending',
  );

  await race.getByLabel('Loss surface', { exact: true }).selectOption('two-minima');
  await race.getByLabel('Learning rate η').selectOption('0.1');
  await expect.poll(ranking).toEqual(['Momentum', 'RMSProp', 'SGD', 'Adam']);
  const loss = async (name: string) =>
    Number(await row(name).locator('[data-col="loss"]').textContent());
  expect(await loss('Momentum')).toBeLessThan(0.01);
  expect(await loss('SGD')).toBeGreaterThan(0.7);
  expect(await loss('RMSProp')).toBeGreaterThan(0.7);
});

test('optimizer race: a new start comes from a seed and repeats exactly', async ({ page }) => {
  await page.goto(LESSON);
  const race = page.locator('#optimizer-race');
  const status = race.locator('[data-nb-status]');
  await expect(status).toContainText('from the default start');
  await race.getByRole('button', { name: 'New random start' }).focus();
  await page.keyboard.press('Enter');
  await expect(status).toContainText('a random start from seed');
  const first = await status.textContent();
  const table = await race.locator('[data-nb-race-table] tbody').textContent();
  await race.getByRole('button', { name: 'Default start' }).click();
  await expect(status).toContainText('from the default start');
  await page.reload();
  await race.getByRole('button', { name: 'New random start' }).click();
  await expect(status).toHaveText(first!);
  await expect(race.locator('[data-nb-race-table] tbody')).toHaveText(table!);
});

test('the lesson-level claim: η = 0.1 converges on the bowl and η = 2.0 diverges', async ({
  page,
}) => {
  await page.goto(LESSON);
  const w = await explorer(page);
  const verdict = w.locator('[data-verdict="a"]');
  await w.getByRole('button', { name: /η = 2\.0 on the bowl/ }).click();
  await expect(verdict).toHaveAttribute('data-kind', 'diverged');
  await w.getByRole('button', { name: /η = 0\.1 on the bowl/ }).click();
  await expect(verdict).toHaveAttribute('data-kind', 'converged');
});

test('without JavaScript the line fit and the race still show their starting state', async ({
  browser,
  baseURL,
}) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL! });
  const page = await ctx.newPage();
  await page.goto(LESSON);
  const fit = page.locator('#line-fit');
  await expect(fit.locator('[data-nb-status]')).toContainText(
    'Epoch 0, 0 updates (mini-batch size 10)',
  );
  await expect(fit.locator('[data-nb-points] circle')).toHaveCount(40);
  await expect(fit.getByLabel('Batch size')).toHaveValue('10');
  const race = page.locator('#optimizer-race');
  await expect(race.locator('[data-nb-race-table] tbody tr')).toHaveCount(4);
  await expect(race.locator('[data-nb-race-table] tbody tr').first()).toContainText('RMSProp');
  await ctx.close();
});
