// The deep-networks lesson says of L1 regularization: "watch the connection lines thin out in the
// diagram". The diagram draws a link at its thinnest (≤ 0.5 units) for |w| ≤ 1/16
// (network-view.ts linkWidth). This checks the claim on the lesson's two preset links, trained
// for the same number of steps from the same seed as the browser would.
import { describe, it, expect } from 'vitest';
import { createTrainer } from '../../../src/lib/playground/trainer.ts';
import { findPreset, presetState } from '../../../src/lib/playground/presets.ts';
import { linkWidth } from '../../../src/lib/playground/network-view.ts';

function thinShare(preset: string, steps: number): number[] {
  const t = createTrainer(presetState(findPreset(preset)!));
  const shares: number[] = [];
  const checkpoints = [steps / 4, steps / 2, steps];
  let done = 0;
  for (const c of checkpoints) {
    t.runSteps(c - done);
    done = c;
    const ws = t.net.weights.flatMap((w) => Array.from(w));
    shares.push(ws.filter((w) => linkWidth(w) <= 0.5).length / ws.length);
  }
  return shares;
}

describe('L1 thins the connection lines (deep-networks lesson)', () => {
  it('has far more near-zero weights than the same setup without it, after 3,000, 6,000 and 12,000 steps', () => {
    const without = thinShare('overfit', 12000);
    const l1 = thinShare('overfit-l1', 12000);
    for (let i = 0; i < l1.length; i++) expect(l1[i]!).toBeGreaterThan(without[i]! + 0.2);
  });
});
