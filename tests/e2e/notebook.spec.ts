// The reactive notebook in the first lesson ("A single unit"): lazy loading, reactivity, editing,
// errors, the loop guard, saved edits, reset, cleanup and accessibility.
import { test, expect, type Page, type Locator } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distDir, watchPage } from './support/site.ts';

const LESSON = '/foundations/what-is-deep-learning/';
const AUTHORED = 'sigma = (z) => 1 / (1 + Math.exp(-z))';

/** What a built JS file contains, judged by strings only that library has. */
function notebookCodeIn(url: string): string[] {
  const path = new URL(url).pathname;
  if (!path.endsWith('.js')) return [];
  let code: string;
  try {
    code = readFileSync(join(distDir, path), 'utf8');
  } catch {
    return [];
  }
  const kinds: string[] = [];
  if (code.includes('circular definition')) kinds.push('observable runtime');
  if (code.includes('cm-content')) kinds.push('codemirror');
  if (code.includes('Assigning to rvalue')) kinds.push('parser'); // an acorn message
  if (code.includes('inputs-3a86ea')) kinds.push('inputs');
  if (code.includes('registerKernel(')) kinds.push('tfjs');
  return kinds;
}

function notebook(page: Page): Locator {
  return page.locator('nb-notebook[data-notebook-id="unit"]');
}
const cell = (page: Page, label: string) =>
  notebook(page).locator('.nb-cell', {
    has: page.locator('.nb-cell-label, summary', { hasText: label }),
  });

/** Opens the lesson, scrolls the notebook into view and waits until it runs. */
async function openNotebook(page: Page): Promise<Locator> {
  await page.goto(LESSON);
  const nb = notebook(page);
  await nb.scrollIntoViewIfNeeded();
  await expect(nb).toHaveClass(/nb-ready/);
  await expect(notebook(page).getByRole('slider', { name: 'Weight w', exact: true })).toBeVisible();
  await expect(plotCaption(page)).toContainText('y rises');
  return nb;
}

const formula = (page: Page) => cell(page, 'formula').locator('.nb-output');
const plotCaption = (page: Page) => cell(page, 'plot').locator('figcaption');
const editor = (page: Page) => cell(page, 'activation σ').locator('.cm-content');
const cellError = (page: Page, label: string) => cell(page, label).locator('.nb-error');
const status = (page: Page) => notebook(page).getByRole('status');

/** Replaces the activation cell's code by typing, then runs it with Shift+Enter. */
async function editActivation(page: Page, code: string): Promise<void> {
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
  await page.keyboard.press('Shift+Enter');
}

test('no notebook code is requested before the notebook is scrolled into view', async ({
  page,
}) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto(LESSON);
  await page.waitForLoadState('networkidle');
  const box = await notebook(page).boundingBox();
  const viewport = page.viewportSize()!;
  expect(box!.y, 'the notebook starts below the first screen').toBeGreaterThan(viewport.height);
  expect(requested.flatMap(notebookCodeIn)).toEqual([]);
  await expect(status(page)).toHaveText(/starts when it scrolls into view/);

  await notebook(page).scrollIntoViewIfNeeded();
  await expect(notebook(page)).toHaveClass(/nb-ready/);
  await expect(notebook(page).getByRole('slider', { name: 'Weight w', exact: true })).toBeVisible();
  const loaded = new Set(requested.flatMap(notebookCodeIn));
  expect(loaded).toContain('observable runtime');
  expect(loaded).toContain('codemirror');
  expect(loaded).toContain('inputs');
  // Authored cells were compiled at build time: the parser loads only for reader-edited code.
  expect(loaded).not.toContain('parser');
  await editActivation(page, 'sigma = (z) => Math.tanh(z)');
  await expect(plotCaption(page)).toContainText('lowest −1.00');
  expect(requested.flatMap(notebookCodeIn)).toContain('parser');
});

test('moving a slider updates the formula and the plot that depend on it', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL!);
  await openNotebook(page);
  await expect(formula(page)).toContainText('1.0');
  const curve = cell(page, 'plot').locator('path.nb-curve');
  const before = await curve.getAttribute('d');

  await notebook(page).getByRole('slider', { name: 'Weight w', exact: true }).fill('2.5');
  await expect(formula(page)).toContainText('2.5');
  await expect(cell(page, 'plot').locator('svg title')).toHaveText(/σ\(2\.5·x/);
  await expect(curve).not.toHaveAttribute('d', before!);

  // Keyboard works too: one step right on the bias slider.
  await notebook(page).getByRole('slider', { name: 'Bias b', exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(formula(page)).toContainText('+ 0.1');
  await expect(plotCaption(page)).toContainText('fastest near x = −0.');
  await expect(notebook(page).getByRole('spinbutton', { name: 'Bias b', exact: true })).toHaveValue(
    '0.1',
  );
  expect(problems.consoleErrors).toEqual([]);
});

test('editing a cell and pressing Shift+Enter re-runs its dependents', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL!);
  await openNotebook(page);
  await expect(editor(page)).toHaveText(AUTHORED);
  await editActivation(page, 'sigma = (z) => Math.max(0, z)');
  // ReLU of x on [-6, 6] with w = 1, b = 0 tops out at 6.
  await expect(plotCaption(page)).toContainText('highest 6.00');
  await expect(status(page)).toHaveText('activation σ ran. 1 dependent cell updated.');
  await expect(cell(page, 'activation σ').locator('.nb-edited')).toBeVisible();

  // The Run button does the same.
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText('sigma = (z) => 2 * z');
  await cell(page, 'activation σ').getByRole('button', { name: 'Run activation σ' }).click();
  await expect(plotCaption(page)).toContainText('highest 12.00');
  expect(problems.consoleErrors).toEqual([]);
});

