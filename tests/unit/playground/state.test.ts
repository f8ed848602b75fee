import { describe, it, expect } from 'vitest';
import {
  cloneState,
  decayRates,
  defaultState,
  defaults,
  dropoutRates,
  hasSetup,
  learningRates,
  limits,
  normalizeState,
  regularizationRates,
  sameSetup,
  stateFromParams,
  stateToParams,
  stateToQuery,
  urlKeys,
  type PlaygroundState,
} from '../../../src/lib/playground/state.ts';

const read = (q: string) => stateFromParams(new URLSearchParams(q));

describe('URL state', () => {
  it('round-trips every field of a non-default setup', () => {
    const s: PlaygroundState = {
      ...defaults(),
      dataset: 'drawn',
      noise: 25,
      trainPercent: 70,
      hidden: [8, 3, 1],
      features: ['x1', 'x1sq', 'x1x2', 'sinx2'],
      activation: 'relu',
      loss: 'squared',
      learningRate: 0.3,
      batchSize: 17,
      regularization: 'l1',
      regularizationRate: 0.003,
      dropout: 0.2,
      optimizer: 'rmsprop',
      decay: 0.01,
      seed: 4_000_000_000,
      points: [
        { x: 0.25, y: -0.5, label: 1 },
        { x: -1, y: 1, label: 0 },
      ],
    };
    const back = read(stateToQuery(s));
    expect(back.notices).toEqual([]);
    expect(back.state).toEqual(s);
    expect(sameSetup(back.state, s)).toBe(true);
  });

  it('writes keys in a fixed order and zero layers as "none"', () => {
    const p = stateToParams({ ...defaults(), hidden: [] });
    expect([...p.keys()]).toEqual(urlKeys.filter((k) => k !== 'pts'));
    expect(p.get('net')).toBe('none');
    expect(read('net=none').state.hidden).toEqual([]);
    expect(stateToParams({ ...defaults(), learningRate: 0.1 }).get('lr')).toBe('0.1');
  });

  it('absent keys keep the defaults silently; unrelated keys are ignored', () => {
    const r = read('foo=bar&lr=0.1');
    expect(r.notices).toEqual([]);
    expect(r.state).toEqual({ ...defaults(), learningRate: 0.1 });
    expect(hasSetup(new URLSearchParams('foo=1'))).toBe(false);
    expect(hasSetup(new URLSearchParams('seed=2'))).toBe(true);
    expect(hasSetup(new URLSearchParams('preset=overfit'))).toBe(true);
  });
});

