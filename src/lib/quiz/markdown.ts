// Node/build only (pure: no DOM). Renders quiz Markdown with KaTeX math to HTML at build time,
// with the same remark-math + rehype-katex pair the lessons use, so the browser receives finished
// HTML and no Markdown or KaTeX code. Used by the Quiz/Check components and tests.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMath from 'remark-math';
import remarkRehype from 'remark-rehype';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import type { Root, Element } from 'hast';

/**
 * Rewrites block elements into spans (with class "nb-p" etc.) so the result is phrasing
 * content: legends and labels may only contain phrasing content.
 */
function rehypePhrasing() {
  const blockToSpan: Record<string, string> = { p: 'nb-p', ul: 'nb-ul', ol: 'nb-ol', li: 'nb-li' };
  return (tree: Root) => {
    const visit = (node: Root | Element): void => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        const cls = blockToSpan[child.tagName];
        if (cls) {
          child.tagName = 'span';
          child.properties = { ...child.properties, className: [cls] };
        }
        visit(child);
      }
    };
    visit(tree);
  };
}

const blockProcessor = unified()
  .use(remarkParse)
  .use(remarkMath)
  .use(remarkRehype)
  .use(rehypeKatex)
  .use(rehypeStringify)
  .freeze();

const phrasingProcessor = unified()
  .use(remarkParse)
  .use(remarkMath)
  .use(remarkRehype)
  .use(rehypeKatex)
  .use(rehypePhrasing)
  .use(rehypeStringify)
  .freeze();

/**
 * Markdown + KaTeX → HTML.
 * - `phrasing: false` (default): normal block HTML (paragraphs, lists) for explanations and feedback.
 * - `phrasing: true`: only phrasing elements (paragraphs become `<span class="nb-p">`), for text
 *   inside `<legend>` and `<label>`; a single paragraph loses its wrapper entirely.
 * Raw HTML in the Markdown is dropped (remark-rehype's default), so quiz text cannot inject markup.
 * Math errors render in red by KaTeX rather than failing; the unit tests guard the quiz files.
 */
export function renderMarkdown(md: string, opts: { phrasing?: boolean } = {}): string {
  if (!opts.phrasing) return String(blockProcessor.processSync(md)).trim();
  const html = String(phrasingProcessor.processSync(md)).trim();
  const single = /^<span class="nb-p">([\s\S]*)<\/span>$/.exec(html);
  if (single && !single[1]!.includes('class="nb-p"')) return single[1]!;
  return html;
}
