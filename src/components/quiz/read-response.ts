// Browser: reads the reader's response from a rendered question's native inputs (or, for a
// widget question, the figure's quiz state). Used by QuestionView.
import type { QuestionKey } from '../../lib/quiz/key.ts';
import { parseNumber, type Response } from '../../lib/quiz/scoring.ts';
import { isQuizReadable } from '../../lib/quiz/widget-contract.ts';

/** What the reader answered, or why it cannot be graded yet (costs no attempt). */
export type ReadResult = { ok: true; response: Response } | { ok: false; message: string };

export const $ = <T extends Element>(root: ParentNode, sel: string): T | null =>
  root.querySelector<T>(sel);
export const $$ = <T extends Element>(root: ParentNode, sel: string): T[] => [
  ...root.querySelectorAll<T>(sel),
];

/** The current response of a rendered question, or a message saying why there is none yet. */
export function readResponse(root: HTMLElement, k: QuestionKey): ReadResult {
  switch (k.type) {
    case 'single': {
      const picked = $<HTMLInputElement>(root, 'input[type="radio"]:checked');
      return picked
        ? { ok: true, response: { type: 'single', picked: Number(picked.value) } }
        : { ok: false, message: 'Choose an option, then press Check.' };
    }
    case 'multiple': {
      const picked = $$<HTMLInputElement>(root, 'input[type="checkbox"]:checked').map((i) =>
        Number(i.value),
      );
      return picked.length > 0
        ? { ok: true, response: { type: 'multiple', picked } }
        : { ok: false, message: 'Select at least one option, then press Check.' };
    }
    case 'numeric': {
      const input = $<HTMLInputElement>(root, 'input[type="text"]');
      const text = input?.value ?? '';
      if (text.trim() === '') return { ok: false, message: 'Type a number, then press Check.' };
      const n = parseNumber(text);
      return n === undefined
        ? {
            ok: false,
            message: `“${text.trim()}” is not a number this quiz can read. Use digits and a decimal point, like 0.25 or -3 (1e-3, meaning 0.001, works too). This did not count as an attempt.`,
          }
        : { ok: true, response: { type: 'numeric', value: n } };
    }
    case 'ordering':
      return {
        ok: true,
        response: {
          type: 'ordering',
          order: $$<HTMLElement>(root, '.nb-item').map((li) => Number(li.dataset['item'])),
        },
      };
    case 'widget': {
      const el = document.getElementById(k.widget);
      if (!el)
        return {
          ok: false,
          message: `The interactive figure this question needs (#${k.widget}) is missing from the page.`,
        };
      if (!isQuizReadable(el))
        return {
          ok: false,
          message:
            'The interactive figure is still loading. Try again in a moment; this did not count as an attempt.',
        };
      let state: unknown;
      try {
        state = JSON.parse(JSON.stringify(el.quizState())) as unknown;
      } catch {
        return {
          ok: false,
          message:
            'The interactive figure did not report its state. This did not count as an attempt.',
        };
      }
      return { ok: true, response: { type: 'widget', state } };
    }
  }
}