describe('limits are enforced with a notice, never silently', () => {
  it('clamps hidden layers to 6 and neurons to 1–8', () => {
    const r = read('net=9-8-7-6-5-4-3-2');
    expect(r.state.hidden).toEqual([8, 8, 7, 6, 5, 4]);
    expect(r.state.hidden.length).toBe(limits.hiddenLayers.max);
    expect(r.notices.join(' ')).toMatch(/8 hidden layers.*at most 6/);
    expect(r.notices.join(' ')).toMatch(/layer 1 asked for 9 neurons/);
    const z = read('net=0-4');
    expect(z.state.hidden).toEqual([1, 4]);
    expect(z.notices).toHaveLength(1);
  });

  it('clamps and steps noise, training share and batch size', () => {
    const r = read('noise=77&train=5&batch=100');
    expect(r.state.noise).toBe(50);
    expect(r.state.trainPercent).toBe(10);
    expect(r.state.batchSize).toBe(30);
    expect(r.notices).toHaveLength(3);
    expect(read('noise=7').state.noise).toBe(5);
    expect(read('batch=2.5').state.batchSize).toBe(3);
  });

  it('snaps rates to the offered values', () => {
    const r = read('lr=0.05&rrate=0.002&drop=0.9&decay=5');
    expect(learningRates).toContain(r.state.learningRate);
    expect(r.state.learningRate).toBe(0.03);
    expect(regularizationRates).toContain(r.state.regularizationRate);
    expect(r.state.regularizationRate).toBe(0.003);
    expect(dropoutRates).toContain(r.state.dropout);
    expect(r.state.dropout).toBe(0.5);
    expect(decayRates).toContain(r.state.decay);
    expect(r.notices).toHaveLength(4);
    expect(read('lr=-1').state.learningRate).toBe(defaultState.learningRate);
  });

  it('fixes combinations: regression needs squared error, 1-D data has no x2 features', () => {
    const r = read('data=regression-1d&loss=cross-entropy&feat=x1,x2,x1x2,sinx1');
    expect(r.state.loss).toBe('squared');
    expect(r.state.features).toEqual(['x1', 'sinx1']);
    expect(r.notices).toHaveLength(2);
  });

  it('keeps at most 200 drawn points and drops points outside the plot', () => {
    const many = Array.from({ length: 250 }, (_, i) => `${(i % 100) - 50},10,${i % 2}`).join('_');
    const r = read(`data=drawn&pts=${many}`);
    expect(r.state.points.length).toBe(limits.drawnPoints.max);
    expect(r.notices.join(' ')).toMatch(/At most 200/);
    const out = read('data=drawn&pts=150,0,1_10,10,0');
    expect(out.state.points).toEqual([{ x: 0.1, y: 0.1, label: 0 }]);
    expect(out.notices).toHaveLength(1);
  });
});

describe('malformed state falls back to defaults with a notice', () => {
  it.each([
    ['data=moon', 'dataset', /Unknown data set "moon"/],
    ['act=swish', 'activation', /Unknown activation "swish"/],
    ['loss=hinge', 'loss', /Unknown loss/],
    ['opt=lbfgs', 'optimizer', /Unknown optimizer/],
    ['reg=l3', 'regularization', /Unknown regularization/],
    ['lr=fast', 'learningRate', /Learning rate "fast" is not a number/],
    ['seed=abc', 'seed', /Seed "abc" is not a number/],
    ['noise=', 'noise', /Noise "" is not a number/],
    ['net=4,two', 'hidden', /not a list of layer sizes/],
    ['batch=NaN', 'batchSize', /not a number/],
  ] as const)('%s', (q, key, message) => {
    const r = read(q);
    expect(r.state[key]).toEqual(defaultState[key]);
    expect(r.notices.join(' ')).toMatch(message);
  });

  it('unknown features are dropped; no features at all falls back to x1 and x2', () => {
    const a = read('feat=x1,cosx1');
    expect(a.state.features).toEqual(['x1']);
    expect(a.notices.join(' ')).toMatch(/cosx1/);
    const b = read('feat=');
    expect(b.state.features).toEqual(['x1', 'x2']);
    expect(b.notices.join(' ')).toMatch(/at least one input feature/);
  });

  it('unreadable drawn points are left out with a count', () => {
    const r = read('data=drawn&pts=10,10,1_garbage_5,5,7');
    expect(r.state.points).toEqual([{ x: 0.1, y: 0.1, label: 1 }]);
    expect(r.notices.join(' ')).toMatch(/2 drawn points/);
  });

  it('a negative or fractional seed is made a whole number in range', () => {
    expect(read('seed=-5').state.seed).toBe(0);
    expect(read('seed=3.7').state.seed).toBe(3);
    expect(read('seed=1e12').state.seed).toBe(limits.seed.max);
  });

  it('normalizeState leaves a valid state alone and does not mutate its input', () => {
    const s = defaults();
    expect(normalizeState(s)).toEqual({ state: s, notices: [] });
    const bad = { ...defaults(), hidden: [20] };
    normalizeState(bad);
    expect(bad.hidden).toEqual([20]);
    const c = cloneState(s);
    c.hidden.push(3);
    expect(s.hidden).toEqual([4, 2]);
  });
});
