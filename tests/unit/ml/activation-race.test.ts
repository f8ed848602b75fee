import { describe, it, expect } from 'vitest';
import {
  createRace,
  raceEpoch,
  runRace,
  epochsToReach,
  accuracy,
  laneGrid,
  raceDefaults,
  RACE_ACTIVATIONS,
} from '../../../src/lib/ml/activation-race.ts';

describe('activation race', () => {
  it('starts every lane from the same weights; only the activation differs', () => {
    const race = createRace();
    expect(race.lanes.map((l) => l.activation)).toEqual([...RACE_ACTIVATIONS]);
    const [a, ...rest] = race.lanes;
    for (const l of rest) {
      l.net.weights.forEach((w, k) =>
        expect(Array.from(w)).toEqual(Array.from(a!.net.weights[k]!)),
      );
    }
    expect(race.n).toBe(200);
    expect(race.epoch).toBe(0);
    for (const l of race.lanes) expect(l.losses).toHaveLength(1);
  });

  it('is deterministic: the same seed gives the same losses', () => {
    const a = runRace(createRace(), 3);
    const b = runRace(createRace(), 3);
    expect(a.lanes.map((l) => l.losses)).toEqual(b.lanes.map((l) => l.losses));
    const c = runRace(createRace({ ...raceDefaults, seed: 4 }), 3);
    expect(c.lanes[0]!.losses).not.toEqual(a.lanes[0]!.losses);
  });

  // The claims of the activation-functions lesson (seed 3, 3 × 8 hidden units, SGD 0.1, batch 10).
  it('lesson claims: ReLU and leaky ReLU reach 95% at epoch 6, tanh at 21; sigmoid and linear do not within 100', () => {
    const race = runRace(createRace(), 100);
    const by = Object.fromEntries(race.lanes.map((l) => [l.activation, l]));
    expect(epochsToReach(by['relu']!, 0.95)).toBe(6);
    expect(epochsToReach(by['leaky-relu']!, 0.95)).toBe(6);
    expect(epochsToReach(by['tanh']!, 0.95)).toBe(21);
    expect(epochsToReach(by['sigmoid']!, 0.95)).toBeNull();
    expect(epochsToReach(by['linear']!, 0.95)).toBeNull();
    // The sigmoid network is still at chance: its loss sits near ln 2.
    expect(by['sigmoid']!.losses[100]).toBeCloseTo(Math.LN2, 2);
    expect(by['sigmoid']!.accuracies[100]).toBeLessThan(0.6);
    expect(by['linear']!.accuracies[100]).toBeLessThan(0.75);
    expect(by['relu']!.accuracies[100]).toBe(1);
    expect(by['tanh']!.accuracies[100]).toBe(1);
  });

  it('lesson claim: the sigmoid network does learn eventually, first at 95% after 941 epochs', () => {
    const race = createRace(raceDefaults, ['sigmoid', 'linear']);
    runRace(race, 1000);
    expect(epochsToReach(race.lanes[0]!, 0.95)).toBe(941);
    // A network of linear layers is one linear classifier: never near 95% on circles.
    expect(Math.max(...race.lanes[1]!.accuracies)).toBeLessThan(0.8);
  }, 60_000);

  it('raceEpoch advances every lane by one recorded epoch', () => {
    const race = raceEpoch(createRace());
    expect(race.epoch).toBe(1);
    for (const l of race.lanes) {
      expect(l.losses).toHaveLength(2);
      expect(l.accuracies[1]).toBe(accuracy(l.net, race.inputs, race.targets, race.n));
    }
  });

  it('laneGrid gives probabilities in (0, 1), row 0 at the top', () => {
    const race = runRace(createRace(), 30);
    const relu = race.lanes[0]!;
    const g = laneGrid(relu, 9);
    expect(g).toHaveLength(81);
    for (const v of g) expect(v > 0 && v < 1).toBe(true);
    // The centre (inner disc, class 1) is class 1, a corner (outside the ring) class 0.
    expect(g[4 * 9 + 4]).toBeGreaterThan(0.5);
    expect(g[0]).toBeLessThan(0.5);
  });

  it('accuracy of nothing is 0', () => {
    const race = createRace();
    expect(accuracy(race.lanes[0]!.net, new Float32Array(0), new Float32Array(0), 0)).toBe(0);
  });

  it('refuses bad settings', () => {
    expect(() => createRace({ ...raceDefaults, learningRate: 0 })).toThrow(RangeError);
    expect(() => createRace({ ...raceDefaults, batchSize: 0 })).toThrow(RangeError);
    expect(() => createRace({ ...raceDefaults, hidden: [] })).toThrow(RangeError);
  });
});
