// Display equations wider than a phone are keyboard stops, even though off-screen math is not
// rendered until it nears the viewport (content-visibility in src/styles/course.css; the stops are
// given by src/components/overrides/scroll-stops.ts when a formula renders or when Tab nears it).
import { test, expect, type Page } from '@playwright/test';

const lesson = '/foundations/backpropagation/';

/** Indexes of the display equations that overflow once every formula is rendered. */
async function overflowing(page: Page): Promise<number[]> {
  await page.addStyleTag({
    content: '.katex-display > .katex > .katex-html { content-visibility: visible !important }',
  });
  return page
    .locator('.katex-display')
    .evaluateAll((els) =>
      els.flatMap((e, i) => (e.scrollWidth > e.clientWidth + 1 && e.checkVisibility() ? [i] : [])),
    );
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(lesson);
  await page.waitForLoadState('networkidle');
});

test('on load, off-screen formulas are not laid out, and nothing claims a stop it does not need', async ({
  page,
}) => {
  const state = await page.locator('.katex-display > .katex').evaluateAll((els) => ({
    total: els.length,
    // .katex-html skips its content (its first box is then not visible); the MathML never does.
    skipped: els.filter(
      (e) =>
        !e.lastElementChild!.firstElementChild!.checkVisibility({ contentVisibilityAuto: true }),
    ).length,
  }));
  expect(state.skipped, 'formulas far below the fold skip rendering').toBeGreaterThan(
    state.total / 2,
  );
  const stops = await page
    .locator('.katex-display[tabindex="0"]')
    .evaluateAll((els) => els.filter((e) => e.scrollWidth <= e.clientWidth + 1).length);
  expect(stops, 'stops on rendered formulas that fit').toBe(0);
});

test('off-screen equations are still in the accessibility tree (their MathML is not skipped)', async ({
  page,
}) => {
  // Chromium leaves content-visibility-skipped content out of the accessibility tree: Chromium's
  // own tree (DevTools protocol), not Playwright's, which is computed from the DOM.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const math = nodes.filter((n) => !n.ignored && n.role?.value === 'MathMLMath').length;
  const shown = await page
    .locator('.katex-mathml math')
    .evaluateAll((els) => els.filter((e) => e.closest('.katex')!.checkVisibility()).length);
  expect(shown, 'the lesson has math').toBeGreaterThan(50);
  expect(math).toBe(shown);
});

test('tabbing through the page reaches every equation that overflows, none that fits', async ({
  page,
}) => {
  const focusedEquations = new Set<number>();
  for (let i = 0; i < 600; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => {
      const a = document.activeElement;
      const all = [...document.querySelectorAll('.katex-display')];
      return { eq: a ? all.indexOf(a) : -1, end: !a || a === document.body };
    });
    if (at.eq >= 0) focusedEquations.add(at.eq);
    if (at.end && i > 10) break;
  }
  const wide = await overflowing(page);
  expect(wide.length, 'the lesson has equations wider than a phone').toBeGreaterThan(0);
  expect([...focusedEquations].sort((a, b) => a - b)).toEqual(wide);
});

test('scrolling an overflowing equation into view makes it a named keyboard stop', async ({
  page,
}) => {
  const displays = page.locator('.sl-markdown-content > .katex-display');
  for (const eq of await displays.all()) await eq.scrollIntoViewIfNeeded();
  await expect
    .poll(() =>
      displays.evaluateAll(
        (els) =>
          els.filter((e) => e.scrollWidth > e.clientWidth + 1 && e.getAttribute('tabindex') !== '0')
            .length,
      ),
    )
    .toBe(0);
  const stop = page.locator('.katex-display[tabindex="0"]').first();
  await expect(stop).toHaveAttribute('role', 'group');
  await expect(stop).toHaveAttribute('aria-label', 'Equation (scrolls sideways)');
});

for (const [path, target] of [
  ['/recurrent-networks/recurrent-neural-networks/', '#memory-task'],
  ['/foundations/backpropagation/', '#check-your-understanding'],
] as const) {
  test(`a jump to ${path}${target} stays where it landed while the math around it renders`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(path);
    // Widgets upgrading after the jump may change the page's height by themselves (seen without
    // content-visibility too); this test is about the math, so let them settle first.
    await page.waitForLoadState('networkidle');
    await expect(page.locator('[data-nb-lazy="pending"]')).toHaveCount(0);
    const ys = await page.evaluate(async (sel) => {
      const el = document.querySelector(sel)!;
      el.scrollIntoView({ block: 'start' });
      const out = [el.getBoundingClientRect().y];
      for (let i = 0; i < 6; i++) {
        await new Promise((r) => requestAnimationFrame(r));
        out.push(el.getBoundingClientRect().y);
      }
      return out;
    }, target);
    for (const y of ys) expect(Math.abs(y - ys[0]!)).toBeLessThan(2);
  });
}
