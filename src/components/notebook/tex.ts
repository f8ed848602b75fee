// Browser: the `tex` builtin, a tagged template that renders TeX with KaTeX (MathML included for
// screen readers). KaTeX's CSS is already on every page. `tex.block` renders display math.
import katex from 'katex';

function render(
  displayMode: boolean,
  strings: TemplateStringsArray | string,
  values: unknown[],
): HTMLElement {
  const source =
    typeof strings === 'string'
      ? strings
      : strings.raw.reduce((s, part, i) => s + String(values[i - 1]) + part);
  const el = document.createElement(displayMode ? 'div' : 'span');
  el.className = 'nb-tex';
  katex.render(source, el, { displayMode, throwOnError: true, output: 'htmlAndMathml' });
  return el;
}

type Tex = ((strings: TemplateStringsArray | string, ...values: unknown[]) => HTMLElement) & {
  block: (strings: TemplateStringsArray | string, ...values: unknown[]) => HTMLElement;
};

/** tex`y = \sigma(${w}x)` → inline math element; tex.block`...` → display math element. */
export const tex: Tex = Object.assign(
  (strings: TemplateStringsArray | string, ...values: unknown[]) => render(false, strings, values),
  {
    block: (strings: TemplateStringsArray | string, ...values: unknown[]) =>
      render(true, strings, values),
  },
);
