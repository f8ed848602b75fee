// The deep-networks playground in the built lesson: presets, URL state, training, reproducibility,
// keyboard-only use, divergence, the main-thread fallback and the no-long-task budget.
import { test, expect, type Locator, type Page } from '@playwright/test';
import { presets } from '../../src/lib/playground/presets.ts';
import { presetState } from '../../src/lib/playground/presets.ts';
import { watchPage } from './support/site.ts';
import { firstCleanWindow, watchLongTasks } from './support/long-tasks.ts';

const PATH = '/foundations/deep-networks/';

interface Run {
  dataset: string;
  hidden: number[];
  step: number;
  epoch: number;
  trainLoss: number | null;
  testLoss: number | null;
  bestTestLoss: number | null;
  diverged: boolean;
  playing: boolean;
  seed: number;
}

async function open(page: Page, query = ''): Promise<Locator> {
  await page.goto(`${PATH}${query}#playground`);
  const pg = page.locator('#playground');
  await expect(pg.locator('[data-out="engine"]')).toContainText('engine');
  return pg;
}

const run = (pg: Locator): Promise<Run> =>
  pg.evaluate((el) => (el as unknown as { quizState(): Run }).quizState());

/** Trains at the top speed until at least `steps` steps, then pauses. */
async function train(pg: Locator, steps: number, speed = '64'): Promise<Run> {
  await pg.getByLabel('Speed').selectOption(speed);
  await pg.getByRole('button', { name: 'Play' }).click();
  await expect
    .poll(async () => (await run(pg)).step, { timeout: 45_000, intervals: [100] })
    .toBeGreaterThanOrEqual(steps);
  await pg.getByRole('button', { name: 'Pause' }).click();
  await expect.poll(async () => (await run(pg)).playing).toBe(false);
  // Let the final snapshot arrive.
  await pg.page().waitForTimeout(100);
  return run(pg);
}

async function historyRows(pg: Locator): Promise<string[][]> {
  const details = pg.locator('details.nb-data');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open)))
    await details.locator('summary').click();
  await expect(pg.locator('[data-nb-table] tbody tr').first()).toBeVisible();
  return pg
    .locator('[data-nb-table] tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? '')));
}

test.describe('presets and URL state', () => {
  for (const p of presets) {
    test(`preset "${p.id}" loads from the URL`, async ({ page, baseURL }) => {
      const problems = watchPage(page, baseURL!);
      const pg = await open(page, `?preset=${p.id}`);
      const want = presetState(p);
      await expect(pg.getByLabel('Preset')).toHaveValue(p.id);
      await expect(pg.getByLabel('Data set')).toHaveValue(want.dataset);
      await expect(pg.locator('[data-out="layers"]')).toHaveText(
        `${want.hidden.length} hidden layer${want.hidden.length === 1 ? '' : 's'}`,
      );
      await expect(pg.locator('[data-notices]')).toBeHidden();
      const s = await run(pg);
      expect(s.hidden).toEqual(want.hidden);
      // The address now holds the whole setup, not just the preset name.
      const url = new URL(page.url());
      expect(url.searchParams.get('data')).toBe(want.dataset);
      expect(url.searchParams.get('net')).toBe(want.hidden.length ? want.hidden.join('-') : 'none');
      expect(url.searchParams.has('preset')).toBe(false);
      expect(problems.consoleErrors).toEqual([]);
    });
  }

  test('a preset link in the text loads the setup without leaving the page', async ({ page }) => {
    const pg = await open(page);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await page.getByRole('link', { name: 'This setup overfits — press play' }).click();
    await expect(pg.getByLabel('Preset')).toHaveValue('overfit');
    await expect(pg.getByLabel('Data set')).toHaveValue('gaussians');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    expect(new URL(page.url()).searchParams.get('net')).toBe('8-8-8');
  });

  test('out-of-range and malformed setups fall back with a notice', async ({ page }) => {
    const pg = await open(page, '?net=9-9-9-9-9-9-9-9&lr=banana&act=swish&noise=80');
    const notices = pg.locator('[data-notices]');
    await expect(notices).toBeVisible();
    await expect(notices).toContainText('at most 6');
    await expect(notices).toContainText('Learning rate "banana" is not a number');
    await expect(notices).toContainText('Unknown activation "swish"');
    await expect(notices).toContainText('Noise 80%');
    const s = await run(pg);
    expect(s.hidden).toEqual([8, 8, 8, 8, 8, 8]);
    const url = new URL(page.url());
    expect(url.searchParams.get('lr')).toBe('0.03');
    expect(url.searchParams.get('act')).toBe('tanh');
    expect(url.searchParams.get('noise')).toBe('50');
  });
});

