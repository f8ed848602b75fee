import { describe, it, expect } from 'vitest';
import {
  defaultSettings,
  parseSettings,
  settingsToStrings,
  snapLearningRate,
  clampStart,
  descentSettings,
} from '../../../../src/lib/ml/descent/settings.ts';

describe('explorer settings', () => {
  it('defaults to SGD at 0.1 on the bowl from its start', () => {
    expect(defaultSettings()).toMatchObject({
      surface: 'bowl',
      optimizer: 'sgd',
      lr: 0.1,
      start: [2.5, 2],
    });
    expect(defaultSettings('valley').start).toEqual([-2.5, 1.5]);
  });

  it('round-trips through strings', () => {
    const s = {
      ...defaultSettings('two-minima'),
      lr: 0.5,
      race: true,
      optimizerB: 'rmsprop' as const,
      start: [1, -1] as const,
    };
    const back = parseSettings(settingsToStrings(s));
    expect(back.problems).toEqual([]);
    expect(back.settings).toEqual(s);
  });

  it('keeps the base for malformed values and says why', () => {
    const base = defaultSettings();
    const { settings, problems } = parseSettings(
      { surface: 'saddle', lr: 'fast', optimizer: 'lion', start: 'here', race: 'maybe', steps: '' },
      base,
    );
    expect(settings).toEqual(base);
    expect(problems).toHaveLength(5);
    expect(problems.join(' ')).toMatch(/unknown surface "saddle"/);
    expect(problems.join(' ')).toMatch(/lr "fast" is not a number/);
  });

  it('clamps numbers and start points into range with a message', () => {
    const { settings, problems } = parseSettings({
      lr: '50',
      steps: '1000',
      momentum: '-1',
      start: '9,0',
    });
    expect(settings.lr).toBe(10);
    expect(settings.steps).toBe(200);
    expect(settings.momentum).toBe(0);
    expect(settings.start).toEqual([3, 0]);
    expect(problems).toHaveLength(4);
  });

  it('moves the start to the new surface when only the surface is given', () => {
    const { settings } = parseSettings(
      { surface: 'regression' },
      { ...defaultSettings(), lr: 0.3 },
    );
    expect(settings.start).not.toEqual([2.5, 2]);
    expect(settings.lr).toBe(0.3);
  });

  it('snaps learning rates to slider positions and clamps starts', () => {
    expect(snapLearningRate(0.1)).toBe(0.1);
    expect(snapLearningRate(2)).toBe(2);
    expect(snapLearningRate(0.1234)).toBe(0.123);
    expect(clampStart('bowl', [-7, 1.234])).toEqual([-3, 1.23]);
  });

  it('gives runDescent the chosen or the racing optimizer', () => {
    const s = { ...defaultSettings(), optimizerB: 'adam' as const, decay: 'step' as const };
    expect(descentSettings(s)).toMatchObject({
      optimizer: 'sgd',
      lr: 0.1,
      decay: { kind: 'step' },
    });
    expect(descentSettings(s, 'b').optimizer).toBe('adam');
  });
});

describe('URL state', () => {
  it('writes only what changed and reads it back through the state module', async () => {
    const { readState, writeState } = await import('../../../../src/lib/state/url-state.ts');
    const { urlSchema, toUrlValues, fromUrlValues } =
      await import('../../../../src/lib/ml/descent/settings.ts');
    const base = defaultSettings();
    const schema = urlSchema(base);
    const changed = { ...base, lr: 2, start: [1.5, -1] as const, race: true };
    const search = writeState(
      '?other=1',
      'descent',
      schema,
      toUrlValues(changed),
      toUrlValues(base),
    );
    expect(search).toBe('?other=1&descent.lr=2&descent.x=1.5&descent.y=-1&descent.race=1');
    const read = readState(search, 'descent', schema, toUrlValues(base));
    expect(read.problems).toEqual([]);
    expect(fromUrlValues(read.values).settings).toEqual(changed);
  });
  it('falls back for malformed values and moves a start off the surface inside', async () => {
    const { readState } = await import('../../../../src/lib/state/url-state.ts');
    const { urlSchema, toUrlValues, fromUrlValues } =
      await import('../../../../src/lib/ml/descent/settings.ts');
    const base = defaultSettings();
    const read = readState(
      '?descent.lr=abc&descent.x=50',
      'descent',
      urlSchema(base),
      toUrlValues(base),
    );
    expect(read.problems).toEqual(['lr']);
    const parsed = fromUrlValues(read.values);
    expect(parsed.settings.lr).toBe(0.1);
    expect(parsed.settings.start).toEqual([3, 2]);
    expect(parsed.problems).toHaveLength(1);
  });
});
