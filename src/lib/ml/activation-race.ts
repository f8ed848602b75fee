// Pure: no DOM. "Same network, different activations": one small MLP architecture trained on the
// circles data once per hidden activation, every lane from the same seed (same data, same
// initial weights, same batch order), with the playground's dense engine. Used by the
// ActivationRace widget and unit tests.
import { circles, toArrays } from './datasets.ts';
import { createRng, permutation } from './rng.ts';
import {
  createNet,
  createOptimizer,
  createWorkspace,
  meanLoss,
  parameters,
  predict,
  trainStep,
  type ActivationName as DenseActivation,
  type DenseNet,
  type OptimizerName,
  type OptimizerState,
  type Workspace,
} from './dense/index.ts';

/** The hidden activations the race compares (the dense engine's set). */
export const RACE_ACTIVATIONS: readonly DenseActivation[] = [
  'relu',
  'leaky-relu',
  'tanh',
  'sigmoid',
  'linear',
];

export interface RaceConfig {
  readonly seed: number;
  /** Points in the circles data set. */
  readonly points: number;
  readonly noise: number;
  /** Hidden layer widths, e.g. [8, 8, 8]. */
  readonly hidden: readonly number[];
  readonly learningRate: number;
  readonly batchSize: number;
  readonly optimizer: OptimizerName;
}

export const raceDefaults: RaceConfig = {
  seed: 3,
  points: 200,
  noise: 0.1,
  hidden: [8, 8, 8],
  learningRate: 0.1,
  batchSize: 10,
  optimizer: 'sgd',
};

export interface RaceLane {
  readonly activation: DenseActivation;
  readonly net: DenseNet;
  readonly optimizer: OptimizerState;
  readonly ws: Workspace;
  /** Mean training loss (binary cross-entropy) after each epoch, starting with epoch 0. */
  readonly losses: number[];
  /** Training accuracy after each epoch, starting with epoch 0. */
  readonly accuracies: number[];
}

export interface Race {
  readonly config: RaceConfig;
  readonly inputs: Float32Array;
  readonly targets: Float32Array;
  readonly n: number;
  readonly lanes: RaceLane[];
  /** Completed epochs (the same for every lane). */
  epoch: number;
}

/**
 * Builds the data and one lane per activation. Every lane's initial weights come from a generator
 * with the same seed, so they start identical (only the activation differs).
 * @throws RangeError for a non-positive learning rate or batch size, or no hidden layer
 */
export function createRace(
  config: RaceConfig = raceDefaults,
  activations: readonly DenseActivation[] = RACE_ACTIVATIONS,
): Race {
  if (!(config.learningRate > 0)) throw new RangeError('the learning rate must be positive');
  if (!(config.batchSize >= 1)) throw new RangeError('the batch size must be at least 1');
  if (config.hidden.length === 0) throw new RangeError('the race needs at least one hidden layer');
  const data = circles(createRng(config.seed), { n: config.points, noise: config.noise });
  const { xs, ys } = toArrays(data);
  const sizes = [2, ...config.hidden, 1];
  const lanes = activations.map((activation) => {
    const rng = createRng(config.seed + 1);
    const net = createNet({ sizes, activation, output: 'sigmoid' }, () => rng.next());
    const lane: RaceLane = {
      activation,
      net,
      optimizer: createOptimizer(config.optimizer, parameters(net)),
      ws: createWorkspace(net),
      losses: [],
      accuracies: [],
    };
    record(lane, xs, ys, data.length);
    return lane;
  });
  return { config, inputs: xs, targets: ys, n: data.length, lanes, epoch: 0 };
}

function record(lane: RaceLane, xs: Float32Array, ys: Float32Array, n: number): void {
  lane.losses.push(meanLoss(lane.net, xs, ys, n, 'cross-entropy'));
  lane.accuracies.push(accuracy(lane.net, xs, ys, n));
}

/** Share of the n rows whose predicted class (output ≥ 0.5) equals the label. */
export function accuracy(net: DenseNet, xs: Float32Array, ys: Float32Array, n: number): number {
  let right = 0;
  for (let r = 0; r < n; r++) {
    const p = predict(net, [xs[2 * r]!, xs[2 * r + 1]!])[0]!;
    if ((p >= 0.5 ? 1 : 0) === ys[r]) right++;
  }
  return n === 0 ? 0 : right / n;
}

/**
 * One epoch for every lane: the same shuffled order (seeded by the epoch number) and the same
 * mini-batches for all, then records loss and accuracy. Mutates the race and returns it.
 */
export function raceEpoch(race: Race): Race {
  const { config, inputs, targets, n } = race;
  const order = permutation(n, createRng(config.seed * 1000 + race.epoch + 7));
  const opts = {
    loss: 'cross-entropy' as const,
    learningRate: config.learningRate,
    regularization: 'none' as const,
    regularizationRate: 0,
    dropout: 0,
  };
  for (const lane of race.lanes) {
    for (let start = 0; start < n; start += config.batchSize) {
      const count = Math.min(config.batchSize, n - start);
      trainStep(lane.net, lane.optimizer, lane.ws, inputs, targets, start, count, opts, order);
    }
    record(lane, inputs, targets, n);
  }
  race.epoch++;
  return race;
}

/** Runs `epochs` epochs. */
export function runRace(race: Race, epochs: number): Race {
  for (let e = 0; e < epochs; e++) raceEpoch(race);
  return race;
}

/** The first epoch at which the lane's accuracy reached `target`, or null if it never did. */
export function epochsToReach(lane: RaceLane, target: number): number | null {
  const i = lane.accuracies.findIndex((a) => a >= target);
  return i < 0 ? null : i;
}

/**
 * A cols × cols grid of the lane's class-1 probability over [−1, 1]² (row 0 at the top), for the
 * heatmap.
 */
export function laneGrid(lane: RaceLane, cols = 24): Float64Array {
  const out = new Float64Array(cols * cols);
  for (let j = 0; j < cols; j++) {
    const y = 1 - ((j + 0.5) * 2) / cols;
    for (let i = 0; i < cols; i++) {
      const x = -1 + ((i + 0.5) * 2) / cols;
      out[j * cols + i] = predict(lane.net, [x, y])[0]!;
    }
  }
  return out;
}
