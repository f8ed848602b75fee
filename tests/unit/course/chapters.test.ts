import { describe, it, expect } from 'vitest';
import { chapters, chapterMap, findLesson, chapterIds } from '../../../src/lib/course/chapters.ts';
import { buildSidebar } from '../../../src/lib/course/sidebar.ts';

describe('course map', () => {
  it('lists the chapters in the order of the course', () => {
    expect(chapters.map((c) => c.title)).toEqual([
      'Foundations',
      'Convolutional networks',
      'Recurrent networks',
      'Generative models',
      'Practice',
    ]);
    expect(chapters.map((c) => c.id)).toEqual([...chapterIds]);
  });

  it('gives every lesson a unique slug inside its chapter folder', () => {
    const slugs = chapters.flatMap((c) => c.lessons.map((l) => l.slug));
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const c of chapters)
      for (const l of c.lessons) expect(l.slug.startsWith(`${c.id}/`)).toBe(true);
  });

  it('links written lessons and marks the rest coming soon', () => {
    const map = chapterMap(['foundations/what-is-deep-learning'], '/');
    const all = map.flatMap((c) => c.lessons);
    const first = all[0]!;
    expect(first).toMatchObject({
      available: true,
      href: '/foundations/what-is-deep-learning/',
      number: '1.1',
    });
    const others = all.slice(1);
    expect(others.every((l) => !l.available && l.href === undefined)).toBe(true);
    expect(map[1]!.lessons[0]!.number).toBe('2.1');
  });

  it('adds a trailing slash to a base path without one', () => {
    const map = chapterMap(['practice/challenges'], '/course');
    expect(map[4]!.lessons[2]!.href).toBe('/course/practice/challenges/');
  });

  it('finds a lesson and its chapter, or nothing', () => {
    expect(findLesson('foundations/backpropagation')?.chapter.id).toBe('foundations');
    expect(findLesson('foundations/backpropagation')?.index).toBe(4);
    expect(findLesson('nope/none')).toBeUndefined();
  });
});

describe('sidebar', () => {
  it('holds only written lessons, grouped by chapter, in course order', () => {
    const written = new Set([
      'foundations/the-neuron',
      'foundations/what-is-deep-learning',
      'generative-models/gans',
    ]);
    const groups = buildSidebar((s) => written.has(s));
    expect(groups).toEqual([
      { label: 'Your progress', items: [{ label: 'Scores and review', link: '/progress/' }] },
      {
        label: 'Foundations',
        items: ['foundations/what-is-deep-learning', 'foundations/the-neuron'],
      },
      { label: 'Generative models', items: ['generative-models/gans'] },
    ]);
  });

  it('holds only the progress link when nothing is written', () => {
    expect(buildSidebar(() => false)).toEqual([
      { label: 'Your progress', items: [{ label: 'Scores and review', link: '/progress/' }] },
    ]);
  });
});
