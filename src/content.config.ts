// Content collections. A lesson or quiz that does not match its schema fails the build with a
// message naming the file and the field.
import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { glob } from 'astro/loaders';
import { lessonFields } from './lib/course/lesson-schema.ts';
import { quizFileSchema } from './lib/quiz/schema.ts';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema({ extend: lessonFields }) }),
  quizzes: defineCollection({
    loader: glob({ pattern: '**/*.{yaml,yml}', base: './src/content/quizzes' }),
    schema: quizFileSchema,
  }),
};
