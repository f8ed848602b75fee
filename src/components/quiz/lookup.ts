// Build only (Astro components): finds a quiz and its lesson's sections, and turns content
// mistakes into errors that name the file and question, so `astro build` fails with them.
import { getEntry } from 'astro:content';
import type { QuizFile } from '../../lib/quiz/schema.ts';
import { lessonSections, checkSections, type Section } from '../../lib/quiz/sections.ts';

export interface LoadedQuiz {
  id: string;
  file: QuizFile;
  sections: Section[];
  /** URL of the lesson section a question tests. */
  sectionHref(section: string): string;
  sectionText(section: string): string;
}

/** Loads quiz `id` and checks every question's section against its lesson; throws on a mistake. */
export async function loadQuiz(id: string, usedBy: string): Promise<LoadedQuiz> {
  const entry = await getEntry('quizzes', id);
  if (!entry)
    throw new Error(
      `${usedBy}: no quiz "${id}" (expected src/content/quizzes/${id}.yaml). Check the id.`,
    );
  const file = entry.data;
  const lesson = await getEntry('docs', file.lesson);
  if (!lesson)
    throw new Error(
      `src/content/quizzes/${id}.yaml: lesson "${file.lesson}" does not exist in src/content/docs.`,
    );
  const sections = lessonSections(lesson.body ?? '');
  const problems = checkSections(id, file.lesson, file.questions, sections);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return {
    id,
    file,
    sections,
    sectionHref: (s) => `${base}${file.lesson}/#${s}`,
    sectionText: (s) => sections.find((x) => x.slug === s)?.text ?? s,
  };
}