test.describe('training', () => {
  test('training lowers the test loss and reports speed and engine', async ({ page }) => {
    const pg = await open(page, '?preset=circles');
    await expect.poll(async () => (await run(pg)).testLoss).not.toBeNull();
    const before = await run(pg);
    expect(before.testLoss).toBeGreaterThan(0.3);
    await pg.getByLabel('Speed').selectOption('64');
    await pg.getByRole('button', { name: 'Play' }).click();
    await expect
      .poll(async () =>
        Number((await pg.locator('[data-out="rate"]').innerText()).replace(/,/g, '')),
      )
      .toBeGreaterThan(1000);
    await expect(pg.locator('[data-out="engine"]')).toHaveText('typed-array engine, worker');
    await expect
      .poll(async () => (await run(pg)).testLoss ?? 1, { timeout: 30_000 })
      .toBeLessThan(0.1);
    await pg.getByRole('button', { name: 'Pause' }).click();
    // The text alternative says how the run is going.
    await expect(pg.locator('[data-nb-live]')).toContainText('test loss');
  });

  test('the same URL reproduces the same loss curve; a new seed gives another', async ({
    page,
  }) => {
    const query = '?data=spiral&net=6-4&feat=x1,x2,sinx1&lr=0.1&batch=7&drop=0.1&seed=77';
    let pg = await open(page, query);
    await train(pg, 1200, '4');
    const first = await historyRows(pg);
    pg = await open(page, query);
    await train(pg, 1200, '4');
    const second = await historyRows(pg);
    const byStep = new Map(first.map((r) => [r[0], r.join('|')]));
    const common = second.filter((r) => byStep.has(r[0]));
    expect(common.length).toBeGreaterThan(50);
    for (const r of common) expect(r.join('|')).toBe(byStep.get(r[0]));
    // Reset starts again from the same seed: the same numbers once more.
    await pg.getByRole('button', { name: 'Reset' }).click();
    expect((await run(pg)).step).toBe(0);
    await train(pg, 600, '4');
    const again = await historyRows(pg);
    const sameAgain = again.filter((r) => byStep.has(r[0]));
    expect(sameAgain.length).toBeGreaterThan(20);
    for (const r of sameAgain) expect(r.join('|')).toBe(byStep.get(r[0]));
    // The comparison can fail: another seed gives other numbers at the same steps.
    await pg.getByRole('button', { name: 'New seed' }).click();
    expect((await run(pg)).seed).not.toBe(77);
    await train(pg, 600, '4');
    const other = await historyRows(pg);
    const differs = other.filter((r) => byStep.has(r[0]) && byStep.get(r[0]) !== r.join('|'));
    expect(differs.length).toBeGreaterThan(10);
  });

  test('learning rate and regularization change while training without a restart', async ({
    page,
  }) => {
    const pg = await open(page, '?preset=circles');
    await pg.getByLabel('Speed').selectOption('4');
    await pg.getByRole('button', { name: 'Play' }).click();
    await expect.poll(async () => (await run(pg)).step).toBeGreaterThan(300);
    await pg.getByLabel('Learning rate', { exact: true }).selectOption('0.1');
    await pg.getByLabel('Regularization', { exact: true }).selectOption('l2');
    const after = await run(pg);
    expect(after.playing).toBe(true);
    expect(after.step).toBeGreaterThan(300);
    await expect(pg.locator('[data-out="lrNow"]')).toHaveText('0.100');
    expect(new URL(page.url()).searchParams.get('reg')).toBe('l2');
  });

  test('a diverging run stops, explains why and offers Reset', async ({ page }) => {
    const pg = await open(page);
    await page.getByRole('link', { name: 'This regression setup uses learning rate 1' }).click();
    await pg.getByRole('button', { name: 'Play' }).click();
    const alert = pg.getByRole('alert');
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('Training stopped at step');
    await expect(alert).toContainText('learning rate 1');
    const s = await run(pg);
    expect(s.diverged).toBe(true);
    expect(s.playing).toBe(false);
    // issue 16: the notice says what grew and quotes the last finite losses, which the readouts
    // (frozen at that point) show too.
    await expect(alert).toContainText(
      /the (weights|loss) grew beyond a million|stopped being a number/,
    );
    await expect(alert).not.toContainText('the loss or the weights');
    const text = (await alert.textContent()) ?? '';
    const quoted =
      /at step ([\d,]+): training (\d+(?:\.\d+)?(?:e[+-]?\d+)?), test (\d+(?:\.\d+)?(?:e[+-]?\d+)?)/.exec(
        text,
      );
    expect(quoted, 'the notice quotes the last finite losses').not.toBeNull();
    if (quoted) {
      await expect(pg.locator('[data-out="step"]')).toHaveText(quoted[1]!);
      await expect(pg.locator('[data-out="trainLoss"]')).toHaveText(quoted[2]!);
      await expect(pg.locator('[data-out="testLoss"]')).toHaveText(quoted[3]!);
    }
    await alert.getByRole('button', { name: 'Reset' }).click();
    await expect(alert).toBeHidden();
    expect((await run(pg)).step).toBe(0);
    await expect(pg.getByRole('button', { name: 'Play' })).toBeFocused();
  });

  test('without Worker the engine runs on the main thread in slices', async ({ page }) => {
    await page.addInitScript(() => {
      delete (window as unknown as { Worker?: unknown }).Worker;
    });
    const pg = await open(page, '?preset=circles');
    await expect(pg.locator('[data-out="engine"]')).toHaveText('typed-array engine, main thread');
    const s = await train(pg, 2500);
    expect(s.testLoss).toBeLessThan(0.3);
  });

  test('no long task (over 50 ms) during 5 s of training @timing', async ({ page }) => {
    // Runs in the "timing" project, after every other test, one at a time. The lesson's starting
    // setup; `npm run bench` also reports the 2-8-8-1 spiral setup. On two shared cores a single
    // window can catch the OS descheduling the main thread, so up to three 5 s windows are
    // measured and one must be clean (code that blocks the page fails every window).
    test.setTimeout(60_000);
    const pg = await open(page, '?preset=circles');
    await watchLongTasks(page);
    await pg.getByLabel('Speed').selectOption('64');
    await pg.getByRole('button', { name: 'Play' }).click();
    const long = await firstCleanWindow(page, { ms: 5000 });
    await pg.getByRole('button', { name: 'Pause' }).click();
    expect((await run(pg)).step).toBeGreaterThan(1000);
    expect(long).toEqual([]);
  });
});

