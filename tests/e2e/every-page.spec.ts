// Every page of the build, in light and dark: no console errors, no failed or foreign requests,
// KaTeX rendered, zero axe violations (WCAG 2.0/2.1/2.2 A and AA).
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { builtPages, watchPage } from './support/site.ts';

const pages = builtPages();
const themes = ['light', 'dark'] as const;

test('the build has the home page and at least one lesson', () => {
  expect(pages).toContain('/');
  expect(pages.some((p) => p.startsWith('/foundations/'))).toBe(true);
});

for (const path of pages) {
  for (const theme of themes) {
    test(`${path} (${theme}) loads cleanly and passes axe`, async ({ page, baseURL }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      const problems = watchPage(page, baseURL!);
      const response = await page.goto(path, { waitUntil: 'load' });
      expect(response?.status(), 'HTTP status').toBeLessThan(path === '/404.html' ? 500 : 400);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('.katex-error').count(), 'KaTeX errors').toBe(0);
      const axe = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
        .analyze();
      const violations = axe.violations.map(
        (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
      expect(violations, 'axe violations').toEqual([]);
      expect(problems.consoleErrors, 'console errors').toEqual([]);
      expect(problems.failedRequests, 'failed requests').toEqual([]);
      expect(problems.foreignRequests, 'requests leaving the site').toEqual([]);
    });
  }
}
