import { describe, expect, it } from 'vitest';
import { raceStart, runRace } from '../../../src/lib/ml/optimizer-race.ts';
import { runDescent } from '../../../src/lib/ml/descent/run.ts';
import { surfaces, surfaceIds } from '../../../src/lib/ml/descent/surfaces.ts';

describe('optimizer race', () => {
  it('starts from the surface default for seed 0 and from a seeded point otherwise', () => {
    expect(raceStart('valley', 0)).toEqual([-2.5, 1.5]);
    expect(raceStart('valley', 5)).toEqual(raceStart('valley', 5));
    expect(raceStart('valley', 5)).not.toEqual(raceStart('valley', 6));
    for (const id of surfaceIds) {
      for (const seed of [1, 2, 3, 99]) {
        const [x, y] = raceStart(id, seed);
        const { domain } = surfaces[id];
        expect(x).toBeGreaterThanOrEqual(domain.x[0]);
        expect(x).toBeLessThanOrEqual(domain.x[1]);
        expect(y).toBeGreaterThanOrEqual(domain.y[0]);
        expect(y).toBeLessThanOrEqual(domain.y[1]);
      }
    }
  });

  it('runs the four optimizers exactly as the explorer does, from one start', () => {
    const start = raceStart('bowl', 3);
    const race = runRace('bowl', 0.1, 50, start);
    expect(race.map((e) => e.id)).toEqual(['sgd', 'momentum', 'rmsprop', 'adam']);
    for (const e of race) {
      const alone = runDescent(surfaces.bowl, { optimizer: e.id, lr: 0.1, steps: 50, start });
      expect(e.run.losses).toEqual(alone.losses);
      expect(e.run.xs[0]).toBe(start[0]);
    }
  });

  it('ranks by final loss: on the valley at η = 0.1 RMSProp wins and SGD is last', () => {
    const race = runRace('valley', 0.1, 50, raceStart('valley', 0));
    const byRank = [...race].sort((a, b) => a.rank - b.rank).map((e) => e.id);
    expect(byRank).toEqual(['rmsprop', 'momentum', 'adam', 'sgd']);
    expect(race.find((e) => e.id === 'rmsprop')!.verdict).toBe('Converged in 32 steps.');
    expect(race.map((e) => e.rank).sort()).toEqual([1, 2, 3, 4]);
  });

  it('ranks a diverged run last with an infinite final loss', () => {
    const race = runRace('two-minima', 0.3, 50, raceStart('two-minima', 0));
    const momentum = race.find((e) => e.id === 'momentum')!;
    expect(momentum.run.verdict.kind).toBe('diverged');
    expect(momentum.finalLoss).toBe(Infinity);
    expect(momentum.rank).toBe(4);
  });
});
