// Build-time helpers: Markdown + KaTeX rendering, lesson section anchors, answer keys.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { renderMarkdown } from '../../../src/lib/quiz/markdown.ts';
import { lessonSections, checkSections } from '../../../src/lib/quiz/sections.ts';
import { quizKey, questionKey, chapterQuestions } from '../../../src/lib/quiz/key.ts';
import { quizFileSchema } from '../../../src/lib/quiz/schema.ts';

describe('renderMarkdown', () => {
  it('renders emphasis and KaTeX math to HTML', () => {
    const html = renderMarkdown('Compute **$w \\cdot x$** now.');
    expect(html).toMatch(/^<p>Compute <strong><span class="katex">/);
    expect(html).toContain('<annotation encoding="application/x-tex">w \\cdot x</annotation>');
  });
  it('renders display math', () => {
    expect(renderMarkdown('$$\ny = f(x)\n$$')).toContain('katex-display');
  });
  it('drops raw HTML so quiz text cannot inject markup', () => {
    const html = renderMarkdown('A <script>alert(1)</script><b onclick="x">b</b>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('onclick');
  });
  it('in phrasing mode, unwraps one paragraph and turns several into spans', () => {
    expect(renderMarkdown('One *two*', { phrasing: true })).toBe('One <em>two</em>');
    const two = renderMarkdown('One\n\nTwo', { phrasing: true });
    expect(two).toBe('<span class="nb-p">One</span>\n<span class="nb-p">Two</span>');
    expect(renderMarkdown('- a\n- b', { phrasing: true })).not.toMatch(/<(ul|li|p)[ >]/);
  });
});

describe('lesson sections', () => {
  const body = [
    '# Title',
    '## Why now?',
    'text',
    '## What "deep" means',
    '```',
    '## not a heading',
    '```',
    '### A $x^2$ detail',
    '## Why now?',
  ].join('\n\n');
  it('gives the ids Astro gives headings (github-slugger), levels 2 to 6 only', () => {
    expect(lessonSections(body).map((s) => s.slug)).toEqual([
      'why-now',
      'what-deep-means',
      'a-x2-detail',
      'why-now-1',
    ]);
    expect(lessonSections(body)[1]).toEqual({
      slug: 'what-deep-means',
      text: 'What "deep" means',
      depth: 2,
    });
  });
  it('reports questions whose section is not a heading, naming file and question', () => {
    const problems = checkSections(
      'q',
      'foundations/x',
      [
        { id: 'a', section: 'why-now' },
        { id: 'b', section: 'nope' },
      ],
      lessonSections(body),
    );
    expect(problems).toEqual([
      'src/content/quizzes/q.yaml, question "b": section "nope" is not a heading of foundations/x (headings: why-now, what-deep-means, a-x2-detail, why-now-1)',
    ]);
  });
  it('every section of the first quiz is a heading of its lesson', () => {
    const quiz = quizFileSchema.parse(
      parse(readFileSync('src/content/quizzes/what-is-deep-learning.yaml', 'utf8')),
    );
    const mdx = readFileSync(
      'src/content/docs/foundations/what-is-deep-learning.mdx',
      'utf8',
    ).replace(/^---[\s\S]*?---/, '');
    expect(
      checkSections('what-is-deep-learning', quiz.lesson, quiz.questions, lessonSections(mdx)),
    ).toEqual([]);
  });
});

describe('answer keys', () => {
  const quiz = quizFileSchema.parse({
    lesson: 'foundations/x',
    questions: [
      {
        id: 's',
        type: 'single',
        section: 'a',
        prompt: 'p',
        explanation: 'e',
        options: [{ text: 'x' }, { text: 'y', correct: true }],
      },
      {
        id: 'n',
        type: 'numeric',
        section: 'a',
        prompt: 'p',
        explanation: 'e',
        answer: 2,
        tolerance: { relative: 0.1 },
        inline: true,
      },
      {
        id: 'o',
        type: 'ordering',
        section: 'a',
        prompt: 'p',
        explanation: 'e',
        items: ['1', '2', '3'],
        hints: ['h'],
      },
      {
        id: 'w',
        type: 'widget',
        section: 'a',
        prompt: 'p',
        explanation: 'e',
        widget: 'u',
        grader: 'logic-unit-truth-table',
        params: { target: [0, 0, 0, 1] },
      },
    ],
  });
  it('keeps what grading needs and no prose', () => {
    const key = quizKey('x', quiz);
    expect(key.questions[0]).toEqual({
      id: 's',
      section: 'a',
      points: 1,
      inline: false,
      hintCount: 0,
      type: 'single',
      optionCount: 2,
      correct: [1],
      shuffle: true,
    });
    expect(key.questions[1]).toEqual({
      id: 'n',
      section: 'a',
      points: 1,
      inline: true,
      hintCount: 0,
      type: 'numeric',
      answer: 2,
      relative: 0.1,
      wrongRanges: [],
    });
    expect(questionKey(quiz.questions[2]!)).toMatchObject({
      type: 'ordering',
      itemCount: 3,
      hintCount: 1,
    });
    expect(questionKey(quiz.questions[3]!)).toMatchObject({
      widget: 'u',
      grader: 'logic-unit-truth-table',
      params: { target: [0, 0, 0, 1] },
    });
    expect(JSON.stringify(key)).not.toContain('"p"');
  });
  it('chapter questions leave out inline checks', () => {
    expect(chapterQuestions(quizKey('x', quiz)).map((q) => q.id)).toEqual(['s', 'o', 'w']);
  });
});
