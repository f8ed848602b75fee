// Remark plugin: inside an MDX `<Notebook ...>` element, fenced ```js code blocks become the
// notebook's cells (a JSON `cells` attribute), so authors write plain fenced code. Runs at build
// time only (registered in astro.config.mjs). Pure: no DOM.
import type { CellSource } from './types';

interface MdNode {
  type: string;
  name?: string | null;
  lang?: string | null;
  meta?: string | null;
  value?: unknown;
  children?: MdNode[];
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
}

const JS_LANGS = new Set(['js', 'javascript', 'ojs']);

/**
 * Reads a fence's meta string: `editable`, `hidden` and `label="Activation f"` (or label=f).
 * Unknown words are ignored.
 */
export function parseCellMeta(meta: string | null | undefined): Omit<CellSource, 'source'> {
  const out: Omit<CellSource, 'source'> = {};
  const text = meta ?? '';
  let i = 0;
  while (i < text.length) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    let word = '';
    while (i < text.length && !/[\s=]/.test(text[i]!)) word += text[i++];
    let value: string | undefined;
    if (text[i] === '=') {
      i++;
      const quote = text[i] === '"' || text[i] === "'" ? text[i++] : undefined;
      value = '';
      while (i < text.length && (quote ? text[i] !== quote : !/\s/.test(text[i]!)))
        value += text[i++];
      if (quote) i++;
    }
    if (word === 'editable') out.editable = true;
    else if (word === 'hidden') out.hidden = true;
    else if (word === 'label' && value) out.label = value;
    if (!word && value === undefined) i++;
  }
  return out;
}

/** Turns the js code children of one Notebook element into a `cells` attribute (in place). */
export function collectCells(element: MdNode): CellSource[] {
  const cells: CellSource[] = [];
  const keep: MdNode[] = [];
  for (const child of element.children ?? []) {
    if (child.type === 'code' && JS_LANGS.has(child.lang ?? '')) {
      cells.push({
        source: typeof child.value === 'string' ? child.value : '',
        ...parseCellMeta(child.meta),
      });
    } else keep.push(child);
  }
  element.children = keep;
  element.attributes = (element.attributes ?? []).filter((a) => a.name !== 'cells');
  element.attributes.push({ type: 'mdxJsxAttribute', name: 'cells', value: JSON.stringify(cells) });
  return cells;
}

function visit(node: MdNode, f: (n: MdNode) => void): void {
  f(node);
  for (const c of node.children ?? []) visit(c, f);
}

/** The remark plugin (`remarkPlugins: [remarkNotebook]`). `name` is the component's MDX name. */
export function remarkNotebook(options: { name?: string } = {}) {
  const name = options.name ?? 'Notebook';
  // The tree is an mdast Root; typed loosely so the plugin fits Astro's RemarkPlugin type.
  return (tree: object): void => {
    visit(tree as MdNode, (n) => {
      if ((n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') && n.name === name) {
        collectCells(n);
      }
    });
  };
}
