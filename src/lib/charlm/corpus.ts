// Pure: no DOM. Turns the course's MDX lessons into plain prose for the character-level model:
// frontmatter, imports, JSX components, code blocks, display maths and Markdown syntax go; inline
// maths stays as its TeX source between dollar signs (so a unit can learn "inside a formula");
// characters are folded to printable ASCII and paragraphs re-wrapped at a fixed width (so a unit
// can learn line length). Deterministic: the same files in the same order give the same text.

/** Column at which paragraphs are wrapped. */
export const CORPUS_WIDTH = 72;

const FOLD: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2014': ' - ',
  '\u2013': '-',
  '\u2026': '...',
  '\u00d7': 'x',
  '\u00b7': '*',
  '\u2212': '-',
  '\u2192': '->',
  '\u2248': '~',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u00a0': ' ',
  '\u2011': '-',
  '\u00e9': 'e',
  '\u00e8': 'e',
  '\u00f6': 'o',
  '\u00fc': 'u',
};

/** Folds typography to ASCII and drops any other character outside printable ASCII and \n. */
export function foldToAscii(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const f = FOLD[ch];
    if (f !== undefined) out += f;
    else if (ch === '\n' || (ch >= ' ' && ch <= '~')) out += ch;
  }
  return out;
}

/** Removes JSX/HTML tags (attributes may hold quotes, braces and '>'), keeping text between them. */
export function stripTags(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const next = text[i + 1] ?? '';
    if (ch === '<' && text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      i = end < 0 ? text.length : end + 3;
      continue;
    }
    if (ch === '<' && /[A-Za-z/]/.test(next)) {
      let j = i + 1;
      let quote = '';
      let depth = 0;
      for (; j < text.length; j++) {
        const c = text[j]!;
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'" || c === '`') quote = c;
        else if (c === '{') depth++;
        else if (c === '}') depth--;
        else if (c === '>' && depth <= 0) break;
      }
      i = j + 1;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Markdown inline syntax to text: links, images, emphasis, code spans, JSX expressions. */
function inline(text: string): string {
  // Protect inline maths: its braces and underscores are TeX, not JSX or emphasis.
  const maths: string[] = [];
  let s = text.replace(/\$([^$\n]+?)\$/g, (_, m: string) => {
    maths.push(m.trim());
    return `\u{E000}${maths.length - 1}\u{E001}`;
  });
  s = s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\{[^{}]*\}/g, '')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s.,;:!?)]|$)/g, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!$])/g, '$1');
  return s.replace(/\u{E000}(\d+)\u{E001}/gu, (_, k: string) => `$${maths[Number(k)]!}$`);
}

/** Greedy word wrap at `width` columns (a longer word gets a line of its own). */
export function wrap(paragraph: string, width = CORPUS_WIDTH): string {
  const words = paragraph.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (!line) line = w;
    else if (line.length + 1 + w.length <= width) line += ' ' + w;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** One MDX lesson → prose paragraphs separated by blank lines. */
export function mdxToProse(source: string): string {
  let s = source.replace(/\r\n?/g, '\n');
  s = s.replace(/^---\n[\s\S]*?\n---\n/, '');
  s = s.replace(/^```[\s\S]*?^```[^\n]*$/gm, '\n');
  s = s.replace(/\$\$[\s\S]*?\$\$/g, '\n\n');
  s = s.replace(/^(import|export)\s[^\n]*$/gm, '');
  s = stripTags(s);
  const paragraphs: string[] = [];
  for (const block of s.split(/\n\s*\n/)) {
    const lines = block
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('|') && !/^[-*_]{3,}$/.test(l) && !/^:::/.test(l));
    if (lines.length === 0) continue;
    // List items become paragraphs of their own; headings too.
    let current: string[] = [];
    const flush = () => {
      const text = foldToAscii(inline(current.join(' ')))
        .replace(/\s+/g, ' ')
        .trim();
      if (/[A-Za-z]{2}/.test(text)) paragraphs.push(wrap(text));
      current = [];
    };
    for (const raw of lines) {
      const l = raw.replace(/^>\s?/, '');
      if (/^#{1,6}\s/.test(l)) {
        flush();
        current.push(l.replace(/^#+\s*/, ''));
        flush();
      } else if (/^([-*+]|\d+\.)\s/.test(l)) {
        flush();
        current.push(l.replace(/^([-*+]|\d+\.)\s+/, ''));
      } else current.push(l);
    }
    flush();
  }
  return paragraphs.join('\n\n');
}

/** Several lessons (already in their fixed order) → one corpus, ending with a newline. */
export function buildCorpus(sources: readonly string[]): string {
  return sources.map(mdxToProse).filter(Boolean).join('\n\n') + '\n';
}
