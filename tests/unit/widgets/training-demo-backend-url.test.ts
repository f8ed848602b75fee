// Issue 10: the reader's backend choice is kept in the URL with the rest of the training demo's
// settings, and a bad value falls back to the page's choice with a problem reported.
import { describe, it, expect } from 'vitest';
import { readState, writeState } from '../../../src/lib/state/url-state.ts';
import {
  fromUrlValues,
  parseProps,
  toUrlValues,
  urlSchema,
} from '../../../src/components/widgets/TrainingDemo/model.ts';

describe('training demo URL state: backend', () => {
  const page = parseProps({});
  it('writes only a backend that differs from the page and reads it back', () => {
    const chosen = { ...page, backend: 'wasm' as const };
    const search = writeState('', 'demo', urlSchema, toUrlValues(chosen), toUrlValues(page));
    expect(search).toBe('?demo.backend=wasm');
    const read = readState(search, 'demo', urlSchema, toUrlValues(page));
    expect(read.problems).toEqual([]);
    expect(fromUrlValues(page, read.values).backend).toBe('wasm');
    expect(writeState('', 'demo', urlSchema, toUrlValues(page), toUrlValues(page))).toBe('');
  });
  it('an unknown backend keeps the page default and is reported', () => {
    const read = readState('?demo.backend=quantum', 'demo', urlSchema, toUrlValues(page));
    expect(read.problems).toEqual(['backend']);
    expect(fromUrlValues(page, read.values).backend).toBe(page.backend);
  });
});
