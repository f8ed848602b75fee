import { describe, it, expect } from 'vitest';
import {
  findPreset,
  presetState,
  presets,
  readSetup,
} from '../../../src/lib/playground/presets.ts';
import { defaults, normalizeState } from '../../../src/lib/playground/state.ts';

describe('presets', () => {
  it('have unique ids and are valid setups without notices', () => {
    expect(new Set(presets.map((p) => p.id)).size).toBe(presets.length);
    for (const p of presets) {
      const s = presetState(p);
      expect(normalizeState({ ...defaults(), ...p.setup }).notices, p.id).toEqual([]);
      expect(s).toEqual(normalizeState(s).state);
    }
  });

  it('the overfitting variants differ from the base only in regularization or dropout', () => {
    const base = presetState(findPreset('overfit')!);
    expect(presetState(findPreset('overfit-l2')!)).toEqual({
      ...base,
      regularization: 'l2',
      regularizationRate: 0.01,
    });
    expect(presetState(findPreset('overfit-dropout')!)).toEqual({ ...base, dropout: 0.3 });
  });

  it('readSetup applies a preset, then explicit parameters', () => {
    const r = readSetup('?preset=xor-product&seed=9');
    expect(r.preset).toBe('xor-product');
    expect(r.state.dataset).toBe('xor');
    expect(r.state.features).toEqual(['x1x2']);
    expect(r.state.seed).toBe(9);
    expect(r.notices).toEqual([]);
  });

  it('an unknown preset falls back to the starting setup with a notice', () => {
    const start = { ...defaults(), hidden: [3] };
    const r = readSetup(new URLSearchParams('preset=nope'), start);
    expect(r.state).toEqual(start);
    expect(r.preset).toBeUndefined();
    expect(r.notices).toEqual([
      'There is no preset called "nope"; showing the starting setup instead.',
    ]);
    expect(findPreset('nope')).toBeUndefined();
  });
});
