// The table of contents (src/components/overrides/TableOfContents.astro, toc/toc-element.ts)
// marks the section being read, on desktop and in the phone's "On this page" bar.
import { test, expect } from '@playwright/test';

const lesson = '/foundations/backpropagation/';

test('the contents mark the section in view as the reader scrolls', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(lesson);
  const toc = page.locator('starlight-toc');
  await expect(toc.locator('a[aria-current="true"]')).toHaveAttribute('href', '#_top');
  const links = await toc.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  const target = links[Math.floor(links.length / 2)]!;
  await page.evaluate(
    (id) => document.querySelector(id)!.scrollIntoView({ block: 'start' }),
    target,
  );
  await expect(toc.locator('a[aria-current="true"]')).toHaveAttribute('href', target);
});

test('on a phone the "On this page" bar names the section in view', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(lesson);
  const bar = page.locator('mobile-starlight-toc');
  const links = await bar.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  const target = links[links.length - 2]!;
  await page.evaluate(
    (id) => document.querySelector(id)!.scrollIntoView({ block: 'start' }),
    target,
  );
  const title = (await page.locator(target).textContent())!.trim();
  await expect(bar.locator('.display-current')).toHaveText(title);
});
