// Helpers for the neuron and activation lesson quiz tests: answer a question of a quiz file by
// keyboard only, from the answers written in its YAML (so the test follows the quiz as it changes).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { expect, type Locator, type Page } from '@playwright/test';

export interface YamlQuestion {
  id: string;
  type: 'single' | 'multiple' | 'numeric' | 'ordering' | 'widget';
  inline?: boolean;
  options?: Array<{ text: string; correct?: boolean }>;
  items?: string[];
  answer?: number;
}

/** The questions of src/content/quizzes/<id>.yaml. */
export function quizQuestions(id: string): YamlQuestion[] {
  const file = parse(readFileSync(`src/content/quizzes/${id}.yaml`, 'utf8')) as {
    questions: YamlQuestion[];
  };
  return file.questions;
}

/** Presses Enter on a control after focusing it (keyboard activation). */
export async function press(page: Page, control: Locator, key = 'Enter'): Promise<void> {
  await control.focus();
  await page.keyboard.press(key);
}

/**
 * Fills in the right answer of a non-widget question with the keyboard (or a given wrong numeric
 * answer) and presses Check. `root` is the question's .nb-question element.
 */
export async function answerByKeyboard(
  page: Page,
  root: Locator,
  q: YamlQuestion,
  numeric?: string,
): Promise<void> {
  if (q.type === 'single' || q.type === 'multiple') {
    for (const [i, o] of (q.options ?? []).entries()) {
      if (!o.correct) continue;
      await press(page, root.locator(`li[data-option="${i}"] input`), 'Space');
    }
  } else if (q.type === 'numeric') {
    await root.locator('input[type="text"]').focus();
    await page.keyboard.type(numeric ?? String(q.answer));
  } else if (q.type === 'ordering') {
    const n = q.items?.length ?? 0;
    for (let target = 0; target < n; target++) {
      const current = await root
        .locator('li.nb-item')
        .evaluateAll((lis) => lis.map((li) => Number((li as HTMLElement).dataset['item'])));
      let at = current.indexOf(target);
      while (at > target) {
        await press(page, root.locator(`li[data-item="${target}"] [data-move="up"]`));
        at--;
      }
    }
    const final = await root
      .locator('li.nb-item')
      .evaluateAll((lis) => lis.map((li) => Number((li as HTMLElement).dataset['item'])));
    expect(final).toEqual([...Array(n).keys()]);
  }
  await press(page, root.locator('[data-action="check"]'));
}
