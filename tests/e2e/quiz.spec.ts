// The chapter quiz and inline checks of the first lesson, in a real browser: keyboard-only quiz
// with an expected score, progress kept across reloads, Retry focus, invalid input costing no
// attempt, inline check with Try again, two tabs, corrupt and newer stored data, no-storage
// fallback, and axe on the answered quiz in both themes.
import { test, expect, type Page, type Locator } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { watchPage } from './support/site.ts';

const LESSON = '/foundations/what-is-deep-learning/';
const quizSel = 'nb-quiz[data-quiz="what-is-deep-learning"]';

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`. */
async function tabTo(page: Page, selector: string, opts: { back?: boolean; max?: number } = {}) {
  for (let i = 0; i < (opts.max ?? 80); i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`focus never reached ${selector}`);
}

/** Text of the label of the focused radio/checkbox. */
const focusedLabel = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('label')?.textContent?.trim() ?? '');

/** With focus inside a radio group, arrows until the option containing `text` is selected. */
async function pickRadio(page: Page, text: string) {
  for (let i = 0; i < 10; i++) {
    if ((await focusedLabel(page)).includes(text)) {
      await page.keyboard.press('Space');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no option "${text}"`);
}

const question = (page: Page, id: string): Locator =>
  page.locator(`${quizSel} .nb-question[data-question="${id}"]`);

async function ready(page: Page) {
  await page.goto(LESSON);
  await expect(page.locator(quizSel)).toHaveAttribute('data-ready', 'true');
  // Widgets are defined lazily; grading before they upgrade says "still loading".
  await expect(page.locator('[data-nb-lazy="pending"]')).toHaveCount(0);
}

/** Presses Check of a question by keyboard: Tab to it from the current focus, then Enter. */
async function check(page: Page, id: string) {
  await tabTo(page, `${quizSel} .nb-question[data-question="${id}"] [data-action="check"]`);
  await page.keyboard.press('Enter');
  await expect(question(page, id).locator('.nb-verdict')).toBeVisible();
}

/**
 * Answers the whole quiz with the keyboard: everything right except relu-unit (answers −1, a
 * common wrong answer) and why-now (two right picks and one wrong: (2 − 1) / 3 credit).
 * Expected: 1 + 1 + 0 + 1/3 + 1 + 1 + 1 + 1 + 1 = 7.33 of 9 points = 81 %.
 */
async function takeQuiz(page: Page) {
  // The widget question: set the unit to AND with the b slider (−0.5 → −1.5 in steps of 0.5).
  await page.locator('#and-unit-b').focus();
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowLeft');
  await expect(page.locator('#and-unit [data-summary]')).toContainText('0, 0, 0, 1');

  await tabTo(page, `${quizSel} [data-question="who-finds-features"] input`);
  await pickRadio(page, 'early layers learn them');
  await check(page, 'who-finds-features');

  await tabTo(page, `${quizSel} [data-question="depth-of-network"] input`);
  await page.keyboard.type('abc');
  await tabTo(page, `${quizSel} [data-question="depth-of-network"] [data-action="check"]`);
  await page.keyboard.press('Enter');
  const depth = question(page, 'depth-of-network');
  await expect(depth.locator('.nb-status')).toContainText('is not a number');
  await expect(depth.locator('.nb-verdict')).toHaveCount(0);
  // Focus went back to the input: replace the text and check again.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('4');
  await check(page, 'depth-of-network');

  await tabTo(page, `${quizSel} [data-question="relu-unit"] input`);
  await page.keyboard.type('-1');
  await check(page, 'relu-unit');

  await tabTo(page, `${quizSel} [data-question="why-now"] input`);
  for (let i = 0; i < 5; i++) {
    const label = await focusedLabel(page);
    if (/labelled data sets|Graphics processors|artificial neuron/.test(label))
      await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
  }
  await check(page, 'why-now');

  // Ordering: for each target position, Tab to that item's "Move up" and press Enter until placed.
  const order = question(page, 'three-waves');
  const positions = () =>
    order
      .locator('li.nb-item')
      .evaluateAll((lis) => lis.map((li) => Number((li as HTMLElement).dataset['item'])));
  expect(await positions()).not.toEqual([0, 1, 2, 3]);
  for (let target = 0; target < 4; target++) {
    let at = (await positions()).indexOf(target);
    if (at === target) continue;
    await tabTo(
      page,
      `${quizSel} [data-question="three-waves"] li[data-item="${target}"] [data-move="up"]`,
    );
    while (at > target) {
      await page.keyboard.press('Enter');
      at--;
    }
  }
  expect(await positions()).toEqual([0, 1, 2, 3]);
  await expect(order.locator('.nb-status')).toContainText('moved to position');
  await check(page, 'three-waves');

  await tabTo(page, `${quizSel} [data-question="which-learning"] input`);
  await pickRadio(page, 'Reinforcement learning');
  await check(page, 'which-learning');

  await tabTo(page, `${quizSel} [data-question="plant-diseases"] input`);
  await pickRadio(page, 'Fine-tuning');
  await check(page, 'plant-diseases');

  await tabTo(page, `${quizSel} [data-question="when-not"] input`);
  for (let i = 0; i < 5; i++) {
    const label = await focusedLabel(page);
    if (/few hundred|line by line|no GPU/.test(label)) await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
  }
  await check(page, 'when-not');

  await check(page, 'and-unit');
}

