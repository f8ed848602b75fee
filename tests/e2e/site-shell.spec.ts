// The course shell: home chapter map, search (Pagefind loaded on first open), theme robustness,
// mobile layout, KaTeX and the first lesson's figure.
import { test, expect } from '@playwright/test';
import { builtPages, watchPage } from './support/site.ts';

const lesson = '/foundations/what-is-deep-learning/';

test('the home page maps every chapter and links every lesson (none is left coming soon)', async ({
  page,
}) => {
  await page.goto('/');
  for (const chapter of [
    'Foundations',
    'Convolutional networks',
    'Recurrent networks',
    'Generative models',
    'Practice',
  ]) {
    await expect(page.getByRole('heading', { level: 3, name: new RegExp(chapter) })).toBeVisible();
  }
  await expect(
    page.getByRole('link', { name: 'What is deep learning?', exact: true }),
  ).toHaveAttribute('href', lesson);
  // Every lesson of the course map is written: each is a link and none says "coming soon"
  // (an unwritten one would be listed without a link; tests/unit/course checks that rule).
  await expect(page.locator('.lesson.soon')).toHaveCount(0);
  await expect(page.getByText('coming soon')).toHaveCount(0);
  for (const title of [
    'Transfer learning and feature extraction',
    'Generative adversarial networks',
    'Long short-term memory',
  ])
    await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible();
});

test('search loads Pagefind only when opened, then finds the first lesson', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(lesson);
  await page.waitForLoadState('networkidle');
  expect(requests.filter((u) => /pagefind/.test(u))).toEqual([]);
  await page.getByRole('button', { name: 'Search' }).click();
  const input = page
    .getByRole('dialog', { name: 'Search' })
    .getByRole('textbox', { name: 'Search' });
  await expect(input).toBeVisible();
  await input.fill('hand-crafted features');
  await expect(page.locator('.pagefind-ui__result-link').first()).toContainText(/deep learning/i);
  expect(requests.some((u) => /pagefind/.test(u))).toBe(true);
});

test('Ctrl+K opens search from the keyboard', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+k');
  await expect(
    page.getByRole('dialog', { name: 'Search' }).getByRole('textbox', { name: 'Search' }),
  ).toBeFocused();
});

test('a corrupt theme value in storage does not break the page', async ({ page, baseURL }) => {
  await page.addInitScript(() => localStorage.setItem('starlight-theme', '{bad json'));
  const problems = watchPage(page, baseURL!);
  await page.goto(lesson);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is deep learning?');
  await expect(page.locator('html')).toHaveAttribute('data-theme', /^(light|dark)$/);
  expect(problems.consoleErrors).toEqual([]);
});

test('the theme switch changes light and dark and is remembered', async ({ page }) => {
  await page.goto(lesson);
  const select = page.getByRole('combobox', { name: /theme/i }).first();
  await select.selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByRole('combobox', { name: /theme/i }).first().selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('on a phone the sidebar opens from the menu button and the page does not scroll sideways', async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(lesson);
  const menu = page.getByRole('button', { name: /menu/i });
  await expect(menu).toBeVisible();
  await menu.click();
  await expect(page.getByRole('link', { name: 'What is deep learning?' }).first()).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the first lesson renders its math, its tables and a figure with a text alternative', async ({
  page,
}) => {
  await page.goto(lesson);
  expect(await page.locator('.katex').count()).toBeGreaterThanOrEqual(2);
  await expect(page.locator('.katex-display').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'After this lesson you can' })).toBeVisible();
  const figure = page.getByRole('img', { name: /performance against amount of training data/i });
  await expect(figure).toBeVisible();
  const description = await figure.getAttribute('aria-describedby');
  await expect(page.locator(`#${description}`)).toContainText('crosses the classical');
  await expect(page.locator('figure.data-scale figcaption')).toContainText('Schematic');
  await expect(page.getByRole('table').first()).toContainText('Classical machine learning');
});

test('the sidebar lists the chapter and marks the current lesson', async ({ page }) => {
  await page.goto(lesson);
  await expect(
    page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'What is deep learning?' }),
  ).toHaveAttribute('aria-current', 'page');
});

// One test per lesson (all chapters), so each gets its own time budget and they run in parallel.
const lessonPages = builtPages().filter((p) => /^\/[a-z-]+\/[a-z0-9-]+\/$/.test(p));

for (const path of lessonPages) {
  test(`on a phone ${path} passes axe, and its equations that overflow can be scrolled by keyboard`, async ({
    page,
  }) => {
    const { default: AxeBuilder } = await import('@axe-core/playwright');
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const axe = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
      .analyze();
    expect(
      axe.violations.map(
        (v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      ),
    ).toEqual([]);
    // Every display equation wider than the phone becomes a keyboard stop (so it can be scrolled),
    // within a frame or two of layout settling.
    await expect
      .poll(() =>
        page
          .locator('.katex-display')
          .evaluateAll(
            (els) =>
              els.filter(
                (e) => e.scrollWidth > e.clientWidth + 1 && e.getAttribute('tabindex') !== '0',
              ).length,
          ),
      )
      .toBe(0);
  });
}

test('the backpropagation lesson has display equations wider than a phone, and they are keyboard stops', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/foundations/backpropagation/');
  await page.waitForLoadState('networkidle');
  // Off-screen formulas are not rendered (content-visibility) and are judged when they render or
  // when Tab nears them (src/components/overrides/scroll-stops.ts; tests/e2e/scroll-stops.spec.ts).
  for (const eq of await page.locator('.sl-markdown-content > .katex-display').all()) {
    await eq.scrollIntoViewIfNeeded();
  }
  await expect(page.locator('.katex-display[tabindex="0"]').first()).toBeAttached();
});
