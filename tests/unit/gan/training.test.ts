// The 2-D GAN's training behaviour from fixed seeds: which network each step changes, that a run
// reaches its target by the energy distance the lesson states, and the presets the lesson links.
import { describe, it, expect } from 'vitest';
import { discriminatorStep, generateMany, generatorStep } from '../../../src/lib/gan/gan.ts';
import { energyDistance, modeCoverage } from '../../../src/lib/gan/metrics.ts';
import { createSession, VIEW_POINTS, type Session } from '../../../src/lib/gan/session.ts';
import {
  defaultSettings,
  presetSettings,
  settingsFromSearch,
} from '../../../src/lib/gan/settings.ts';
import { createRng } from '../../../src/lib/ml/rng.ts';
import { parameters } from '../../../src/lib/ml/dense/network.ts';
import { samplerFor, sampleTarget } from '../../../src/lib/gan/targets.ts';
import { meanD } from '../../../src/lib/gan/view-model.ts';

const copy = (arrs: Float32Array[]) => arrs.map((a) => a.slice());
const same = (a: Float32Array[], b: Float32Array[]) =>
  a.every((x, i) => x.every((v, k) => v === b[i]![k]));
const energyNow = (s: Session) =>
  energyDistance(generateMany(s.gan, s.viewNoise, VIEW_POINTS), s.viewReal);

describe('one network per step', () => {
  it('a generator step changes no discriminator weight, and a discriminator step no generator weight', () => {
    const s = createSession({ ...defaultSettings(), opt: 'adam' });
    s.run(5);
    const rng = createRng(3);
    const real = sampleTarget(samplerFor('ring'), rng, 64);
    const d0 = copy(parameters(s.gan.D));
    const g0 = copy(parameters(s.gan.G));
    generatorStep(s.gan, 64, 'nonsaturating', 0.01, rng);
    expect(same(parameters(s.gan.D), d0)).toBe(true);
    expect(same(parameters(s.gan.G), g0)).toBe(false);
    const g1 = copy(parameters(s.gan.G));
    discriminatorStep(s.gan, real, 64, 0.01, rng);
    expect(same(parameters(s.gan.G), g1)).toBe(true);
    expect(same(parameters(s.gan.D), d0)).toBe(false);
  });
});

describe('seeded runs (the numbers the lesson quotes)', () => {
  it('the default ring run gets within energy distance 0.02 of the ring in 2,000 iterations, at the D = ½ equilibrium', () => {
    const s = createSession(defaultSettings());
    const start = energyNow(s);
    s.run(2000);
    expect(start).toBeGreaterThan(0.2);
    expect(energyNow(s)).toBeLessThan(0.02);
    // The lesson: D near ½ on real and generated points; losses near 2 log 2 and log 2.
    const fake = generateMany(s.gan, s.viewNoise, VIEW_POINTS);
    expect(Math.abs(meanD(s, s.viewReal) - 0.5)).toBeLessThan(0.05);
    expect(Math.abs(meanD(s, fake) - 0.5)).toBeLessThan(0.05);
    const recent = s.history.slice(-10);
    const avg = (k: 'dLoss' | 'gLoss') => recent.reduce((a, r) => a + r[k], 0) / recent.length;
    expect(Math.abs(avg('dLoss') - 2 * Math.log(2))).toBeLessThan(0.05);
    expect(Math.abs(avg('gLoss') - Math.log(2))).toBeLessThan(0.05);
  }, 120_000);

  it('Adam at rate 0.003 on the ring keeps oscillating (energy distance above 0.1 at 1,000, 2,000 and 3,000 iterations)', () => {
    const s = createSession({ ...defaultSettings(), opt: 'adam', lrD: 0.003, lrG: 0.003 });
    for (let c = 0; c < 3; c++) {
      s.run(1000);
      expect(energyNow(s)).toBeGreaterThan(0.1);
    }
  }, 120_000);

  it('two samples of the ring itself are within 0.01 of each other (the scale of "close")', () => {
    const a = sampleTarget(samplerFor('ring'), createRng(1), VIEW_POINTS);
    const b = sampleTarget(samplerFor('ring'), createRng(2), VIEW_POINTS);
    expect(Math.abs(energyDistance(a, b))).toBeLessThan(0.01);
  });

  it('the collapse preset covers fewer than half the modes; its fix covers at least 7 of 8', () => {
    const bad = createSession(presetSettings('collapse')!);
    const good = createSession(presetSettings('collapse-fixed')!);
    bad.run(2000);
    good.run(2000);
    const covered = (s: Session) =>
      modeCoverage(generateMany(s.gan, s.viewNoise, VIEW_POINTS)).covered;
    expect(covered(bad)).toBeLessThan(4);
    expect(covered(good)).toBeGreaterThanOrEqual(7);
  }, 120_000);

  it('after 200 iterations the saturating loss is far behind the non-saturating one', () => {
    const sat = createSession(presetSettings('saturating')!);
    const ns = createSession(presetSettings('nonsaturating')!);
    sat.run(200);
    ns.run(200);
    expect(energyNow(ns)).toBeLessThan(0.05);
    expect(energyNow(sat)).toBeGreaterThan(4 * energyNow(ns));
  }, 120_000);
});

describe('the quiz hint for two moons', () => {
  it('RMSProp at rate 0.001 brings the moons within 0.01 in 1,500 iterations', () => {
    const s = createSession({
      ...defaultSettings(),
      target: 'moons',
      opt: 'rmsprop',
      lrD: 0.001,
      lrG: 0.001,
    });
    s.run(1500);
    expect(energyNow(s)).toBeLessThan(0.01);
  }, 120_000);
});

describe('settings in the URL', () => {
  it('reads a preset and overrides on top of it, and reports unreadable values', () => {
    const r = settingsFromSearch('?gan.preset=collapse&gan.seed=5&gan.k=zz');
    expect(r.settings.target).toBe('gaussians');
    expect(r.settings.opt).toBe('adam');
    expect(r.settings.seed).toBe(5);
    expect(r.settings.k).toBe(1);
    expect(r.notices.join(' ')).toMatch(/k/);
  });
});