test.describe('chapter quiz', () => {
  test('keyboard only: expected score, feedback, result kept after reload, Retry focus', async ({
    page,
    baseURL,
  }) => {
    const problems = watchPage(page, baseURL!);
    await ready(page);
    await takeQuiz(page);

    const relu = question(page, 'relu-unit');
    await expect(relu.locator('.nb-status')).toContainText('✗');
    await expect(relu.locator('.nb-status')).toContainText('Not quite.');
    await expect(relu.locator('.nb-status')).toContainText('is the weighted sum');
    await expect(relu.locator('.nb-explanation')).toBeVisible();
    await expect(question(page, 'why-now').locator('.nb-status')).toContainText('Partly right');
    await expect(question(page, 'and-unit').locator('.nb-status')).toContainText('Correct.');
    // Options show right/wrong in words, not colour alone.
    await expect(
      question(page, 'why-now').locator('.nb-option', { hasText: 'artificial neuron' }),
    ).toContainText('✗ your answer, not correct');

    const result = page.locator(`${quizSel} .nb-result`);
    await expect(result).toBeVisible();
    await expect(result).toContainText('Passed: 7.33 of 9 points (81 %)');
    await expect(result).toContainText('First attempt: 81 %');
    await expect(
      result
        .locator('.nb-revisit-list a', { hasText: 'What “deep” means' })
        .or(result.locator('.nb-revisit-list a', { hasText: 'What "deep" means' })),
    ).toHaveCount(1);
    await expect(result.locator('.nb-revisit-list a', { hasText: 'Why now?' })).toHaveAttribute(
      'href',
      /#why-now$/,
    );

    await page.reload();
    await expect(page.locator(quizSel)).toHaveAttribute('data-ready', 'true');
    await expect(result).toContainText('7.33 of 9 points (81 %)');
    await expect(relu.locator('input[type="text"]')).toHaveValue('-1');
    await expect(relu.locator('.nb-status')).toContainText('Not quite.');

    // Retry: a fresh attempt, focus on the first question's first control.
    await result.locator('[data-action="retry-quiz"]').focus();
    await page.keyboard.press('Enter');
    await expect(result).toBeHidden();
    const focused = await page.evaluate(
      () => document.activeElement?.closest('.nb-question')?.getAttribute('data-question') ?? '',
    );
    expect(focused).toBe('who-finds-features');
    await expect(relu.locator('input[type="text"]')).toHaveValue('');
    await expect(relu.locator('.nb-status')).toBeEmpty();
    expect(problems.consoleErrors).toEqual([]);
  });

  test('the answered quiz passes axe in light and dark', async ({ page }) => {
    await ready(page);
    await takeQuiz(page);
    for (const theme of ['light', 'dark'] as const) {
      await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
      const axe = await new AxeBuilder({ page })
        .include(quizSel)
        .include('nb-check')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
        .analyze();
      expect(
        axe.violations.map(
          (v) => `${theme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        ),
      ).toEqual([]);
    }
  });

  test('an inline check: wrong, feedback, Try again moves focus back to the options', async ({
    page,
  }) => {
    await ready(page);
    const box = page.locator('nb-check .nb-question[data-question="who-designs-features"]');
    await box.locator('input').first().focus();
    await pickRadio(page, 'drawn at random');
    await tabTo(page, 'nb-check [data-question="who-designs-features"] [data-action="check"]');
    await page.keyboard.press('Enter');
    await expect(box.locator('.nb-status')).toContainText('Not quite.');
    await expect(box.locator('.nb-status')).toContainText("engineer's intuition");
    const again = box.locator('[data-action="again"]');
    await expect(again).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(box.locator('.nb-status')).toBeEmpty();
    expect(
      await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type),
    ).toBe('radio');
    // Inline checks never count toward the chapter quiz.
    await expect(page.locator(`${quizSel} .nb-result`)).toBeHidden();
  });

  test('a widget question grades the widget state the reader left, with the grader message', async ({
    page,
  }) => {
    await ready(page);
    const q = question(page, 'and-unit');
    // The unit starts as OR: two of the four rows are wrong for AND.
    await q.locator('[data-action="check"]').focus();
    await page.keyboard.press('Enter');
    await expect(q.locator('.nb-status')).toContainText('Partly right: 50% credit.');
    await expect(q.locator('.nb-status')).toContainText('input (0, 1) gives 1, it should give 0');
  });

  test('two tabs answering different questions lose nothing', async ({ context }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    await ready(a);
    await ready(b);
    await question(a, 'which-learning')
      .locator('li.nb-option', { hasText: 'Reinforcement' })
      .locator('input')
      .check();
    await question(a, 'which-learning').locator('[data-action="check"]').click();
    await question(b, 'plant-diseases')
      .locator('li.nb-option', { hasText: 'Fine-tuning' })
      .locator('input')
      .check();
    await question(b, 'plant-diseases').locator('[data-action="check"]').click();
    await expect(question(b, 'plant-diseases').locator('.nb-verdict')).toBeVisible();
    await a.reload();
    await expect(a.locator(quizSel)).toHaveAttribute('data-ready', 'true');
    await expect(question(a, 'which-learning').locator('.nb-status')).toContainText('Correct.');
    await expect(question(a, 'plant-diseases').locator('.nb-status')).toContainText('Correct.');
  });
});

/** Writes a raw value into the progress IndexedDB store. */
async function idbPut(page: Page, key: string, value: unknown) {
  await page.evaluate(
    ([k, v]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('neuronbook');
        open.onerror = () => reject(new Error('open failed'));
        open.onsuccess = () => {
          const tx = open.result.transaction('progress', 'readwrite');
          tx.objectStore('progress').put(v, k);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(new Error('put failed'));
        };
      }),
    [key, value] as const,
  );
}

async function idbKeys(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const open = indexedDB.open('neuronbook');
        open.onsuccess = () => {
          const req = open.result.transaction('progress').objectStore('progress').getAllKeys();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result.map(String));
          };
        };
      }),
  );
}

test.describe('stored progress', () => {
  test('corrupt data: the page works, says so, keeps a backup and recovers the rest', async ({
    page,
    baseURL,
  }) => {
    const problems = watchPage(page, baseURL!);
    await ready(page);
    const q = question(page, 'which-learning');
    await q.locator('li.nb-option', { hasText: 'Reinforcement' }).locator('input').check();
    await q.locator('[data-action="check"]').click();
    await expect(q.locator('.nb-status')).toContainText('Correct.');
    await idbPut(page, 'nb:answer:what-is-deep-learning:relu-unit:5:quiz', '{not json');
    await idbPut(page, 'nb:attempt:what-is-deep-learning:zz', { kind: 'attempt', seed: 'x' });
    await page.reload();
    await expect(page.locator(quizSel)).toHaveAttribute('data-ready', 'true');
    const notice = page.locator('.nb-notices [data-notice="recovered"]');
    await expect(notice).toHaveCount(1);
    await expect(notice).toContainText('could not be read (2 entries)');
    await expect(q.locator('.nb-status')).toContainText('Correct.');
    const keys = await idbKeys(page);
    expect(keys.some((k) => k.startsWith('nb-backup:'))).toBe(true);
    expect(keys).not.toContain('nb:attempt:what-is-deep-learning:zz');
    // Reloading again: nothing left to recover, no notice.
    await page.reload();
    await expect(page.locator(quizSel)).toHaveAttribute('data-ready', 'true');
    await expect(page.locator('.nb-notices [data-notice]')).toHaveCount(0);
    expect(problems.consoleErrors).toEqual([]);
  });

  test('data from a newer version opens read-only and is never rewritten', async ({ page }) => {
    await ready(page);
    await idbPut(page, 'nb:meta', { version: 99 });
    await page.reload();
    await expect(page.locator(quizSel)).toHaveAttribute('data-ready', 'true');
    await expect(page.locator('.nb-notices [data-notice="read-only"]')).toContainText(
      'newer version',
    );
    const q = question(page, 'which-learning');
    await q.locator('li.nb-option', { hasText: 'Reinforcement' }).locator('input').check();
    await q.locator('[data-action="check"]').click();
    await expect(q.locator('.nb-status')).toContainText('Correct.');
    expect((await idbKeys(page)).filter((k) => k.startsWith('nb:answer:'))).toEqual([]);
  });

  test('without IndexedDB, progress is kept in localStorage, and IndexedDB takes it over later', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined });
    });
    await ready(page);
    const q = question(page, 'plant-diseases');
    await q.locator('li.nb-option', { hasText: 'Fine-tuning' }).locator('input').check();
    await q.locator('[data-action="check"]').click();
    await expect(page.locator('.nb-notices [data-notice]')).toHaveCount(0);
    await page.reload();
    await expect(page.locator(quizSel)).toHaveAttribute('data-ready', 'true');
    await expect(q.locator('.nb-status')).toContainText('Correct.');
    expect(
      await page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('nb:answer:'))),
    ).toBe(true);
    // A later visit where IndexedDB works takes the answers over from localStorage.
    const later = await page.context().newPage();
    await ready(later);
    await expect(question(later, 'plant-diseases').locator('.nb-status')).toContainText('Correct.');
    expect(
      await later.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('nb:answer:'))),
    ).toBe(false);
    expect((await idbKeys(later)).some((k) => k.startsWith('nb:answer:'))).toBe(true);
  });

  test('without any storage, the quiz works and says progress is not being saved', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined });
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    });
    await ready(page);
    await expect(page.locator('.nb-notices [data-notice="not-saved"]').first()).toContainText(
      'progress is not being saved',
    );
    const q = question(page, 'plant-diseases');
    await q.locator('li.nb-option', { hasText: 'Fine-tuning' }).locator('input').check();
    await q.locator('[data-action="check"]').click();
    await expect(q.locator('.nb-status')).toContainText('Correct.');
  });
});
