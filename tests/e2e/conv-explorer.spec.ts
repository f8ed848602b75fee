// Lesson 2.1: the convolution explorer's numbers equal tf.conv2d's (computed here, in Node, from
// the explorer's own input and kernel), the step-through and every control work by keyboard, the
// drawing pad takes keys and pointer strokes, the lesson's quoted numbers appear, the widget
// questions pass once the explorer is set as they ask, and the notebook runs a reader's kernel.
import { test, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import * as tf from '@tensorflow/tfjs';
import { watchPage } from './support/site.ts';
import { answerByKeyboard, press, quizQuestions } from './lessons-quiz-keyboard.ts';

const PATH = '/convolutional-networks/convolution-and-kernels/';

interface QuizState {
  input: number[];
  inputSize: number;
  kernel: number[];
  kernelSize: number;
  stride: number;
  padding: number;
  row: number;
  col: number;
  preset: string;
  source: string;
}
interface Maps {
  size: number;
  before: number[];
  after: number[];
}
type Explorer = HTMLElement & { quizState(): QuizState; maps(): Maps };

/** The explorer's state and maps, and tf.conv2d of the same input and kernel. */
async function expectEqualsTf(w: Locator): Promise<QuizState> {
  const { state, maps } = await w.evaluate((el) => ({
    state: (el as Explorer).quizState(),
    maps: (el as Explorer).maps(),
  }));
  const before = tf.memory().numTensors;
  const out = tf.tidy(() =>
    tf.conv2d(
      tf.tensor4d(state.input, [1, state.inputSize, state.inputSize, 1]),
      tf.tensor4d(state.kernel, [state.kernelSize, state.kernelSize, 1, 1]),
      state.stride,
      state.padding,
    ),
  );
  expect(out.shape.slice(1, 3)).toEqual([maps.size, maps.size]);
  const want = out.dataSync();
  out.dispose();
  expect(tf.memory().numTensors).toBe(before);
  // The quiz state rounds the input to 3 decimals; a 5×5 kernel of weights up to 2 keeps the
  // difference well under 0.02.
  maps.before.forEach((v, i) => expect(Math.abs(v - want[i]!)).toBeLessThan(0.02));
  maps.after.forEach((v, i) => expect(v).toBeCloseTo(Math.max(0, maps.before[i]!), 6));
  return state;
}

/** Chooses an option of a <select> with the arrow keys only. */
async function pick(page: Page, select: Locator, value: string): Promise<void> {
  await select.focus();
  for (let i = 0; i < 14 && (await select.inputValue()) !== value; i++) {
    const values = await select
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const now = values.indexOf(await select.inputValue());
    await page.keyboard.press(values.indexOf(value) > now ? 'ArrowDown' : 'ArrowUp');
  }
  await expect(select).toHaveValue(value);
}

const windowText = (w: Locator) => w.locator('[data-out="window"]');

test('explorer: equals tf.conv2d, steps by keyboard, quotes the lesson, grades the widget questions', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await tf.setBackend('cpu');
  const problems = watchPage(page, baseURL!);
  await page.goto(PATH);
  const w = page.locator('#conv-explorer');
  await w.scrollIntoViewIfNeeded();
  await expect(w).toHaveAttribute('data-ready', '');

  // Starting state: the 7, horizontal edges, 26×26, the summary the lesson quotes.
  let s = await expectEqualsTf(w);
  expect([s.source, s.preset, s.kernelSize, s.stride, s.padding]).toEqual([
    'digit-7',
    'horizontal-edges',
    3,
    1,
    0,
  ]);
  await expect(w.locator('[data-out="map-size"]')).toHaveText('26 × 26');
  await expect(w.locator('[data-out="summary"]')).toHaveText(
    'Horizontal edges (3×3), stride 1, padding 0: a 26×26 feature map with values from −2.99 to 2.98. After ReLU, 15% of its cells are above 0.',
  );

  // Step-through by keyboard: Home, Down 8, Right 12 → row 9, column 13, sum 2.98.
  const map = w.locator('[data-map="before"]');
  await map.focus();
  await page.keyboard.press('Home');
  await expect(windowText(w)).toContainText('Output row 1, column 1');
  await expect(w.locator('table[data-products] td')).toHaveCount(9);
  for (const td of await w.locator('table[data-products] td').all())
    await expect(td).toHaveText(/= 0\.00$/);
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
  await expect(windowText(w)).toHaveText(
    'Output row 9, column 13: the window covers input rows 9–11, columns 13–15. Sum of the 9 products: 2.98; after ReLU: 2.98.',
  );
  await expect(w.locator('[data-out="sum"]')).toHaveText(
    'Sum of the 9 products: 2.98. After ReLU: 2.98.',
  );
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(windowText(w)).toContainText(
    'Output row 6, column 17: the window covers input rows 6–8, columns 17–19. Sum of the 9 products: −2.99; after ReLU: 0.',
  );
  // The Next / Previous buttons step in reading order.
  await press(page, w.getByRole('button', { name: 'Next position' }));
  await expect(windowText(w)).toContainText('Output row 6, column 18');
  await press(page, w.getByRole('button', { name: 'Previous position' }));
  await expect(windowText(w)).toContainText('Output row 6, column 17');
  // Hovering a map cell moves the window there.
  const after = w.locator('canvas[data-canvas="after"]');
  const size = (await after.boundingBox())!;
  await after.hover({ position: { x: (size.width * 2.5) / 26, y: (size.height * 3.5) / 26 } });
  await expect(windowText(w)).toContainText('Output row 4, column 3');
  // Back to row 6, column 17 for the ReLU question.
  await map.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 16; i++) await page.keyboard.press('ArrowRight');
  await expect(windowText(w)).toContainText('after ReLU: 0.');

  // Vertical edges: the top bar's middle is dark after ReLU (the lesson says so).
  await pick(page, w.getByLabel('Kernel preset'), 'vertical-edges');
  await expectEqualsTf(w);
  const vert = await w.evaluate((el) => (el as Explorer).maps());
  for (let c = 8; c <= 15; c++) expect(vert.after[8 * 26 + c]).toBeLessThan(0.5);

  // Identity: the map is the digit minus its border.
  await pick(page, w.getByLabel('Kernel preset'), 'identity');
  s = await expectEqualsTf(w);
  const id = await w.evaluate((el) => (el as Explorer).maps());
  expect(id.before[0]).toBeCloseTo(s.input[29]!, 2);

  // Typing a kernel of one's own: 2, 2, 2 / 0, 0, 0 / −2, −2, −2.
  const weights = w.locator('input[data-weight]');
  const values = ['2', '2', '2', '0', '0', '0', '-2', '-2', '-2'];
  for (const [i, v] of values.entries()) {
    await weights.nth(i).focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(v);
  }
  await expect(w.getByLabel('Kernel preset')).toHaveValue('custom');
  s = await expectEqualsTf(w);
  expect(s.kernel).toEqual([2, 2, 2, 0, 0, 0, -2, -2, -2]);
  // A weight that is not a number is marked, and the kernel keeps its last good value.
  await weights.nth(4).focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('abc');
  await expect(weights.nth(4)).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('0');
  await expect(weights.nth(4)).not.toHaveAttribute('aria-invalid');

  const quiz = page.locator('nb-quiz[data-quiz="convolution-and-kernels"]');
  const check = async (id: string, text: string | RegExp) => {
    const root = quiz.locator(`.nb-question[data-question="${id}"]`);
    await press(page, root.locator('[data-action="check"]'));
    await expect(root.locator('.nb-status')).toContainText(text);
  };
  await check('own-horizontal-kernel', 'Correct');
  await check('relu-clips', 'Correct');

  // Stride 2, padding 1: 14 × 14, equal to tf.conv2d; the map-size question passes.
  await pick(page, w.getByLabel('Stride'), '2');
  await pick(page, w.getByLabel('Zero padding'), '1');
  await expect(w.locator('[data-out="formula"]')).toHaveText(
    'Output size: ⌊(28 + 2 − 3) / 2⌋ + 1 = 14',
  );
  await expect(w.locator('[data-out="map-size"]')).toHaveText('14 × 14');
  await expectEqualsTf(w);
  await check('map-size-14', 'Correct');

  // 5×5 Sobel with padding 2 and stride 1.
  await pick(page, w.getByLabel('Kernel size'), '5');
  await pick(page, w.getByLabel('Kernel preset'), 'sobel-vertical');
  await pick(page, w.getByLabel('Stride'), '1');
  await pick(page, w.getByLabel('Zero padding'), '2');
  await expect(weights).toHaveCount(25);
  s = await expectEqualsTf(w);
  expect([s.kernelSize, s.padding, s.preset]).toEqual([5, 2, 'sobel-vertical']);
  await expect(w.locator('[data-out="map-size"]')).toHaveText('28 × 28');
  // Every digit of the picker is a real MNIST digit and still equals tf.conv2d.
  await pick(page, w.getByLabel('Input image'), '3');
  s = await expectEqualsTf(w);
  expect(s.source).toBe('digit-3');

  // Drawing by keyboard: clear, then ink a short line with Space.
  await pick(page, w.getByLabel('Input image'), 'drawing');
  await expect(w.locator('[data-draw]')).toBeVisible();
  const pad = w.getByRole('application', { name: /Drawing pad/ });
  await pad.focus();
  await page.keyboard.press('c');
  s = await w.evaluate((el) => (el as Explorer).quizState());
  expect(s.input.every((v) => v === 0)).toBe(true);
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
  }
  s = await expectEqualsTf(w);
  expect(s.input.filter((v) => v > 0.5).length).toBeGreaterThanOrEqual(4);
  const inked = s.input.reduce((a, b) => a + b, 0);
  // A pointer stroke adds ink too.
  const padBox = (await pad.boundingBox())!;
  await page.mouse.move(padBox.x + padBox.width * 0.3, padBox.y + padBox.height * 0.2);
  await page.mouse.down();
  await page.mouse.move(padBox.x + padBox.width * 0.3, padBox.y + padBox.height * 0.8, {
    steps: 8,
  });
  await page.mouse.up();
  s = await expectEqualsTf(w);
  expect(s.input.reduce((a, b) => a + b, 0)).toBeGreaterThan(inked + 3);

  // The chapter quiz: every non-widget question answered by keyboard, all points.
  const questions = quizQuestions('convolution-and-kernels').filter((q) => !q.inline);
  expect(questions.length).toBeGreaterThanOrEqual(10);
  expect(new Set(questions.map((q) => q.type))).toEqual(
    new Set(['single', 'multiple', 'numeric', 'ordering', 'widget']),
  );
  for (const q of questions.filter((q) => q.type !== 'widget'))
    await answerByKeyboard(page, quiz.locator(`.nb-question[data-question="${q.id}"]`), q);
  for (const q of quizQuestions('convolution-and-kernels').filter((q) => q.inline)) {
    const root = page.locator(`nb-check .nb-question[data-question="${q.id}"]`);
    await answerByKeyboard(page, root, q);
    await expect(root.locator('.nb-status')).toContainText('Correct.');
  }
  await expect(quiz.locator('.nb-result-verdict')).toContainText(
    `${questions.length} of ${questions.length} points`,
  );

  // The text alternative: the whole feature map (28 × 28 now) as a table.
  await press(page, w.getByText('Show the feature map (before ReLU) as a table'));
  await expect(w.locator('table[data-map-table] tbody tr')).toHaveCount(28);
  await expect(w.locator('table[data-map-table] tbody tr').first().locator('td')).toHaveCount(28);
  // Closed again before axe (its 800 cells only slow the scan; the pooling spec checks such a
  // table open).
  await press(page, w.getByText('Show the feature map (before ReLU) as a table'));
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