test.describe('keyboard and text alternatives', () => {
  test('keyboard-only: change the setup, train, step, reset, inspect a neuron, draw points', async ({
    page,
  }) => {
    const pg = await open(page, '?preset=circles');
    // Data set menu: ArrowDown picks the next set (XOR).
    await pg.getByLabel('Data set').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await run(pg)).dataset).toBe('xor');
    // Add a layer with Enter, then one more neuron in it with Space.
    await pg.getByRole('button', { name: 'Add layer' }).focus();
    await page.keyboard.press('Enter');
    await expect(pg.locator('[data-out="layers"]')).toHaveText('3 hidden layers');
    await pg.getByRole('button', { name: 'More neurons in layer 3' }).focus();
    await page.keyboard.press('Space');
    expect((await run(pg)).hidden).toEqual([4, 2, 5]);
    // Keyboard focus stayed on the same button after the list was rebuilt.
    await expect(pg.getByRole('button', { name: 'More neurons in layer 3' })).toBeFocused();
    // P plays and pauses, S steps one epoch, R resets.
    await page.keyboard.press('p');
    await expect.poll(async () => (await run(pg)).step).toBeGreaterThan(0);
    await page.keyboard.press('p');
    await expect.poll(async () => (await run(pg)).playing).toBe(false);
    const paused = await run(pg);
    await page.keyboard.press('s');
    await expect.poll(async () => (await run(pg)).epoch).toBe(paused.epoch + 1);
    await page.keyboard.press('r');
    await expect.poll(async () => (await run(pg)).step).toBe(0);
    // Tab reaches the neuron maps; focusing one reads out its weights.
    await pg
      .getByRole('img', { name: 'Layer 1, neuron 1: map of its output over the plane' })
      .focus();
    await expect(pg.locator('[data-inspect]')).toContainText('Incoming weights. from x₁:');
    // Draw-your-own-points with the keyboard only.
    await pg.getByLabel('Preset').focus();
    await page.keyboard.type('Draw');
    await expect.poll(async () => (await run(pg)).dataset).toBe('drawn');
    const area = pg.getByRole('img', { name: /Drawing area/ });
    await area.focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await pg.getByRole('radio', { name: 'Class 1 (squares)' }).focus();
    await page.keyboard.press('Space');
    await area.focus();
    // The cross stayed where it was (x = 0.3); Shift moves it in steps of 0.2.
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Space');
    expect(new URL(page.url()).searchParams.get('pts')).toBe('30,0,0_-50,0,1_-50,5,1');
    await page.keyboard.press('p');
    await expect.poll(async () => (await run(pg)).step).toBeGreaterThan(0);
    await page.keyboard.press('p');
  });

  test('clicking the plot adds a point of the chosen class', async ({ page }) => {
    const pg = await open(page, '?preset=draw');
    const plot = pg.locator('[data-points]');
    const box = (await plot.boundingBox())!;
    await plot.click({ position: { x: box.width * 0.75, y: box.height * 0.25 } });
    expect(new URL(page.url()).searchParams.get('pts')).toBe('50,50,0');
    await pg.getByRole('button', { name: 'Undo last point' }).click();
    expect(new URL(page.url()).searchParams.get('pts')).toBe('');
  });

  test('the widget questions are graded from the playground state', async ({ page }) => {
    const pg = await open(page, '?preset=circles');
    // Chapter-quiz answers count once, so each question is checked once here.
    const overfit = page.locator('nb-quiz .nb-question[data-question="stop-overfitting"]');
    await overfit.locator('[data-action="check"]').click();
    await expect(overfit.locator('.nb-status')).toContainText(
      'Keep the data of the overfitting setup',
    );
    await train(pg, 4000);
    const small = page.locator('nb-quiz .nb-question[data-question="small-net-circles"]');
    await small.locator('[data-action="check"]').click();
    await expect(small.locator('.nb-status')).toContainText('with 6 hidden neurons');
  });
});
