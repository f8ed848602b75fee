// The hardware lesson's matrix-multiplication benchmark: runs in a worker on the backends the
// browser offers, reports a positive rate for each one it could start, says why any other was not
// measured, keeps the page responsive, and answers its quiz question. One page load.
import { expect, test } from '@playwright/test';
import { answerByKeyboard, quizQuestions } from './lessons-quiz-keyboard.ts';

test('the benchmark measures every available backend, names the rest, and grades its question', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/practice/hardware-and-frameworks/');
  const widget = page.locator('nb-matmul-bench');
  // Before any run: the static frame explains what will happen; no worker, no tfjs.
  await expect(widget.getByRole('status')).toContainText('Not run yet');
  await widget.scrollIntoViewIfNeeded();
  await widget.getByLabel('Largest size').selectOption('256');
  // Keyboard only: focus Run and press Enter.
  await widget.getByRole('button', { name: 'Run the benchmark' }).focus();
  await page.keyboard.press('Enter');
  await expect(widget.getByRole('button', { name: 'Stop' })).toBeEnabled();
  await expect(widget.getByRole('status')).toContainText('Done.', { timeout: 150_000 });
  const state = (await widget.evaluate((el) =>
    (el as unknown as { quizState(): unknown }).quizState(),
  )) as {
    done: boolean;
    points: { backend: string; n: number; gflops: number }[];
    skipped: string[];
  };
  expect(state.done).toBe(true);
  const measured = new Set(state.points.map((p) => p.backend));
  // WebAssembly and plain JavaScript run in every browser the course supports.
  expect(measured).toContain('wasm');
  expect(measured).toContain('cpu');
  for (const b of measured) {
    const sizes = state.points.filter((p) => p.backend === b).map((p) => p.n);
    expect(sizes, b).toEqual([64, 128, 256]);
  }
  for (const p of state.points) expect(p.gflops, `${p.backend} ${p.n}`).toBeGreaterThan(0);
  // A backend that did not run is named with a reason; none is silently missing.
  expect(measured.size + state.skipped.length).toBe(4);
  if (state.skipped.length) await expect(widget.getByRole('status')).toContainText('Not measured:');
  // The lesson's claims about the test machine (2 cores, no GPU: graphics are emulated): at
  // 256×256 WebAssembly beats WebGL and WebGPU, and is more than three times plain JavaScript.
  const at256 = (b: string) => state.points.find((p) => p.backend === b && p.n === 256)?.gflops;
  for (const gpu of ['webgl', 'webgpu'])
    if (measured.has(gpu)) expect(at256('wasm')!, gpu).toBeGreaterThan(at256(gpu)!);
  expect(at256('wasm')!).toBeGreaterThan(3 * at256('cpu')!);
  // The text alternative lists every point.
  await expect(widget.locator('[data-nb-table] tbody tr')).toHaveCount(state.points.length);
  await expect(widget.locator('[data-nb-chart] [data-backend="wasm"] circle')).toHaveCount(3);
  // Focus stayed in the widget (Stop was disabled under it).
  expect(await widget.evaluate((el) => el.contains(document.activeElement))).toBe(true);

  // The chapter quiz, by keyboard: every question right, the widget question graded from this run.
  const quiz = page.locator('nb-quiz[data-quiz="hardware-and-frameworks"]');
  const questions = quizQuestions('hardware-and-frameworks').filter((q) => !q.inline);
  expect(questions.length).toBeGreaterThanOrEqual(10);
  expect(new Set(questions.map((q) => q.type)).size).toBe(5);
  for (const q of questions) {
    const root = quiz.locator(`.nb-question[data-question="${q.id}"]`);
    await answerByKeyboard(page, root, q);
    await expect(root.locator('.nb-status'), q.id).toContainText('Correct');
  }
  await expect(quiz.locator('.nb-result-verdict')).toContainText(
    `${questions.length} of ${questions.length} points`,
  );
});
