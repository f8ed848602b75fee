// Pure: no DOM. Quiz text is written for its lesson page: "[the setup](?preset=overfit#playground)"
// means that page's playground. Rendered anywhere else (the progress page's review list), such a
// link would point into the wrong page. rebaseLinks makes in-page links (href starting with "#"
// or "?") absolute to the lesson page they were written for.

/**
 * Rewrites every `href="#…"` and `href="?…"` in `html` (as rendered by our Markdown/Astro
 * pipeline: double-quoted attributes) to start with `page` (e.g. "/foundations/deep-networks/").
 * Other links are left alone.
 */
export function rebaseLinks(html: string, page: string): string {
  const base = page.split(/[?#]/)[0] ?? page;
  return html.replace(/(\shref=")([?#][^"]*)"/g, (_m, pre: string, rel: string) => {
    return `${pre}${base}${rel}"`;
  });
}
