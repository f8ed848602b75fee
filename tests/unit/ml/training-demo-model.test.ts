// The TrainingDemo widget's pure settings module (src/components/widgets/TrainingDemo/model.ts).
import { describe, expect, it } from 'vitest';
import {
  architecture,
  backendLabel,
  boundarySummary,
  fromUrlValues,
  parseProps,
  toConfig,
  toUrlValues,
} from '../../../src/components/widgets/TrainingDemo/model';

describe('TrainingDemo settings', () => {
  it('parses data-* props and falls back to defaults for anything malformed', () => {
    const s = parseProps({
      dataset: 'xor',
      layers: '4-3',
      activation: 'relu',
      learningRate: '0.1',
      seed: '9',
    });
    expect(s).toMatchObject({
      dataset: 'xor',
      hidden: [4, 3],
      activation: 'relu',
      learningRate: 0.1,
      seed: 9,
    });
    const bad = parseProps({
      dataset: 'moons',
      layers: '0-99',
      activation: 'swish',
      learningRate: 'x',
      seed: '-1',
    });
    expect(bad).toMatchObject({
      dataset: 'spiral',
      hidden: [8, 8],
      activation: 'tanh',
      learningRate: 0.03,
      seed: 1,
    });
    expect(parseProps({ worker: 'off' }).worker).toBe(false);
    expect(parseProps({ stateId: 'Bad id' }).stateId).toBe('');
  });

  it('round-trips through URL values and builds the trainer config', () => {
    const s = parseProps({ seed: '4' });
    expect(fromUrlValues(s, toUrlValues(s))).toEqual(s);
    const c = toConfig(s);
    expect(c).toMatchObject({
      kind: 'mlp',
      dataset: 'spiral',
      hidden: [8, 8],
      testFraction: 0.2,
      batchSize: 10,
    });
  });

  it('words architecture, backend and boundary summaries', () => {
    expect(architecture({ hidden: [8, 8], activation: 'tanh' })).toBe(
      '2-8-8-1 with tanh activations',
    );
    expect(backendLabel('wasm')).toBe('WebAssembly');
    expect(boundarySummary(0.25, 0.9)).toMatch(/25% of the plane.*Test accuracy 90%/);
    expect(boundarySummary(0.5, null)).not.toMatch(/accuracy/);
  });
});
