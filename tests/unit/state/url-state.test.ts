import { describe, expect, it } from 'vitest';
import type { Schema } from '../../../src/lib/state/url-state';
import {
  defaults,
  formatField,
  parseField,
  problemNotice,
  readState,
  writeState,
} from '../../../src/lib/state/url-state';

const schema = {
  lr: { kind: 'number', default: 0.03, min: 1e-5, max: 10 },
  seed: { kind: 'int', default: 1, min: 0, max: 1000 },
  data: { kind: 'enum', default: 'spiral', options: ['spiral', 'xor'] },
  on: { kind: 'bool', default: false },
  layers: { kind: 'intList', default: [8, 8], min: 1, max: 32, maxLength: 4 },
} satisfies Schema;

describe('URL state', () => {
  it('round-trips every field kind through the query string', () => {
    const values = { lr: 0.1, seed: 42, data: 'xor', on: true, layers: [4, 2, 3] };
    const search = writeState('', 'demo', schema, values);
    expect(search).toBe('?demo.lr=0.1&demo.seed=42&demo.data=xor&demo.on=1&demo.layers=4-2-3');
    const read = readState(search, 'demo', schema);
    expect(read.values).toEqual(values);
    expect(read.problems).toEqual([]);
    expect(read.present).toBe(true);
  });

  it('leaves defaults out and keeps other parameters and namespaces', () => {
    const search = writeState('?x=1&other.lr=5&demo.seed=9', 'demo', schema, {
      ...defaults(schema),
      lr: 0.3,
    });
    const params = new URLSearchParams(search);
    expect(params.get('x')).toBe('1');
    expect(params.get('other.lr')).toBe('5');
    expect(params.get('demo.lr')).toBe('0.3');
    expect(params.has('demo.seed')).toBe(false);
    expect(writeState('', 'demo', schema, defaults(schema))).toBe('');
  });

  it('two widgets on one page do not see each other', () => {
    let search = writeState('', 'a', schema, { ...defaults(schema), seed: 5 });
    search = writeState(search, 'b', schema, { ...defaults(schema), seed: 7 });
    expect(readState(search, 'a', schema).values.seed).toBe(5);
    expect(readState(search, 'b', schema).values.seed).toBe(7);
  });

  it('malformed values fall back to the base values and are reported, never thrown', () => {
    const read = readState(
      '?demo.lr=banana&demo.seed=-3&demo.data=moons&demo.on=yes&demo.layers=8-0&demo.typo=1',
      'demo',
      schema,
    );
    expect(read.values).toEqual(defaults(schema));
    expect(read.problems.sort()).toEqual(['data', 'layers', 'lr', 'on', 'seed', 'typo']);
    expect(problemNotice(read.problems)).toMatch(/could not be read/);
    expect(problemNotice([])).toBe('');
  });

  it('absent parameters take the given base (the widget props), not the schema defaults', () => {
    const base = { ...defaults(schema), lr: 1 };
    const read = readState('?demo.seed=3', 'demo', schema, base);
    expect(read.values.lr).toBe(1);
    expect(read.values.seed).toBe(3);
    expect(readState('', 'demo', schema).present).toBe(false);
  });

  it('rejects a namespace that could collide or inject', () => {
    expect(() => readState('', 'Bad.NS', schema)).toThrow(/namespace/);
    expect(() => writeState('', '', schema, defaults(schema))).toThrow(/namespace/);
  });

  it('parseField checks ranges and formats; formatField shortens numbers', () => {
    expect(parseField(schema.lr, '11')).toBeUndefined();
    expect(parseField(schema.lr, '')).toBeUndefined();
    expect(parseField(schema.seed, '1.5')).toBeUndefined();
    expect(parseField(schema.layers, '1-2-3-4-5')).toBeUndefined();
    expect(parseField(schema.on, '0')).toBe(false);
    expect(formatField(schema.lr, 0.1 + 0.2)).toBe('0.3');
  });
});
