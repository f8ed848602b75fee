// The gradient-descent explorer on the "Loss and gradient descent" lesson: every claim the lesson
// makes about it, pointer and keyboard operation, race mode, text alternatives and URL state.
import { test, expect, type Page, type Locator } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { watchPage } from './support/site.ts';

const LESSON = '/foundations/loss-and-gradient-descent/';

async function open(page: Page, query = ''): Promise<Locator> {
  await page.goto(LESSON + query);
  const w = page.locator('[data-nb-widget="descent-explorer"]');
  await w.scrollIntoViewIfNeeded();
  await expect(w).toHaveAttribute('data-ready', 'true');
  return w;
}

const pathA = (w: Locator) => w.locator('.de-surface .nb-path-a .nb-path-line');
const pathB = (w: Locator) => w.locator('.de-surface .nb-path-b .nb-path-line');
const verdict = (w: Locator, which = 'a') => w.locator(`[data-verdict="${which}"]`);
/** Slider position of a learning rate: 100 positions per decade from 0.001. */
const lrPos = (lr: number) => String(Math.round((Math.log10(lr) + 3) * 100));

test('renders a complete static figure before any script runs', async ({ browser, baseURL }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL! });
  const page = await ctx.newPage();
  await page.goto(LESSON);
  const w = page.locator('[data-nb-widget="descent-explorer"]');
  await expect(verdict(w)).toHaveText('Converged in 18 steps.');
  await expect(w.getByRole('combobox', { name: 'Loss surface' })).toHaveValue('bowl');
  await expect(w.getByRole('slider', { name: /Learning rate/ })).toHaveAttribute(
    'aria-valuetext',
    '0.1',
  );
  await expect(w.locator('.de-surface .nb-contour').first()).toBeAttached();
  await expect(w.locator('[data-nb-live]')).toContainText('Converged in 18 steps');
  await ctx.close();
});

test('lr = 0.1 on the bowl converges in 18 steps, following the numbers in the text', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL!);
  const w = await open(page);
  await expect(verdict(w)).toHaveText('Converged in 18 steps.');
  await expect(verdict(w)).toHaveAttribute('data-kind', 'converged');
  // "the first step lands on (2, 1.6), the next on (1.6, 1.28), the loss falls 10.25 → 6.56 → 4.2"
  const rows = w.locator('[data-nb-table] tbody tr');
  await expect(rows.nth(0)).toHaveText(/^0\s*2\.5\s*2\s*10\.25$/);
  await expect(rows.nth(1)).toHaveText(/^1\s*2\s*1\.6\s*6\.56$/);
  await expect(rows.nth(2)).toHaveText(/^2\s*1\.6\s*1\.28\s*4\.198$/);
  expect(problems.consoleErrors).toEqual([]);
  expect(problems.failedRequests).toEqual([]);
});

test('lr = 2.0 on the bowl diverges and says so; the presets switch between both', async ({
  page,
}) => {
  const w = await open(page);
  await w.getByRole('button', { name: /η = 2\.0 on the bowl/ }).click();
  await expect(verdict(w)).toHaveText(
    /^Diverged at step 2: the loss grew instead of shrinking\. Try a smaller learning rate\./,
  );
  await expect(verdict(w)).toHaveAttribute('data-kind', 'diverged');
  await expect(w.locator('[data-out="lr"]')).toHaveText('2');
  // the loss had grown to 81 times its starting value at step 2
  await expect(w.locator('[data-nb-table] tbody tr').nth(2)).toHaveText(/830\.3$/);
  await expect(w.getByRole('button', { name: 'Reset' })).toBeVisible();
  await w.getByRole('button', { name: /η = 0\.1 on the bowl/ }).click();
  await expect(verdict(w)).toHaveText('Converged in 18 steps.');
  // the same with the slider itself
  await w.getByRole('slider', { name: /Learning rate/ }).fill(lrPos(2));
  await expect(verdict(w)).toHaveText(/^Diverged at step 2/);
});

