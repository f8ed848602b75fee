import { describe, it, expect } from 'vitest';
import { parseCellMeta, remarkNotebook } from '../../../src/lib/notebook/remark.ts';
import { createEditStore, editsKey, parseEdits } from '../../../src/lib/notebook/edits.ts';

describe('parseCellMeta', () => {
  it('reads editable, hidden and a quoted or bare label', () => {
    expect(parseCellMeta('editable label="Activation f"')).toEqual({
      editable: true,
      label: 'Activation f',
    });
    expect(parseCellMeta('hidden label=plot')).toEqual({ hidden: true, label: 'plot' });
    expect(parseCellMeta(null)).toEqual({});
    expect(parseCellMeta('title="x" =')).toEqual({});
  });
});

describe('remarkNotebook', () => {
  it('moves js code blocks inside <Notebook> into a cells attribute and keeps other children', () => {
    const para = { type: 'paragraph', children: [{ type: 'text', value: 'Intro' }] };
    const nb = {
      type: 'mdxJsxFlowElement',
      name: 'Notebook',
      attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: 'unit' }],
      children: [
        para,
        { type: 'code', lang: 'js', meta: null, value: 'a = 1' },
        { type: 'code', lang: 'js', meta: 'editable', value: 'b = a + 1' },
        { type: 'code', lang: 'python', meta: null, value: 'print(1)' },
      ],
    };
    const outside = { type: 'code', lang: 'js', meta: null, value: 'not a cell' };
    const tree = { type: 'root', children: [nb, outside] };
    remarkNotebook()(tree);
    expect(nb.children).toHaveLength(2);
    expect(nb.children[0]).toBe(para);
    const cells = nb.attributes.find((a) => a.name === 'cells');
    expect(JSON.parse(String(cells?.value))).toEqual([
      { source: 'a = 1' },
      { source: 'b = a + 1', editable: true },
    ]);
    expect(tree.children[1]).toBe(outside);
  });
});

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

describe('edit store', () => {
  const key = editsKey('/foundations/x/', 'unit');

  it('keys edits by page and notebook', () => {
    expect(key).toBe('neuronbook:notebook:v1:/foundations/x/#unit');
  });

  it('saves, loads, forgets an edit equal to the authored code, and discards', () => {
    const s = memoryStorage();
    const store = createEditStore(s, key, ['c0', 'c1']);
    store.save('c0', 'a = 2', 'a = 1');
    store.save('c1', 'b = 3', 'b = 1');
    expect(store.load()).toEqual({ c0: 'a = 2', c1: 'b = 3' });
    store.save('c0', 'a = 1', 'a = 1');
    expect(store.load()).toEqual({ c1: 'b = 3' });
    store.discard('c1');
    expect(s.map.has(key)).toBe(false);
    store.save('c0', 'a = 5', 'a = 1');
    store.discard();
    expect(store.load()).toEqual({});
  });

  it('ignores corrupt, foreign-version and unknown-cell data', () => {
    expect(parseEdits('{bad json', ['c0'])).toEqual({});
    expect(parseEdits('{"v":99,"cells":{"c0":"x"}}', ['c0'])).toEqual({});
    expect(parseEdits('{"v":1,"cells":{"c0":"x","c9":"y","c1":4}}', ['c0', 'c1'])).toEqual({
      c0: 'x',
    });
  });

  it('survives a storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {},
    };
    const store = createEditStore(broken, key, ['c0']);
    expect(store.load()).toEqual({});
    expect(() => store.save('c0', 'x', 'y')).not.toThrow();
  });
});
