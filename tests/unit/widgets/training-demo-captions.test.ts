import { describe, it, expect } from 'vitest';
import {
  chartPosition,
  placeLegend,
  retitle,
} from '../../../src/components/widgets/TrainingDemo/captions.ts';

describe('TrainingDemo captions follow state and layout (issue 16)', () => {
  it('renames the data set in the title', () => {
    const t = 'A 2-8-8-1 network learning two spirals';
    expect(retitle(t, 'spiral', 'xor')).toBe('A 2-8-8-1 network learning XOR (four quadrants)');
    expect(retitle(t, 'spiral', 'spiral')).toBe(t);
    expect(retitle('Two spirals, learned', 'spiral', 'gaussians')).toBe('Two clusters, learned');
    expect(retitle('No data set named', 'spiral', 'xor')).toBe('No data set named');
  });

  it('says "Below" when the chart sits under the map and "On the right" beside it', () => {
    const map = { top: 0, bottom: 300, left: 0, right: 300 };
    expect(chartPosition(map, { top: 0, bottom: 200, left: 320, right: 600 })).toBe('right');
    expect(chartPosition(map, { top: 310, bottom: 500, left: 0, right: 300 })).toBe('below');
    const legend = 'Circles are class A. On the right, the solid line is the train loss.';
    expect(placeLegend(legend, 'below')).toBe(
      'Circles are class A. Below, the solid line is the train loss.',
    );
    expect(placeLegend(placeLegend(legend, 'below'), 'right')).toBe(legend);
  });
});
