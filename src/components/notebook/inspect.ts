// Browser: shows a cell's value in its output area. DOM nodes (inputs, SVG, KaTeX) are shown as
// they are; other values as one line of text ("f = ƒ(z)", "y = 0.73", "xs = Array(3) [1, 2, 3]").

const MAX = 200;

/** A short, readable one-line rendering of any value. */
export function formatValue(value: unknown, depth = 0): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string')
    return depth === 0 ? JSON.stringify(value) : JSON.stringify(value).slice(0, 40);
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : String(+value.toPrecision(6));
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'function') {
    const src = Function.prototype.toString.call(value);
    const params =
      /^(?:async\s*)?(?:function\s*\*?\s*[\w$]*\s*)?\(([^)]*)\)|^(?:async\s+)?([\w$]+)\s*=>/.exec(
        src,
      );
    return `ƒ(${(params?.[1] ?? params?.[2] ?? '…').trim()})`;
  }
  if (depth > 1) return Array.isArray(value) ? `Array(${value.length})` : 'Object';
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const arr = Array.from(value as ArrayLike<unknown>);
    const items = arr.slice(0, 10).map((v) => formatValue(v, depth + 1));
    const name = Array.isArray(value) ? 'Array' : value.constructor.name;
    return `${name}(${arr.length}) [${items.join(', ')}${arr.length > 10 ? ', …' : ''}]`;
  }
  if (value instanceof Map) return `Map(${value.size})`;
  if (value instanceof Set) return `Set(${value.size})`;
  if (value instanceof Promise) return 'Promise';
  const entries = Object.entries(value).slice(0, 8);
  const inner = entries.map(([k, v]) => `${k}: ${formatValue(v, depth + 1)}`).join(', ');
  const ctor = (value as { constructor?: { name?: string } }).constructor?.name;
  return `${ctor && ctor !== 'Object' ? `${ctor} ` : ''}{${inner}}`;
}

/** Replaces `output`'s content with `value` (a node, or text prefixed by the cell's name). */
export function display(output: HTMLElement, value: unknown, name: string | null): void {
  if (value instanceof Node) {
    if (output.firstChild !== value || output.childNodes.length !== 1)
      output.replaceChildren(value);
    return;
  }
  const text = formatValue(value);
  const pre = document.createElement('div');
  pre.className = 'nb-value';
  pre.textContent = `${name ? `${name} = ` : ''}${text.length > MAX ? `${text.slice(0, MAX)}…` : text}`;
  output.replaceChildren(pre);
}