test('the other learning rates in the text: too small, bouncing, overshooting', async ({
  page,
}) => {
  const w = await open(page);
  const lr = w.getByRole('slider', { name: /Learning rate/ });
  await lr.fill(lrPos(0.001));
  await expect(w.locator('[data-out="lr"]')).toHaveText('0.001');
  await expect(verdict(w)).toHaveText(/^Not converged after 50 steps/);
  // "covered less than a tenth of the way": distance 0.998^50 ≈ 0.905 of the start's
  const last = w.locator('[data-nb-table] tbody tr').last();
  await expect(last).toHaveText(/^50\s*2\.262\s*1\.809/);
  await lr.fill(lrPos(1));
  await expect(verdict(w)).toHaveText(/^Oscillating/);
  await lr.fill(lrPos(0.8));
  await expect(verdict(w)).toHaveText(/^Converged in \d+ steps\./);
  await lr.fill(lrPos(0.95));
  await expect(verdict(w)).toHaveText(/^Converged in \d+ steps\./);
});

test('moving the learning-rate slider changes the path and the loss curve', async ({ page }) => {
  const w = await open(page);
  const before = await pathA(w).getAttribute('d');
  const curve = w.locator('.de-loss .nb-line').first();
  const curveBefore = await curve.getAttribute('d');
  await w.getByRole('slider', { name: /Learning rate/ }).fill(lrPos(0.03));
  await expect(w.locator('[data-out="lr"]')).toHaveText('0.0302');
  const after = await pathA(w).getAttribute('d');
  expect(after).not.toBe(before);
  expect(await curve.getAttribute('d')).not.toBe(curveBefore);
  // both paths start at the same point: only the steps changed
  expect(after!.split('L')[0]).toBe(before!.split('L')[0]);
});

test('dragging the start point moves the path start', async ({ page }) => {
  const w = await open(page);
  const svg = w.locator('.de-surface');
  const box = (await svg.boundingBox())!;
  const handle = w.locator('.de-handle');
  const hb = (await handle.boundingBox())!;
  await page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
  await page.mouse.down();
  // to the plot's upper-left quarter
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3, { steps: 5 });
  await page.mouse.up();
  const x = Number(await w.getByRole('spinbutton', { name: 'w₁' }).inputValue());
  const y = Number(await w.getByRole('spinbutton', { name: 'w₂' }).inputValue());
  expect(x).toBeLessThan(0);
  expect(y).toBeGreaterThan(0);
  await expect(handle).toHaveAttribute(
    'aria-valuetext',
    new RegExp(`^w₁ = ${String(x).replace('-', '−')}`),
  );
  await expect(w.locator('[data-nb-live]')).toContainText(
    `from w₁ = ${String(x).replace('-', '−')}, w₂ = ${y}`,
    {
      timeout: 3000,
    },
  );
});

test('the start point moves with the arrow keys and the number inputs, and bad input is refused', async ({
  page,
}) => {
  const w = await open(page);
  const handle = w.locator('.de-handle');
  const d0 = await pathA(w).getAttribute('d');
  await handle.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowDown');
  await expect(w.getByRole('spinbutton', { name: 'w₁' })).toHaveValue('2');
  await expect(w.getByRole('spinbutton', { name: 'w₂' })).toHaveValue('1.9');
  expect(await pathA(w).getAttribute('d')).not.toBe(d0);
  await page.keyboard.press('Home');
  await expect(w.getByRole('spinbutton', { name: 'w₁' })).toHaveValue('2.5');
  const x = w.getByRole('spinbutton', { name: 'w₁' });
  await x.fill('-1.5');
  await expect(handle).toHaveAttribute('aria-valuetext', /^w₁ = −1\.5, w₂ = 2/);
  await x.fill('');
  await expect(w.locator('[data-input-error]')).toHaveText(/Enter a number for w₁/);
  await expect(handle).toHaveAttribute('aria-valuetext', /^w₁ = −1\.5/);
  await x.fill('40');
  await expect(w.locator('[data-input-error]')).toHaveText(/kept inside/);
  await expect(handle).toHaveAttribute('aria-valuetext', /^w₁ = 3,/);
});

