import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { lessonFields } from '../../../src/lib/course/lesson-schema.ts';
import { findLesson } from '../../../src/lib/course/chapters.ts';

const valid = {
  chapter: 'foundations',
  order: 2,
  objectives: ['Compute the output of a single unit.'],
  minutes: 15,
};

describe('lesson frontmatter', () => {
  it('accepts a complete lesson and defaults kind and prerequisites', () => {
    const r = lessonFields.parse(valid);
    expect(r.kind).toBe('lesson');
    expect(r.prerequisites).toEqual([]);
  });

  it('names each missing lesson field', () => {
    const r = lessonFields.safeParse({});
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['chapter', 'minutes', 'objectives', 'order']);
  });

  it('lets non-lesson pages skip the lesson fields', () => {
    expect(lessonFields.safeParse({ kind: 'page' }).success).toBe(true);
  });

  it.each([
    ['chapter', { ...valid, chapter: 'cooking' }],
    ['order', { ...valid, order: 0 }],
    ['minutes', { ...valid, minutes: 2.5 }],
    ['objectives', { ...valid, objectives: [] }],
    ['prerequisites.0', { ...valid, prerequisites: ['The Neuron'] }],
  ])('rejects a bad %s', (field, data) => {
    const r = lessonFields.safeParse(data);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toContain(field);
  });
});

describe('written lessons', () => {
  const root = 'src/content/docs';
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.mdx?$/.test(n)) files.push(p);
    }
  };
  walk(root);

  it.each(files)('%s agrees with the course map', (file) => {
    const slug = file.slice(root.length + 1).replace(/\.mdx?$/, '');
    const front = parse(readFileSync(file, 'utf8').split('---')[1] ?? '') as Record<
      string,
      unknown
    >;
    const place = findLesson(slug);
    expect(place, `${slug} is not in src/lib/course/chapters.ts`).toBeDefined();
    expect(front['chapter']).toBe(place!.chapter.id);
    expect(front['order']).toBe(place!.index + 1);
    expect(front['title']).toBe(place!.lesson.title);
  });
});
