// Pure: no DOM. Builds Starlight's sidebar from the course map, listing only written lessons
// so the sidebar never holds a dead link. Used by astro.config.mjs.
import { chapters } from './chapters.ts';

export interface SidebarGroup {
  label: string;
  items: Array<string | { label: string; link: string }>;
}

/** First group: the reader's progress page (scores, review, export/import). */
export const progressGroup: SidebarGroup = {
  label: 'Your progress',
  items: [{ label: 'Scores and review', link: '/progress/' }],
};

/**
 * Sidebar groups: "Your progress" first, then the chapters in order.
 * @param isWritten tells whether a lesson slug exists in src/content/docs
 */
export function buildSidebar(isWritten: (slug: string) => boolean): SidebarGroup[] {
  const groups: SidebarGroup[] = [progressGroup];
  for (const chapter of chapters) {
    const items = chapter.lessons.filter((l) => isWritten(l.slug)).map((l) => l.slug);
    if (items.length > 0) groups.push({ label: chapter.title, items });
  }
  return groups;
}
