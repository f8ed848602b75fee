import { describe, it, expect } from 'vitest';
import { rebaseLinks } from '../../../src/lib/links/rebase.ts';

describe('rebaseLinks', () => {
  const page = '/foundations/deep-networks/';
  it('makes fragment and query links absolute to the lesson page', () => {
    expect(rebaseLinks('<a href="#playground">p</a>', page)).toBe(
      '<a href="/foundations/deep-networks/#playground">p</a>',
    );
    expect(rebaseLinks('Load <a href="?preset=overfit#playground">it</a>.', page)).toBe(
      'Load <a href="/foundations/deep-networks/?preset=overfit#playground">it</a>.',
    );
  });
  it('leaves other links, and attributes that only look alike, alone', () => {
    const html =
      '<a href="/foundations/the-neuron/#x">a</a><a href="https://e.org/#y">b</a><b data-href="#z">c</b>';
    expect(rebaseLinks(html, page)).toBe(html);
  });
  it('uses the page path without its own query or fragment', () => {
    expect(rebaseLinks('<a href="#a">a</a>', '/l/?x=1#top')).toBe('<a href="/l/#a">a</a>');
  });
});