test('a syntax error shows on its cell only and the rest keeps running', async ({ page }) => {
  await openNotebook(page);
  await editActivation(page, 'sigma = (z) => 1 / (1 + Math.exp(-z)');
  await expect(cellError(page, 'activation σ')).toBeVisible();
  await expect(cellError(page, 'activation σ')).toHaveText(
    /Error in cell activation σ, line 1, column \d+: Unexpected (token|end of input)/,
  );
  await expect(status(page)).toContainText('Error in cell activation σ');
  // Only that cell shows an error; the plot still shows the last working code (a sigmoid).
  await expect(notebook(page).locator('.nb-error:visible')).toHaveCount(1);
  await expect(plotCaption(page)).toContainText('highest 1.00');

  await notebook(page).getByRole('slider', { name: 'Weight w', exact: true }).fill('-2');
  await expect(formula(page)).toContainText('-2.0');
  await expect(plotCaption(page)).toContainText('y falls');

  // Fixing the code clears the error.
  await editActivation(page, AUTHORED);
  await expect(cellError(page, 'activation σ')).toBeHidden();
});

test('an infinite loop in an edited cell is stopped and the page stays responsive', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL!);
  await openNotebook(page);
  await editActivation(page, 'sigma = {\n  while (true) {}\n  return (z) => z;\n}');
  await expect(cellError(page, 'activation σ')).toHaveText(/stopped after \d+ ms/, {
    timeout: 15_000,
  });
  await expect(status(page)).toContainText('stopped after');
  await expect(cellError(page, 'plot')).toHaveText('Waiting for activation σ, which has an error.');

  // The page answers at once and the other cells still react.
  const t0 = Date.now();
  await page.evaluate(() => 1);
  expect(Date.now() - t0).toBeLessThan(1000);
  await notebook(page).getByRole('slider', { name: 'Weight w', exact: true }).fill('3');
  await expect(formula(page)).toContainText('3.0');

  // A plain `while(true){}` block cell is stopped too.
  await editActivation(page, 'sigma = (z) => z');
  await expect(cellError(page, 'activation σ')).toBeHidden();
  await editActivation(page, '{ while(true){} }');
  await expect(cellError(page, 'activation σ')).toHaveText(/stopped after \d+ ms/, {
    timeout: 15_000,
  });
  expect(problems.consoleErrors).toEqual([]);
});

test('a generator cell runs past the loop budget while it yields, and is cleaned up when re-run', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, baseURL!);
  await openNotebook(page);
  // The loop never ends, but it yields once per animation frame, so the page is never blocked.
  await editActivation(
    page,
    [
      'sigma = {',
      '  let frames = 0;',
      '  invalidation.then(() => { document.body.dataset.nbInvalidated = "yes"; });',
      '  try {',
      '    while (true) {',
      '      frames++;',
      '      yield frames > 30 ? (z) => Math.max(0, z) : (z) => 1 / (1 + Math.exp(-z));',
      '    }',
      '  } finally {',
      '    document.body.dataset.nbFinally = "yes";',
      '  }',
      '}',
    ].join('\n'),
  );
  await expect(plotCaption(page)).toContainText('highest 6.00');
  await page.waitForTimeout(1500);
  await expect(cellError(page, 'activation σ')).toBeHidden();
  await expect(plotCaption(page)).toContainText('highest 6.00');

  // Re-running the cell (here: Reset cell) stops the old generator and resolves its invalidation.
  await cell(page, 'activation σ').getByRole('button', { name: 'Reset cell activation σ' }).click();
  await expect(plotCaption(page)).toContainText('highest 1.00');
  await expect(page.locator('body')).toHaveAttribute('data-nb-finally', 'yes');
  await expect(page.locator('body')).toHaveAttribute('data-nb-invalidated', 'yes');
  expect(problems.consoleErrors).toEqual([]);
});

