// Node/build only (pure: no DOM). rehype plugin: renders remark-math's math elements with the
// project's KaTeX (the `katex` dependency), the version whose stylesheet the site ships
// (astro.config.mjs customCss) and that the widget shells render with.
//
// Why not rehype-katex itself: rehype-katex 7 brings its own KaTeX 0.16, whose markup uses class
// names KaTeX 0.19's stylesheet renamed (.base → .katex-base, .sizing → .katex-sizing, .strut,
// .root, .stretchy …). Prose math rendered by it lost its sub/superscript sizes (19.4 px instead
// of 0.7 em) and inline-block bases under the 0.19 CSS. This is rehype-katex 7's transform
// (MIT, © Remco Haszing, Titus Wormer) with the project's KaTeX; errors fail the build (as
// throwOnError does for the widgets), except that an unrenderable formula is reported to the file
// and kept visible as a .katex-error (the every-page test fails on those).
import type { ElementContent, Root } from 'hast';
import { fromHtmlIsomorphic } from 'hast-util-from-html-isomorphic';
import { toText } from 'hast-util-to-text';
import katex, { type KatexOptions } from 'katex';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';

export type RehypeKatexOptions = Omit<KatexOptions, 'displayMode' | 'throwOnError'>;

/** Renders elements with class `math-inline`, `math-display` or `language-math` with KaTeX. */
export default function rehypeKatex(options: RehypeKatexOptions = {}) {
  return (tree: Root, file: VFile): void => {
    visitParents(tree, 'element', (element, parents) => {
      const classes = Array.isArray(element.properties['className'])
        ? element.properties['className']
        : [];
      const languageMath = classes.includes('language-math');
      const mathDisplay = classes.includes('math-display');
      const mathInline = classes.includes('math-inline');
      if (!languageMath && !mathDisplay && !mathInline) return;
      let displayMode = mathDisplay;
      let parent = parents[parents.length - 1];
      let scope = element;
      // ```math fences: replace the <pre>, in display mode.
      if (element.tagName === 'code' && languageMath && parent?.type === 'element') {
        if (parent.tagName === 'pre') {
          scope = parent;
          parent = parents[parents.length - 2];
          displayMode = true;
        }
      }
      if (!parent) return;
      const value = toText(scope, { whitespace: 'pre' });
      let result: ElementContent[];
      try {
        result = toHast(
          katex.renderToString(value, { ...options, displayMode, throwOnError: true }),
        );
      } catch (error) {
        const cause = error as Error;
        file.message('Could not render math with KaTeX', {
          ancestors: [...parents, element],
          cause,
          place: element.position,
          ruleId: cause.name.toLowerCase(),
          source: 'rehype-katex',
        });
        result = [
          {
            type: 'element',
            tagName: 'span',
            properties: { className: ['katex-error'], title: String(error) },
            children: [{ type: 'text', value }],
          },
        ];
      }
      parent.children.splice(parent.children.indexOf(scope), 1, ...result);
      return SKIP;
    });
  };
}

function toHast(html: string): ElementContent[] {
  return fromHtmlIsomorphic(html, { fragment: true }).children as ElementContent[];
}
