import { describe, it, expect } from 'vitest';
import {
  neuronExplorerSeparates,
  perceptronTrainerOutcome,
  activationExplorerSlope,
  neuronLessonGraders,
} from '../../../src/lib/quiz/graders/neuron-lessons.ts';
import { graders, runGraderExamples } from '../../../src/lib/quiz/graders/index.ts';

const data = { seed: 7, count: 20, truth: [-1, 1.5, 0.2], margin: 0.12 };

describe('neuron lesson graders', () => {
  it('are registered and pass their own examples', () => {
    for (const [name, g] of Object.entries(neuronLessonGraders)) {
      expect(graders[name]).toBe(g);
      expect(runGraderExamples(name, g)).toEqual([]);
    }
  });

  it('neuron-explorer-separates checks its params and names the wrong points', () => {
    expect(neuronExplorerSeparates.checkParams?.(data)).toEqual([]);
    expect(neuronExplorerSeparates.checkParams?.({ seed: 7 })[0]).toMatch(/params need/);
    expect(neuronExplorerSeparates.checkParams?.({ ...data, margin: 5 })[0]).toMatch(/no data set/);
    const r = neuronExplorerSeparates.grade({ w1: 1, w2: 0, b: 0 }, data);
    expect(r.pass).toBe(false);
    expect(r.feedback).toMatch(/^9 of 20 points are on their own side; points 4, 5/);
    expect(neuronExplorerSeparates.grade({ w1: 1, w2: 0, b: 0 }, {}).feedback).toMatch(
      /no valid data/,
    );
  });

  it('perceptron-trainer-outcome wants a finished run on the right data', () => {
    expect(perceptronTrainerOutcome.checkParams?.({ data: 'xor', outcome: 'cycle' })).toEqual([]);
    expect(perceptronTrainerOutcome.checkParams?.({ data: 'and', outcome: 'cycle' })).toHaveLength(
      1,
    );
    const running = { data: 'xor', updates: 3, epoch: 1, converged: false, cycle: false };
    expect(
      perceptronTrainerOutcome.grade(running, { data: 'xor', outcome: 'cycle' }).feedback,
    ).toMatch(/not finished/);
    expect(perceptronTrainerOutcome.grade(null, { data: 'xor', outcome: 'cycle' }).pass).toBe(
      false,
    );
  });

  it('activation-explorer-slope recomputes the slope from x rather than trusting the widget', () => {
    expect(activationExplorerSlope.checkParams?.({ activation: 'tanh', maxSlope: 0.01 })).toEqual(
      [],
    );
    expect(
      activationExplorerSlope.checkParams?.({ activation: 'swish', maxSlope: -1, minX: 'a' }),
    ).toHaveLength(3);
    const p = { activation: 'tanh', maxSlope: 0.01, minX: 0 };
    expect(activationExplorerSlope.grade({ activation: 'tanh', x: 3, slope: 0.5 }, p).pass).toBe(
      true,
    );
    expect(activationExplorerSlope.grade({ activation: 'tanh', x: 1, slope: 0 }, p).pass).toBe(
      false,
    );
    expect(activationExplorerSlope.grade({ activation: 'tanh', x: 'far' }, p).feedback).toMatch(
      /no x/,
    );
    expect(
      activationExplorerSlope.grade({ activation: 'tanh', x: 3 }, { activation: 'x' }).pass,
    ).toBe(false);
  });
});
