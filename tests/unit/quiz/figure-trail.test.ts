import { describe, it, expect } from 'vitest';
import {
  FigureTrail,
  figureHref,
  restoreNotice,
  sameState,
} from '../../../src/lib/quiz/figure-trail.ts';

describe('figure trail (Go to the figure / Back to the question)', () => {
  it('points the figure link at the page of the section link', () => {
    expect(figureHref('#what-deep-means', 'and-unit')).toBe('#and-unit');
    expect(figureHref('/foundations/what-is-deep-learning/#what-deep-means', 'and-unit')).toBe(
      '/foundations/what-is-deep-learning/#and-unit',
    );
    expect(figureHref('/foundations/deep-networks/', 'playground')).toBe(
      '/foundations/deep-networks/#playground',
    );
  });

  it('leads a figure back to the last question that sent the reader, until used', () => {
    const t = new FigureTrail();
    expect(t.backTo('playground')).toBeUndefined();
    t.open('playground', 'q1');
    t.open('playground', 'q2');
    expect(t.backTo('playground')).toBe('q2');
    t.close('playground', 'q1'); // another question closing does not remove q2's way back
    expect(t.backTo('playground')).toBe('q2');
    t.close('playground');
    expect(t.backTo('playground')).toBeUndefined();
  });

  it('compares widget states deeply and says when a figure was reset', () => {
    expect(sameState({ w1: 1, b: [1, 2] }, { b: [1, 2], w1: 1 })).toBe(true);
    expect(sameState({ w1: 1 }, { w1: 1, w2: 0 })).toBe(false);
    expect(sameState([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(restoreNotice(true, { b: -1.5 }, { b: -0.5 })).toBe('');
    expect(restoreNotice(false, { b: -1.5 }, { b: -1.5 })).toBe('');
    expect(restoreNotice(false, { b: -1.5 }, { b: -0.5 })).toMatch(/figure was reset/);
  });
});