test('notebook at 360 px, dark: a reader-written kernel gives its feature map; no sideways scroll; axe', async ({
  page,
  baseURL,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.addInitScript(() => localStorage.setItem('starlight-theme', 'dark'));
  const problems = watchPage(page, baseURL!);
  await page.goto(PATH);
  const nb = page.locator('nb-notebook[data-notebook-id="your-kernel"]');
  await nb.scrollIntoViewIfNeeded();
  await expect(nb).toHaveClass(/nb-ready/);
  const picture = nb.locator('.nb-cell').filter({ hasText: 'Code of picture' }).locator('svg');
  await expect(picture).toHaveAttribute(
    'aria-label',
    /^Feature map after ReLU: 26 × 26 values from 0\.00 to /,
  );
  const numbers = nb
    .locator('.nb-cell')
    .filter({ hasText: 'Code of numbers' })
    .locator('.nb-output');
  const first = await numbers.innerText();
  // A 1×5 kernel: the map is 28 × 24.
  await nb.locator('.nb-cell[data-editable] .cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText('kernel = [[1, 1, 1, 1, 1]]');
  await page.keyboard.press('Shift+Enter');
  await expect(picture).toHaveAttribute('aria-label', /: 28 × 24 values/);
  await expect(numbers).not.toHaveText(first);
  // A ragged kernel gives a message a reader understands.
  await nb.locator('.nb-cell[data-editable] .cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText('kernel = [[1, 2], [3]]');
  await page.keyboard.press('Shift+Enter');
  await expect(
    nb.locator('.nb-error').filter({ hasText: 'same number of values' }).first(),
  ).toBeVisible();

  await expect(page.locator('.katex-error')).toHaveCount(0);
  // At 360 px nothing makes the page scroll sideways (the explorer included).
  const explorer = page.locator('#conv-explorer');
  await explorer.scrollIntoViewIfNeeded();
  await expect(explorer).toHaveAttribute('data-ready', '');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
    .analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual(
    [],
  );
  expect(problems.consoleErrors).toEqual([]);
  expect(problems.foreignRequests).toEqual([]);
});
