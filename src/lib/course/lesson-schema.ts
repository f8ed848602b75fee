// Pure: no DOM. The frontmatter a lesson adds to Starlight's docs schema. Used by
// src/content.config.ts and unit tests.
import { z } from 'astro/zod';
import { chapterIds } from './chapters.ts';

const slug = z
  .string()
  .regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'expected a lesson slug like "foundations/the-neuron"');

/** Fields every lesson must set; pages that are not lessons say `kind: page` and skip them. */
const requiredForLessons = ['chapter', 'order', 'objectives', 'minutes'] as const;

/**
 * Lesson frontmatter beyond Starlight's own fields (title, description, …).
 * - kind: "lesson" (default) or "page" (home, progress: pages rendered with StarlightPage)
 * - chapter: one of the course map's chapter ids
 * - order: position within the chapter, from 1
 * - objectives: what the reader will be able to do afterwards (1–8 items)
 * - minutes: estimated reading-and-doing time
 * - prerequisites: slugs of lessons to read first
 *
 * Starlight validates StarlightPage props against this same schema, so the lesson fields are
 * optional in shape and required by the refinement below, which names each missing field.
 */
export const lessonFields = z
  .object({
    kind: z.enum(['lesson', 'page']).default('lesson'),
    chapter: z.enum(chapterIds).optional(),
    order: z.number().int().min(1).max(50).optional(),
    objectives: z
      .array(z.string().min(10, 'an objective needs at least 10 characters'))
      .min(1)
      .max(8)
      .optional(),
    minutes: z.number().int().min(1).max(180).optional(),
    prerequisites: z.array(slug).default([]),
  })
  .superRefine((value, ctx) => {
    if (value.kind !== 'lesson') return;
    for (const field of requiredForLessons) {
      if (value[field] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `${field} is required for a lesson`,
        });
      }
    }
  });

export type LessonFields = z.infer<typeof lessonFields>;
