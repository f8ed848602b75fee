// Pure helpers of the neuron and activation widgets: props parsing, readouts and sentences.
import { describe, it, expect } from 'vitest';
import { describeScore } from '../../../src/components/widgets/NeuronExplorer/describe.ts';
import {
  parseExplorerProps as parseNeuronProps,
  explorerPoints,
  explorerDefaults,
} from '../../../src/components/widgets/NeuronExplorer/data.ts';
import {
  parseTrainerProps,
  trainerPoints,
  trainerBounds,
  describeTraining,
  describeVisit,
  updateRows,
} from '../../../src/components/widgets/PerceptronTrainer/data.ts';
import {
  parseExplorerProps,
  readout,
  describeReading,
  plotModel,
  tableRows,
  fmt3,
} from '../../../src/components/widgets/ActivationExplorer/model.ts';
import { describeRace, laneRow } from '../../../src/components/widgets/ActivationRace/describe.ts';
import { initPerceptron, perceptronStep, trainPerceptron } from '../../../src/lib/ml/perceptron.ts';

describe('NeuronExplorer helpers', () => {
  it('describes a score', () => {
    expect(describeScore({ correct: 3, total: 3, wrong: [] })).toBe(
      'All 3 points are on their own side of the line.',
    );
    expect(describeScore({ correct: 2, total: 3, wrong: [1] })).toBe(
      '2 of 3 points are on their own side of the line. Wrong side: point 2.',
    );
  });

  it('parses props with fallbacks', () => {
    expect(parseNeuronProps({})).toEqual(explorerDefaults);
    const p = parseNeuronProps({
      seed: '3',
      count: '500',
      truth: '1,2',
      start: '0,1,-1',
      activation: 'step',
    });
    expect(p.seed).toBe(3);
    expect(p.count).toBe(60);
    expect(p.truth).toEqual(explorerDefaults.truth);
    expect(p.start).toEqual({ w1: 0, w2: 1, b: -1 });
    expect(p.activation).toBe('step');
    expect(explorerPoints(explorerDefaults)).toHaveLength(20);
  });
});

describe('PerceptronTrainer helpers', () => {
  it('parses props and picks data and bounds', () => {
    expect(parseTrainerProps({ data: 'xor', lr: '-1' })).toMatchObject({ data: 'xor', lr: 1 });
    expect(parseTrainerProps({})).toMatchObject({ data: 'separable', seed: 11, count: 20 });
    expect(trainerPoints({ data: 'xor', seed: 1, count: 1 })).toHaveLength(4);
    expect(trainerBounds('xor').xMin).toBe(-0.5);
  });

  it('describes the start, progress, convergence and a loop', () => {
    expect(describeTraining(initPerceptron())).toMatch(/All weights start at 0/);
    const pts = trainerPoints({ data: 'separable', seed: 11, count: 20 });
    const one = perceptronStep(initPerceptron(), pts);
    expect(describeTraining(one.state)).toMatch(/^1 update so far, in pass 1\./);
    expect(describeTraining(trainPerceptron(pts).state)).toMatch(/^Converged after 10 updates/);
    const xor = trainPerceptron(trainerPoints({ data: 'xor', seed: 0, count: 4 })).state;
    expect(describeTraining(xor)).toContain('start of pass 4 (w₁ = −1, w₂ = 0, b = 0)');
  });

  it('shows the update as numbers', () => {
    const pts = trainerPoints({ data: 'xor', seed: 0, count: 4 });
    const { update } = perceptronStep(initPerceptron(), pts);
    expect(describeVisit(update!, pts[0]!)).toBe(
      'Point 1 at (0, 0) has class t = 0, but z = 0 so the neuron says ŷ = 1. Error t − ŷ = −1.',
    );
    expect(updateRows(update!, pts[0]!, 1)).toEqual([
      ['w₁', '0', '1 × −1 × 0 = 0', '0'],
      ['w₂', '0', '1 × −1 × 0 = 0', '0'],
      ['b', '0', '1 × −1 × 1 = −1', '−1'],
    ]);
  });
});

describe('ActivationExplorer helpers', () => {
  it('parses props, clamping x into the range', () => {
    expect(parseExplorerProps({ activation: 'relu', x: '9', lo: '-2', hi: '2' })).toEqual({
      state: { activation: 'relu', x: 2 },
      range: { lo: -2, hi: 2 },
    });
    expect(parseExplorerProps({ activation: 'swish', lo: '3', hi: '1' })).toEqual({
      state: { activation: 'sigmoid', x: 0 },
      range: { lo: -6, hi: 6 },
    });
  });

  it('reads value and slope and says what to notice', () => {
    expect(readout({ activation: 'sigmoid', x: 0 })).toEqual({ value: 0.5, slope: 0.25 });
    expect(describeReading({ activation: 'sigmoid', x: 5 })).toMatch(/Saturated/);
    expect(describeReading({ activation: 'relu', x: -1 })).toMatch(/no gradient passes/);
    expect(describeReading({ activation: 'leaky-relu', x: -1 })).toMatch(/small slope/);
    expect(describeReading({ activation: 'step', x: 1 })).toMatch(/flat on both sides/);
    expect(describeReading({ activation: 'tanh', x: 0 })).toBe(
      'Tanh at x = 0.000: value 0.000, slope 1.000.',
    );
    expect(fmt3(-0.0001)).toBe('0.000');
    expect(fmt3(-0.02)).toBe('−0.020');
  });

  it('plots f and f′ within a padded y-range and tabulates integers', () => {
    const m = plotModel('relu', { lo: -2, hi: 2 }, 5);
    expect(m.samples.map((s) => s.y)).toEqual([0, 0, 0, 1, 2]);
    expect(m.yLo).toBeLessThan(0);
    expect(m.yHi).toBeGreaterThan(2);
    expect(tableRows('relu', { lo: -1.5, hi: 1.5 })).toEqual([
      ['−1.000', '0.000', '0.000'],
      ['0.000', '0.000', '0.000'],
      ['1.000', '1.000', '1.000'],
    ]);
  });
});

describe('ActivationRace helpers', () => {
  const lane = (label: string, reached: number | null, diverged = false) => ({
    activation: label.toLowerCase(),
    label,
    accuracy: 0.5,
    loss: 0.6931,
    reached,
    diverged,
  });

  it('formats table rows', () => {
    expect(laneRow(lane('ReLU', 6))).toEqual(['ReLU', '50%', '0.693', 'epoch 6']);
    expect(laneRow(lane('Sigmoid', null, true))).toEqual(['Sigmoid', 'diverged', '—', 'not yet']);
  });

  it('describes the race before, during and after training, and divergence', () => {
    expect(describeRace(0, 100, [lane('ReLU', null)], false)).toMatch(/^Not trained yet/);
    expect(describeRace(3, 100, [lane('ReLU', null)], true)).toBe(
      'Epoch 3 of 100. No network has reached 95% training accuracy yet.',
    );
    expect(describeRace(100, 100, [lane('ReLU', 6), lane('Linear', null)], false)).toBe(
      'Stopped after 100 epochs. Reached 95% training accuracy: ReLU at epoch 6. Not yet: Linear.',
    );
    expect(describeRace(5, 100, [lane('ReLU', null, true)], true)).toMatch(/diverged.*Reset/);
  });
});