test('keyboard only: every control is reachable with Tab and works from the keyboard', async ({
  page,
}) => {
  const w = await open(page);
  // μ is disabled (with its reason shown) under SGD; it takes part once Momentum is chosen.
  const mu = w.locator('[name="momentum"]');
  await expect(mu).toBeDisabled();
  await expect(mu.locator('xpath=..').locator('small')).toHaveText(
    '(used only by the Momentum optimizer: choose it to change μ)',
  );
  await w.locator('[name="optimizer"]').selectOption('momentum');
  await expect(mu).toBeEnabled();
  await w.getByRole('combobox', { name: 'Loss surface' }).focus();
  const names: string[] = [];
  for (let i = 0; i < 22; i++) {
    names.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return '';
        return (
          el.getAttribute('name') ??
          el.dataset['nbControl'] ??
          el.getAttribute('class') ??
          el.textContent ??
          ''
        ).trim();
      }),
    );
    await page.keyboard.press('Tab');
  }
  for (const n of [
    'surface',
    'optimizer',
    'lr',
    'momentum',
    'steps',
    'decay',
    'startX',
    'startY',
    'race',
    'optimizerB',
    'de-handle',
    'play',
    'step',
    'reset',
    'speed',
  ]) {
    expect(names, `Tab reaches ${n}`).toContain(n);
  }
  // Operate with keys only.
  await w.getByRole('slider', { name: /Learning rate/ }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(w.locator('[data-out="lr"]')).toHaveText('0.102');
  await page.keyboard.press('End');
  await expect(w.locator('[data-out="lr"]')).toHaveText('10');
  await expect(verdict(w)).toHaveText(/^Diverged/);
  await page.keyboard.press('r'); // Reset shortcut
  await expect(w.locator('[data-out="lr"]')).toHaveText('0.1');
  await w.getByRole('slider', { name: 'Steps' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(w.locator('[data-out="steps"]')).toHaveText('49');
  await w.getByRole('combobox', { name: 'Loss surface' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(w.getByRole('combobox', { name: 'Loss surface' })).toHaveValue('valley');
  await w.getByRole('combobox', { name: 'Optimizer', exact: true }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(w.getByRole('combobox', { name: 'Optimizer', exact: true })).toHaveValue('momentum');
  await w.getByRole('combobox', { name: 'Learning-rate decay' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(w.getByRole('combobox', { name: 'Learning-rate decay' })).toHaveValue('step');
  await w.getByRole('slider', { name: 'Momentum μ' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(w.locator('[data-out="momentum"]')).toHaveText('0.89');
  await w.getByLabel('Race a second optimizer').focus();
  await page.keyboard.press('Space');
  await expect(pathB(w)).toHaveAttribute('d', /^M/);
  // Replay: Step (S), Play (P), and the buttons themselves with Enter.
  await w.getByRole('button', { name: 'Step' }).focus();
  await page.keyboard.press('Enter');
  await expect(pathA(w)).toHaveAttribute('d', /^M[\d.,]+L[\d.,]+$/); // one update shown
  await page.keyboard.press('s');
  await expect(pathA(w)).toHaveAttribute('d', /^M[\d.,]+L[\d.,]+L[\d.,]+$/);
  await page.keyboard.press('p');
  await expect(w.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press('p');
  await expect(w.getByRole('button', { name: 'Replay' })).toBeVisible();
  await w.getByRole('button', { name: 'Reset' }).focus();
  await page.keyboard.press('Enter');
  await expect(w.getByRole('combobox', { name: 'Loss surface' })).toHaveValue('bowl');
  await expect(verdict(w)).toHaveText('Converged in 18 steps.');
});

test('race mode shows two paths from the same start and two verdicts', async ({ page }) => {
  const w = await open(page);
  await expect(pathB(w)).toHaveCount(0);
  await w.getByLabel('Race a second optimizer').check();
  await w.getByRole('combobox', { name: 'Second optimizer' }).selectOption('adam');
  await expect(pathB(w)).toHaveAttribute('d', /^M/);
  const a = (await pathA(w).getAttribute('d'))!;
  const b = (await pathB(w).getAttribute('d'))!;
  expect(a.split('L')[0]).toBe(b.split('L')[0]);
  expect(a).not.toBe(b);
  await expect(verdict(w, 'a')).toHaveText(/^SGD: Converged in 18 steps\./);
  await expect(verdict(w, 'b')).toHaveText(/^Adam: /);
  await expect(w.locator('.de-loss .nb-line')).toHaveCount(2);
  await expect(w.locator('[data-legend]')).toHaveText(/Dashed line and diamond end: Adam/);
  await expect(w.locator('[data-nb-table] thead th')).toHaveCount(7);
});

test('the other surfaces behave as the text says', async ({ page }) => {
  const w = await open(page);
  const lr = w.getByRole('slider', { name: /Learning rate/ });
  await w.getByRole('combobox', { name: 'Loss surface' }).selectOption('valley');
  await lr.fill(lrPos(0.5));
  await expect(verdict(w)).toHaveText(/^Oscillating/);
  await w.getByRole('combobox', { name: 'Loss surface' }).selectOption('two-minima');
  await lr.fill(lrPos(0.1));
  await expect(verdict(w)).toHaveText(/to a local minimum \(not the lowest one\)/);
  await w.getByRole('spinbutton', { name: 'w₁' }).fill('-1.6');
  await w.getByRole('spinbutton', { name: 'w₂' }).fill('1.5');
  await expect(verdict(w)).toHaveText(/^Converged in \d+ steps\.$/);
  await w.getByRole('combobox', { name: 'Loss surface' }).selectOption('regression');
  await expect(w.getByRole('spinbutton', { name: 'w', exact: true })).toBeVisible();
  await expect(w.getByRole('spinbutton', { name: 'b', exact: true })).toBeVisible();
  await expect(w.locator('.de-surface .nb-label-x')).toHaveText('w');
  await expect(w.locator('.de-surface .nb-label-y')).toHaveText('b');
  await expect(w.locator('[data-nb-live]')).toContainText('Linear regression (MSE)', {
    timeout: 3000,
  });
});

test('settings go into the URL, survive a reload, and a bad link falls back with a notice', async ({
  page,
}) => {
  const w = await open(page);
  await w.getByRole('button', { name: /η = 2\.0 on the bowl/ }).click();
  await expect(page).toHaveURL(/descent\.lr=2/);
  await page.reload();
  const w2 = page.locator('[data-nb-widget="descent-explorer"]');
  await expect(w2).toHaveAttribute('data-ready', 'true');
  await expect(verdict(w2)).toHaveText(/^Diverged at step 2/);
  const w3 = await open(page, '?descent.lr=banana&descent.x=99');
  await expect(w3.locator('[data-notice]')).toHaveText(/could not be read \(lr\)/);
  await expect(w3.locator('[data-notice]')).toHaveText(/moved inside/);
  await expect(w3.locator('[data-out="lr"]')).toHaveText('0.1');
  await expect(w3.getByRole('spinbutton', { name: 'w₁' })).toHaveValue('3');
});

test('exposes its settings to quizzes and announces changes', async ({ page }) => {
  const w = await open(page);
  const changed = page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        document.addEventListener('nb-widget-change', () => resolve(true), { once: true });
      }),
  );
  await w.getByRole('slider', { name: /Learning rate/ }).fill(lrPos(2));
  expect(await changed).toBe(true);
  const state = await page.evaluate(() =>
    (document.getElementById('descent') as unknown as { quizState(): unknown }).quizState(),
  );
  expect(state).toMatchObject({
    surface: 'bowl',
    optimizer: 'sgd',
    lr: 2,
    verdict: 'diverged',
    start: [2.5, 2],
  });
  await expect(w.locator('[data-nb-live]')).toHaveAttribute('aria-live', 'polite');
  await expect(w.locator('[data-nb-live]')).toContainText('Diverged at step 2', { timeout: 3000 });
});

for (const theme of ['light', 'dark'] as const) {
  test(`no axe violations with a race, a diverged path, a notice and the table open (${theme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    const w = await open(page, '?descent.steps=oops');
    await w.getByRole('checkbox', { name: 'Race a second optimizer' }).check();
    await w.getByRole('slider', { name: /Learning rate/ }).fill(lrPos(2));
    await w.getByRole('spinbutton', { name: 'w₁' }).fill('');
    await expect(verdict(w, 'b')).toBeVisible();
    await w.getByText('The path as a table').click();
    await w.locator('.de-handle').focus();
    const axe = await new AxeBuilder({ page })
      .include('[data-nb-widget="descent-explorer"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
      .analyze();
    expect(
      axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  });
}
