// The wide-widget rule (issue 10, DESIGN.md): at 1280×800 every widget with a Play/Train control
// shows its Play button, its learning-rate control (if any) and its main chart within one
// viewport height below the site header, so the reader sees what a change does. Generic: it finds
// widgets by the hooks WidgetFrame.astro documents, on every built page, so new chapters' widgets
// are checked without editing this file:
//   [data-nb-widget]                      the widget's root
//   [data-nb-control="play"]              its Play/Train button
//   [data-nb-control="learning-rate"]     its learning-rate control (optional)
//   [data-nb-main-chart]                  its main chart (required when there is a Play button)
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages, distDir } from './support/site.ts';

const pages = builtPages().filter((p) => {
  const html = readFileSync(join(distDir, p.endsWith('/') ? `${p}index.html` : p), 'utf8');
  return html.includes('data-nb-control="play"');
});

test.use({ viewport: { width: 1280, height: 800 } });

test('there are training widgets to check', () => {
  expect(pages).toContain('/foundations/deep-networks/');
});

for (const path of pages) {
  test(`${path}: Play, learning rate and main chart of every training widget fit in one view at 1280×800`, async ({
    page,
  }) => {
    await page.goto(path);
    await page.evaluate(() => document.fonts.ready);
    const report = await page.evaluate(() => {
      const header = document.querySelector('header')?.getBoundingClientRect().height ?? 0;
      const out: { widget: string; problem?: string; span?: number; room: number }[] = [];
      const room = innerHeight - header;
      for (const w of document.querySelectorAll<HTMLElement>('[data-nb-widget]')) {
        const play = w.querySelector<HTMLElement>('[data-nb-control="play"]');
        if (!play) continue;
        const name = `${w.dataset['nbWidget']}#${w.id}`;
        const chart = w.querySelector<HTMLElement>('[data-nb-main-chart]');
        if (!chart) {
          out.push({ widget: name, problem: 'no element marked data-nb-main-chart', room });
          continue;
        }
        const parts = [
          play,
          chart,
          w.querySelector<HTMLElement>('[data-nb-control="learning-rate"]'),
        ]
          .filter((e): e is HTMLElement => e !== null)
          .map((e) => e.getBoundingClientRect())
          .filter((r) => r.width > 0 && r.height > 0);
        if (parts.length < 2) {
          out.push({ widget: name, problem: 'Play or the main chart is not displayed', room });
          continue;
        }
        const top = Math.min(...parts.map((r) => r.top));
        const bottom = Math.max(...parts.map((r) => r.bottom));
        out.push({ widget: name, span: Math.round(bottom - top), room: Math.round(room) });
      }
      return out;
    });
    expect(report.length, 'widgets with a Play control').toBeGreaterThan(0);
    for (const r of report) {
      expect(r.problem, r.widget).toBeUndefined();
      expect(
        r.span,
        `${r.widget}: Play, learning rate and main chart span ${r.span} px`,
      ).toBeLessThanOrEqual(r.room);
    }
  });
}