test('tf loads only when a cell reads it, and cells can use it', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await openNotebook(page);
  expect(requested.flatMap(notebookCodeIn)).not.toContain('tfjs');
  await editActivation(
    page,
    'sigma = {\n  const t = tf.tensor1d([1, 2, 3]);\n  const s = t.sum().dataSync()[0];\n  t.dispose();\n  return (z) => s * z;\n}',
  );
  // s = 6, so y = 6x on [-6, 6] tops out at 36.
  await expect(plotCaption(page)).toContainText('highest 36.00', { timeout: 30_000 });
  expect(requested.flatMap(notebookCodeIn)).toContain('tfjs');
  expect(problems.consoleErrors).toEqual([]);
});

test('edits survive a reload; Reset cell and Reset notebook bring back the authored code', async ({
  page,
}) => {
  await openNotebook(page);
  await editActivation(page, 'sigma = (z) => Math.max(0, z)');
  await expect(plotCaption(page)).toContainText('highest 6.00');

  await page.reload();
  await notebook(page).scrollIntoViewIfNeeded();
  await expect(editor(page)).toHaveText('sigma = (z) => Math.max(0, z)');
  await expect(plotCaption(page)).toContainText('highest 6.00');
  await expect(status(page)).toContainText('Restored your edits to 1 cell');

  await cell(page, 'activation σ').getByRole('button', { name: 'Reset cell activation σ' }).click();
  await expect(editor(page)).toHaveText(AUTHORED);
  await expect(plotCaption(page)).toContainText('highest 1.00');
  await expect(status(page)).toHaveText(
    'activation σ was reset to the original code. 1 dependent cell updated.',
  );
  await page.reload();
  await notebook(page).scrollIntoViewIfNeeded();
  await expect(notebook(page)).toHaveClass(/nb-ready/);
  await expect(editor(page)).toHaveText(AUTHORED);

  // Reset notebook: discards edits (kept across reloads until then) and restores every cell.
  await editActivation(page, 'sigma = (z) => -z');
  await expect(plotCaption(page)).toContainText('y falls');
  await notebook(page).getByRole('button', { name: 'Reset notebook' }).click();
  await expect(editor(page)).toHaveText(AUTHORED);
  await expect(plotCaption(page)).toContainText('y rises');
  await page.reload();
  await notebook(page).scrollIntoViewIfNeeded();
  await expect(notebook(page)).toHaveClass(/nb-ready/);
  await expect(editor(page)).toHaveText(AUTHORED);
});

test('the editor lets focus out with Escape then Tab; Tab alone indents and undo works', async ({
  page,
}) => {
  await openNotebook(page);
  await editor(page).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Tab');
  await expect(editor(page)).toBeFocused();
  // Tab indents the line (CodeMirror's indentWithTab) rather than leaving the editor.
  const indented = await editor(page).textContent();
  expect(indented).not.toBe(AUTHORED);
  expect(indented?.trim()).toBe(AUTHORED.trim());
  // Undo takes the indentation back.
  await page.keyboard.press('ControlOrMeta+z');
  await expect(editor(page)).toHaveText(AUTHORED);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(editor(page)).not.toBeFocused();
  const focused = await page.evaluate(
    () => document.activeElement?.closest('nb-notebook') !== null,
  );
  expect(focused).toBe(true);
});

test('leaving the page disposes the runtime: inputs stop driving the cells', async ({ page }) => {
  await openNotebook(page);
  await page.evaluate(() =>
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })),
  );
  await expect(notebook(page)).not.toHaveClass(/nb-ready/);
  await notebook(page).getByRole('slider', { name: 'Weight w', exact: true }).fill('3.5');
  await page.waitForTimeout(300);
  await expect(formula(page)).not.toContainText('3.5');
});

async function axeViolations(page: Page): Promise<string[]> {
  const axe = await new AxeBuilder({ page })
    .include('nb-notebook')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
    .analyze();
  return axe.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

for (const theme of ['light', 'dark'] as const) {
  test(`the running notebook has no axe violations, with and without errors (${theme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    await openNotebook(page);
    await editActivation(page, 'sigma = (z) => 1 / (1 + Math.exp(-z)) // edited');
    await expect(status(page)).toContainText('ran');
    await notebook(page).locator('details').first().locator('summary').click();
    expect(await axeViolations(page)).toEqual([]);

    // A syntax error (stale output marked) and a runtime error upstream of the plot.
    await editActivation(page, 'sigma = (z) =>');
    await expect(cellError(page, 'activation σ')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await editActivation(page, 'sigma = { throw new Error("no activation today"); }');
    await expect(cellError(page, 'plot')).toHaveText(
      'Waiting for activation σ, which has an error.',
    );
    await expect(cellError(page, 'activation σ')).toHaveText('Error: no activation today');
    expect(await axeViolations(page)).toEqual([]);
  });
}
