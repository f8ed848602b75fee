// Node/build only (pure: no DOM). The section anchors of a lesson, computed from its Markdown/MDX
// source the way Astro computes heading ids (github-slugger over the heading's text), so a quiz
// question's `section` can be checked at build and its revisit link can show the heading text.
// Used by the Quiz/Check components, the progress page and tests.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMath from 'remark-math';
import { toString } from 'mdast-util-to-string';
import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';

export interface Section {
  /** The heading's id in the built page, e.g. "why-now". */
  slug: string;
  /** The heading's text, e.g. "Why now?". */
  text: string;
  depth: number;
}

/** Headings (levels 2–6) of a lesson body, in order, with the ids Astro gives them. */
export function lessonSections(body: string): Section[] {
  const tree = unified().use(remarkParse).use(remarkMath).parse(body);
  const slugger = new GithubSlugger();
  const out: Section[] = [];
  const walk = (nodes: Root['children']): void => {
    for (const node of nodes) {
      if (node.type === 'heading') {
        const h = node;
        const text = toString(h).trim();
        const slug = slugger.slug(text);
        if (h.depth >= 2) out.push({ slug, text, depth: h.depth });
      } else if ('children' in node && Array.isArray(node.children)) {
        walk(node.children);
      }
    }
  };
  walk(tree.children);
  return out;
}

/**
 * Checks that every question's section is a heading of the lesson. Returns one message per
 * problem, naming the quiz file and question.
 */
export function checkSections(
  quizId: string,
  lesson: string,
  questions: ReadonlyArray<{ id: string; section: string }>,
  sections: readonly Section[],
): string[] {
  const known = new Set(sections.map((s) => s.slug));
  return questions
    .filter((q) => !known.has(q.section))
    .map(
      (q) =>
        `src/content/quizzes/${quizId}.yaml, question "${q.id}": section "${q.section}" is not a heading of ${lesson} (headings: ${[...known].join(', ') || 'none'})`,
    );
}
