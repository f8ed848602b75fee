// Measures the JavaScript a built page loads before interaction: inline scripts plus module
// scripts and everything they import statically (dynamic import() is excluded: it loads on demand).
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, posix } from 'node:path';

/**
 * Issue 10's budget: gzip bytes of JavaScript a page may load before interaction, on every page
 * (lesson pages with widgets included). Widget shells define their elements lazily
 * (src/components/widgets/shared/lazy.ts) to stay under it.
 */
export const PAGE_JS_BUDGET = 30 * 1024;

export interface PageJs {
  /** gzip bytes of all initial JavaScript */
  gzipBytes: number;
  /** files (dist-relative URL paths) loaded before interaction */
  files: string[];
  inlineScripts: number;
}

const scriptTag = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const srcAttr = /\bsrc=["']?([^"' >]+)/i;
const typeAttr = /\btype=["']?([^"' >]+)/i;
// Static imports in minified ES modules: import{a}from"./x.js"; import"./y.js"; export{b}from"./z.js"
const staticImport = /(?:\bimport|\bexport)\s*(?:[\w*${}\s,]+?\s*from\s*)?["']([^"']+\.m?js)["']/g;

function gz(text: string): number {
  return gzipSync(Buffer.from(text), { level: 9 }).length;
}

/** Initial JavaScript of one HTML page in `dist`, addressed by its URL path. */
export function measurePage(dist: string, urlPath: string): PageJs {
  const htmlFile = join(dist, urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath);
  const html = readFileSync(htmlFile, 'utf8');
  let gzipBytes = 0;
  let inlineScripts = 0;
  const queue: string[] = [];
  for (const m of html.matchAll(scriptTag)) {
    const attrs = m[1] ?? '';
    const type = typeAttr.exec(attrs)?.[1];
    if (type && type !== 'module' && type !== 'text/javascript') continue; // JSON, templates
    const src = srcAttr.exec(attrs)?.[1];
    if (src) queue.push(src.startsWith('/') ? src : posix.join(posix.dirname(urlPath + 'x'), src));
    else if ((m[2] ?? '').trim()) {
      inlineScripts++;
      gzipBytes += gz(m[2] ?? '');
      for (const im of (m[2] ?? '').matchAll(staticImport)) {
        const spec = im[1] ?? '';
        if (spec.startsWith('/')) queue.push(spec);
      }
    }
  }
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    const path = join(dist, file);
    if (!existsSync(path)) throw new Error(`${urlPath} loads ${file}, which is not in ${dist}/`);
    seen.add(file);
    const code = readFileSync(path, 'utf8');
    gzipBytes += gz(code);
    for (const im of code.matchAll(staticImport)) {
      const spec = im[1] ?? '';
      if (spec.startsWith('.')) queue.push(posix.join(posix.dirname(file), spec));
      else if (spec.startsWith('/')) queue.push(spec);
    }
  }
  return { gzipBytes, files: [...seen].sort(), inlineScripts };
}
