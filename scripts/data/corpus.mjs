// Builds the character model's corpus from the course's own lessons: every
// src/content/docs/**/*.mdx in path order, through src/lib/charlm/corpus.ts (pure, deterministic),
// written to public/models/charlm/corpus.txt. The shipped model was trained on the committed copy;
// rerun (`node scripts/data/corpus.mjs`) and retrain (scripts/train/charlm.mjs) together.
// Needs Node ≥ 22.18 (type stripping), which node_modules/.bin/node is.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus } from '../../src/lib/charlm/corpus.ts';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
export const CORPUS_OUT = join(root, 'public/models/charlm/corpus.txt');

/** Lesson files under src/content/docs, sorted by path (code-point order: locale-independent). */
export function lessonFiles(dir = join(root, 'src/content/docs')) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.mdx')) out.push(p);
    }
  };
  walk(dir);
  return out
    .map((p) => relative(root, p).split('\\').join('/'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The corpus text for the given lesson files (paths relative to the repository). */
export function corpusFrom(files = lessonFiles()) {
  return buildCorpus(files.map((f) => readFileSync(join(root, f), 'utf8')));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = lessonFiles().filter((f) => !process.argv.slice(2).some((x) => f.includes(x)));
  const text = corpusFrom(files);
  writeFileSync(CORPUS_OUT, text);
  writeFileSync(
    CORPUS_OUT.replace(/\.txt$/, '.sources.json'),
    JSON.stringify(files, null, 2) + '\n',
  );
  console.log(
    `${text.length} characters from ${files.length} lessons -> ${relative(root, CORPUS_OUT)}`,
  );
}
