// Node only (astro.config.mjs): finds which lessons are written on disk and builds the sidebar.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSidebar } from './sidebar.ts';

const docsDir = fileURLToPath(new URL('../../content/docs/', import.meta.url));

/** True if a lesson file (.mdx or .md) exists for the slug. */
export function lessonFileExists(slug: string, dir = docsDir): boolean {
  return existsSync(`${dir}${slug}.mdx`) || existsSync(`${dir}${slug}.md`);
}

export const sidebar = buildSidebar((slug) => lessonFileExists(slug));
