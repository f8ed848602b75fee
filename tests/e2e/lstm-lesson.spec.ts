// Lesson 3.2 in the browser: the shipped character model generates at once (and greedily loops
// at temperature 0, as the text says), the gate viewer finds the lesson's formula unit, both
// widgets work from the keyboard alone, and training never blocks the main thread.
import { test, expect, type Page } from '@playwright/test';
import { watchPage } from './support/site.ts';
import { firstCleanWindow, watchLongTasks } from './support/long-tasks.ts';

const lesson = '/recurrent-networks/long-short-term-memory/';

interface CharState {
  source: string;
  step: number;
  running: boolean;
  loss: number | null;
  temperature: number;
  sample: { text: string; temperature: number; repetition: number } | null;
}
const charState = (page: Page) =>
  page.evaluate(() =>
    (document.querySelector('#char-lstm') as unknown as { quizState(): unknown }).quizState(),
  ) as Promise<CharState>;
const gateState = (page: Page) =>
  page.evaluate(() =>
    (document.querySelector('#gate-viewer') as unknown as { quizState(): unknown }).quizState(),
  ) as Promise<{
    mode: string;
    feature: string;
    unit: number;
    top: { unit: number; score: number }[];
  } | null>;

test('the shipped model writes at once, loops at temperature 0; the gate viewer finds unit 59', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL!);
  await page.goto(lesson);
  const char = page.locator('#char-lstm');
  // Before any script: a real sample generated at build time.
  await expect(char.locator('[data-out="sample"]')).toContainText('The network ');
  await char.scrollIntoViewIfNeeded();
  await expect(char).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect.poll(async () => (await charState(page)).sample?.text.length ?? 0).toBe(240);
  const first = await charState(page);
  expect(first.source).toBe('trained');
  expect(first.sample!.repetition).toBeLessThan(0.5);
  await expect(char.locator('[data-out="held"]')).toHaveText('6.5');

  await char.getByRole('slider', { name: 'Temperature' }).fill('0');
  await expect.poll(async () => (await charState(page)).sample?.temperature).toBe(0);
  const greedy = await charState(page);
  expect(greedy.sample!.text.startsWith('is the step sum a single step the sigmoid and')).toBe(
    true,
  );
  expect(greedy.sample!.repetition).toBeGreaterThanOrEqual(0.5);

  const gates = page.locator('#gate-viewer');
  await gates.scrollIntoViewIfNeeded();
  await expect(gates).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  const g = await gateState(page);
  expect(g!.feature).toBe('formula');
  expect(g!.top[0]!.unit).toBe(59);
  await expect(gates.locator('.nb-text-alt [data-nb-live]')).toContainText('Unit 59');
  expect(problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
});

test('keyboard only: train from scratch, pause, reload the trained model, sample; inspect a unit', async ({
  page,
}) => {
  await page.goto(lesson);
  const char = page.locator('#char-lstm');
  await char.scrollIntoViewIfNeeded();
  await expect(char).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await char.getByRole('button', { name: 'Train from scratch' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await charState(page)).source).toBe('scratch');
  await expect
    .poll(async () => (await charState(page)).step, { timeout: 20_000 })
    .toBeGreaterThan(5);
  await char.getByRole('button', { name: 'Pause' }).focus();
  await page.keyboard.press('Space');
  await expect.poll(async () => (await charState(page)).running).toBe(false);
  // The engine probe's choice is shown. This browser's GPUs are software (SwiftShader): the
  // typed-array engine trains (tests/unit/lstm/engine-choice.test.ts covers a hardware GPU).
  await expect(char).toHaveAttribute('data-engine', 'typed');
  await expect(char.locator('[data-out="engine"]')).toHaveText('typed arrays (CPU)');
  await page.keyboard.press('Shift+Tab'); // back to "Train from scratch"
  await page.keyboard.press('Shift+Tab'); // "Load trained"
  await expect(char.getByRole('button', { name: 'Load trained' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await charState(page)).source).toBe('trained');
  // Temperature with the arrow keys, a new prompt, then Sample.
  await char.getByRole('slider', { name: 'Temperature' }).focus();
  await page.keyboard.press('Home');
  await char.getByLabel('Prompt').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('The gradient ');
  await char.getByRole('button', { name: 'Sample' }).focus();
  await page.keyboard.press('Enter');
  await expect(char.locator('[data-out="sample"]')).toContainText('The gradient ');
  await expect.poll(async () => (await charState(page)).sample?.temperature).toBe(0);

  const gates = page.locator('#gate-viewer');
  await gates.scrollIntoViewIfNeeded();
  await expect(gates).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await gates.locator('[data-mode]').focus();
  await page.keyboard.press('ArrowDown');
  await gates.locator('[data-unit]').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('59');
  await expect.poll(async () => (await gateState(page))?.unit).toBe(59);
  expect((await gateState(page))!.mode).toBe('unit');
  await gates.getByLabel('Character to inspect').focus();
  await page.keyboard.press('ArrowRight');
  await expect(gates.locator('[data-readout]')).toContainText('Character 2 of');
  await expect(gates.locator('[data-readout]')).toContainText('F ');
});

test('no long task (over 50 ms) while the character model trains @timing', async ({ page }) => {
  // Up to three 5 s windows; one must be clean (see playground.spec.ts on this shared machine).
  test.setTimeout(60_000);
  await page.goto(lesson);
  const char = page.locator('#char-lstm');
  await char.scrollIntoViewIfNeeded();
  await expect(char).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await watchLongTasks(page);
  await char.getByRole('button', { name: 'Train from scratch' }).click();
  await expect.poll(async () => (await charState(page)).running).toBe(true);
  const long = await firstCleanWindow(page, { ms: 5000 });
  await char.getByRole('button', { name: 'Pause' }).click();
  expect((await charState(page)).step).toBeGreaterThan(10);
  expect(long).toEqual([]);
});
