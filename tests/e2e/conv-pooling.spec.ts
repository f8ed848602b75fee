// Lesson 2.2: the pooling explorer by keyboard. Its pooled values equal tf.maxPool / tf.avgPool
// of the feature map (recomputed here in Node from the same digit), each maximum's source cell is
// the one the text names, the shift comparison shows the numbers the lesson quotes, and the widget
// questions pass once the explorer is set as they ask.
import { test, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import * as tf from '@tensorflow/tfjs';
import { watchPage } from './support/site.ts';
import { answerByKeyboard, press, quizQuestions } from './lessons-quiz-keyboard.ts';
import { decodeSamples, sampleGrid } from '../../src/lib/conv/samples.ts';
import { featureMap } from '../../src/lib/conv/pooling-explorer.ts';
import { shiftGrid } from '../../src/lib/conv/shift.ts';
import type { PresetId } from '../../src/lib/conv/kernels.ts';

const PATH = '/convolutional-networks/pooling/';

interface PoolState {
  kind: 'max' | 'avg';
  window: number;
  stride: number;
  digit: number;
  preset: PresetId;
  shiftX: number;
  shiftY: number;
  row: number;
  col: number;
  pooledSize: number;
}
type Pooler = HTMLElement & { quizState(): PoolState };

async function pick(page: Page, select: Locator, value: string): Promise<void> {
  await select.focus();
  for (let i = 0; i < 10 && (await select.inputValue()) !== value; i++) {
    const values = await select
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const now = values.indexOf(await select.inputValue());
    await page.keyboard.press(values.indexOf(value) > now ? 'ArrowDown' : 'ArrowUp');
  }
  await expect(select).toHaveValue(value);
}

test('pooling explorer: tf-equal values, argmax, shift numbers, keyboard, quiz, axe', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await tf.setBackend('cpu');
  const problems = watchPage(page, baseURL!);
  await page.goto(PATH);
  const w = page.locator('#pooling-explorer');
  await w.scrollIntoViewIfNeeded();
  await expect(w).toHaveAttribute('data-ready', '');
  const samples = decodeSamples((await w.getAttribute('data-samples')) ?? '');
  expect(samples).toHaveLength(10);
  const cell = w.locator('[data-out="cell"]');

  /** Walks every pooled cell by keyboard-free reading and compares with tf's pooling. */
  const expectEqualsTf = async (): Promise<void> => {
    const s = await w.evaluate((el) => (el as Pooler).quizState());
    const input = shiftGrid(sampleGrid(samples[s.digit]!), s.shiftX, s.shiftY);
    const map = featureMap(input, s.preset);
    const out = tf.tidy(() => {
      const x = tf.tensor4d(map.data, [1, 26, 26, 1]);
      return s.kind === 'max'
        ? tf.maxPool(x, s.window, s.stride, 'valid')
        : tf.avgPool(x, s.window, s.stride, 'valid');
    });
    const want = out.dataSync();
    const n = out.shape[1];
    out.dispose();
    expect(n).toBe(s.pooledSize);
    await expect(w.locator('[data-out="pooled-size"]')).toHaveText(`${n} × ${n}`);
    // The selected cell's sentence names tf's value (and, for max, a cell holding it).
    const text = await cell.innerText();
    const value = Number(/ is (−?\d+\.\d+)/.exec(text)![1]!.replace('−', '-'));
    expect(value).toBeCloseTo(want[s.row * n + s.col]!, 2);
    if (s.kind === 'max' && value > 0) {
      const [, r, c] = /from row (\d+), column (\d+)/.exec(text)!.map(Number);
      expect(map.data[(r! - 1) * 26 + (c! - 1)]).toBeCloseTo(want[s.row * n + s.col]!, 5);
      expect(r! - 1).toBeGreaterThanOrEqual(s.row * s.stride);
      expect(r! - 1).toBeLessThan(s.row * s.stride + s.window);
    } else if (s.kind === 'max') expect(text).toContain('every cell of the');
  };

  await expect(w.locator('[data-out="summary"]')).toContainText(
    'into a 13×13 map: 169 values instead of 676.',
  );
  // It starts on the strongest pooled value, which tf agrees with.
  await expect(cell).toContainText('the maximum of the 2×2 window');
  await expectEqualsTf();
  // Keyboard through the pooled map to the 7's bar: row 5, column 6 (1-based).
  const pooled = w.getByRole('application', { name: /Pooled map/ });
  await pooled.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(cell).toContainText('Pooled row 5, column 6: the maximum of the 2×2 window');
  await expectEqualsTf();
  await page.keyboard.press('End');
  await expect(cell).toContainText('Pooled row 13, column 13');

  // The shift comparison, as the lesson quotes it.
  const numbers = async () =>
    Promise.all(['map-total', 'pool-total'].map((k) => w.locator(`[data-out="${k}"]`).innerText()));
  await pick(page, w.getByLabel('Right by (px)'), '1');
  await expect(w.locator('[data-out="shift-note"]')).toHaveText('(shifted 1 right, 0 down)');
  expect(await numbers()).toEqual(['62%', '37%']);
  await expectEqualsTf();
  await pick(page, w.getByLabel('Right by (px)'), '2');
  expect(await numbers()).toEqual(['117%', '81%']);
  await pick(page, w.getByLabel('Right by (px)'), '1');
  await pick(page, w.getByLabel('Pooling'), 'avg');
  expect(await numbers()).toEqual(['62%', '57%']);
  await expectEqualsTf();
  await pick(page, w.getByLabel('Pooling'), 'max');
  await pick(page, w.getByLabel('Window'), '3');
  await pick(page, w.getByLabel('Stride'), '3');
  expect(await numbers()).toEqual(['62%', '21%']);
  await expect(w.locator('[data-out="formula"]')).toHaveText('Pooled size: ⌊(26 − 3) / 3⌋ + 1 = 8');
  await expectEqualsTf();

  const quiz = page.locator('nb-quiz[data-quiz="pooling"]');
  const check = async (id: string) => {
    const root = quiz.locator(`.nb-question[data-question="${id}"]`);
    await press(page, root.locator('[data-action="check"]'));
    await expect(root.locator('.nb-status')).toContainText('Correct');
  };
  await check('pool-to-8');
  await pick(page, w.getByLabel('Stride'), '2');
  await expect(w.locator('[data-out="pooled-size"]')).toHaveText('12 × 12');
  await expectEqualsTf();
  await check('pool-overlap-12');
  // Another digit and kernel, shifted down.
  await pick(page, w.getByLabel('Digit', { exact: true }), '4');
  await pick(page, w.getByLabel('Kernel', { exact: true }), 'sobel-vertical');
  await pick(page, w.getByLabel('Down by (px)'), '-2');
  await expectEqualsTf();

  const questions = quizQuestions('pooling').filter((q) => !q.inline);
  expect(questions.length).toBeGreaterThanOrEqual(10);
  for (const q of questions.filter((q) => q.type !== 'widget'))
    await answerByKeyboard(page, quiz.locator(`.nb-question[data-question="${q.id}"]`), q);
  for (const q of quizQuestions('pooling').filter((q) => q.inline)) {
    const root = page.locator(`nb-check .nb-question[data-question="${q.id}"]`);
    await answerByKeyboard(page, root, q);
    await expect(root.locator('.nb-status')).toContainText('Correct.');
  }
  await expect(quiz.locator('.nb-result-verdict')).toContainText(
    `${questions.length} of ${questions.length} points`,
  );

  // The text alternative: the pooled map as a table (12 × 12 now, plus headers).
  await press(page, w.getByText('Show the pooled map as a table'));
  await expect(w.locator('table[data-map-table] tbody tr')).toHaveCount(12);
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((t) => {
      document.documentElement.dataset['theme'] = t;
    }, theme);
    const axe = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
      .analyze();
    expect(
      axe.violations.map((v) => `${theme} ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
    ).toEqual([]);
  }
  // After a reload the stored widget answers put the explorer back into a graded setting (both
  // graded states used 3 × 3 windows, with stride 3 and 2), not its 2 × 2 default.
  await page.reload();
  await expect(w).toHaveAttribute('data-ready', '');
  await expect(w.getByLabel('Window')).toHaveValue('3');
  expect(['2', '3']).toContain(await w.getByLabel('Stride').inputValue());
  expect(problems.consoleErrors).toEqual([]);
  expect(problems.failedRequests).toEqual([]);
  expect(problems.foreignRequests).toEqual([]);
});
