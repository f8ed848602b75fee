// Pure: no DOM. A playground training run: the data, the network, the optimizer and the loss
// history for one setup. The worker, the main-thread fallback and tests all drive this object;
// given the same setup (seed included) and the same number of steps it gives the same numbers.
import {
  createNet,
  createOptimizer,
  createWorkspace,
  decayedLearningRate,
  meanLoss,
  parameters,
  trainStep,
  type DenseNet,
  type DenseNetSpec,
  type OptimizerState,
  type StepOptions,
  type Workspace,
} from '../ml/dense/index.ts';
import type { RegularizationName } from '../ml/dense/regularization.ts';
import { createRng, permutation, type Rng } from '../ml/rng.ts';
import {
  datasets,
  generatePoints,
  splitPoints,
  type DatasetInfo,
  type LabelledPoint,
} from './datasets.ts';
import { featureMatrix } from './features.ts';
import type { PlaygroundState } from './state.ts';

/** Independent random streams derived from the one seed, so changing one use leaves the others. */
export const streams = { data: 0, weights: 1, shuffle: 2, dropout: 3, split: 4 } as const;

/** A 32-bit seed for stream `k` of `seed` (a murmur3-style mix). */
export function streamSeed(seed: number, k: number): number {
  let h = (seed ^ Math.imul(k + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** The points of a setup split into training and test sets, and their network inputs. */
export interface PlaygroundData {
  readonly info: DatasetInfo;
  readonly train: LabelledPoint[];
  readonly test: LabelledPoint[];
  readonly trainInputs: Float32Array;
  readonly trainTargets: Float32Array;
  readonly testInputs: Float32Array;
  readonly testTargets: Float32Array;
}

/** Interleaved input coordinates of points (1-D data reads x only: its y is the target). */
export function inputCoords(points: readonly LabelledPoint[], oneD: boolean): Float32Array {
  const out = new Float32Array(points.length * 2);
  points.forEach((p, i) => {
    out[2 * i] = p.x;
    out[2 * i + 1] = oneD ? 0 : p.y;
  });
  return out;
}

export function buildData(s: Readonly<PlaygroundState>): PlaygroundData {
  const info = datasets[s.dataset];
  const points = generatePoints(s.dataset, streamSeed(s.seed, streams.data), s.noise, s.points);
  const { train, test } = splitPoints(points, s.trainPercent, streamSeed(s.seed, streams.split));
  const pack = (ps: LabelledPoint[]) => ({
    inputs: featureMatrix(inputCoords(ps, info.oneD), s.features),
    targets: Float32Array.from(ps, (p) => p.label),
  });
  const a = pack(train);
  const b = pack(test);
  return {
    info,
    train,
    test,
    trainInputs: a.inputs,
    trainTargets: a.targets,
    testInputs: b.inputs,
    testTargets: b.targets,
  };
}

/** The network shape for a setup: features → hidden layers → 1 or 3 outputs. */
export function netSpec(s: Readonly<PlaygroundState>): DenseNetSpec {
  const info = datasets[s.dataset];
  return {
    sizes: [s.features.length, ...s.hidden, info.outputs],
    activation: s.activation,
    output: info.task === 'regression' ? 'linear' : info.task === 'binary' ? 'sigmoid' : 'softmax',
  };
}

/** One point of the loss curves. */
export interface LossPoint {
  step: number;
  epoch: number;
  train: number;
  test: number;
}

/** Why training stopped by itself. */
export interface Divergence {
  step: number;
  /** "nan": the loss or a weight became NaN/±∞; "exploded": it grew past EXPLODED. */
  kind: 'nan' | 'exploded';
  /** What ran away: the batch loss, or a weight (the loss can still look small then). */
  cause: 'loss' | 'weights';
  /** The last recorded losses before it happened (finite), for the readouts and the notice. */
  last: LossPoint | null;
  loss: number;
  learningRate: number;
}

/** A batch loss or weight beyond this counts as diverged. */
export const EXPLODED = 1e6;
/** The loss history keeps at most this many points; older ones are thinned to every other. */
export const HISTORY_MAX = 400;

/** Settings that may change during a run without restarting it. */
export interface LiveSettings {
  learningRate: number;
  regularization: RegularizationName;
  regularizationRate: number;
}

export interface Trainer {
  readonly state: Readonly<PlaygroundState>;
  readonly data: PlaygroundData;
  readonly net: DenseNet;
  /** Optimizer steps taken. */
  readonly step: number;
  /** Full passes over the training set completed. */
  readonly epoch: number;
  /** Training examples processed. */
  readonly examples: number;
  /** Loss curves, recorded at fixed step counts (so a run is reproducible point for point). */
  readonly history: readonly LossPoint[];
  /** Steps between history points (doubles when the history is thinned). */
  readonly recordEvery: number;
  readonly diverged: Divergence | null;
  /** The learning rate the next step uses (after decay). */
  currentLearningRate(): number;
  /** Runs up to n steps; stops early on divergence. Returns the steps taken. */
  runSteps(n: number): number;
  /** Runs one full epoch (the rest of the current one). Returns the steps taken. */
  runEpoch(): number;
  /** Changes the learning rate or regularization from the next step on. */
  setLive(settings: Partial<LiveSettings>): void;
  /** Current mean losses on the training and test sets (no dropout, no penalty). */
  losses(): { train: number; test: number };
  /** The recorded point with the lowest test loss so far (early stopping), or null. */
  readonly best: LossPoint | null;
  /**
   * Early stopping after the fact: puts the weights back to those of `best` (kept aside whenever
   * the test loss reached a new low) and records the restored losses. False if there is none.
   */
  restoreBest(): boolean;
}

/** Starts a run for a valid setup (normalize it first: see normalizeState). */
export function createTrainer(state: Readonly<PlaygroundState>): Trainer {
  const s = { ...state, hidden: [...state.hidden], features: [...state.features] };
  const data = buildData(s);
  const weightRng = createRng(streamSeed(s.seed, streams.weights));
  const net = createNet(netSpec(s), () => weightRng.next());
  const params = parameters(net);
  const optimizer: OptimizerState = createOptimizer(s.optimizer, params);
  const ws: Workspace = createWorkspace(net);
  const shuffleRng: Rng = createRng(streamSeed(s.seed, streams.shuffle));
  const dropoutRng = createRng(streamSeed(s.seed, streams.dropout));
  const dropoutRandom = () => dropoutRng.next();
  const nTrain = data.train.length;
  const live: LiveSettings = {
    learningRate: s.learningRate,
    regularization: s.regularization,
    regularizationRate: s.regularizationRate,
  };
  let order = permutation(nTrain, shuffleRng);
  let cursor = 0;
  let step = 0;
  let epoch = 0;
  let examples = 0;
  let diverged: Divergence | null = null;
  const history: LossPoint[] = [];
  let recordEvery = Math.max(1, Math.ceil(nTrain / Math.max(1, s.batchSize)));
  let best: { point: LossPoint; weights: Float32Array[]; biases: Float32Array[] } | null = null;

  const losses = () => ({
    train: meanLoss(net, data.trainInputs, data.trainTargets, nTrain, s.loss),
    test: meanLoss(net, data.testInputs, data.testTargets, data.test.length, s.loss),
  });
  const record = () => {
    const l = losses();
    const point = { step, epoch, train: l.train, test: l.test };
    history.push(point);
    if (Number.isFinite(l.test) && (!best || l.test < best.point.test))
      best = {
        point,
        weights: net.weights.map((w) => w.slice()),
        biases: net.biases.map((b) => b.slice()),
      };
    if (history.length > HISTORY_MAX) {
      // Keep the points at multiples of the doubled interval: the same points every run.
      recordEvery *= 2;
      const kept = history.filter((p) => p.step % recordEvery === 0);
      history.length = 0;
      history.push(...kept);
    }
  };
  const currentLearningRate = () => decayedLearningRate(live.learningRate, s.decay, epoch);
  const weightsBlewUp = () => {
    for (const p of params) {
      for (let k = 0; k < p.length; k++) {
        const v = p[k]!;
        if (!(Math.abs(v) < EXPLODED)) return true; // also catches NaN
      }
    }
    return false;
  };

  // One options object, updated in place: no allocation per step.
  const options: StepOptions = {
    loss: s.loss,
    learningRate: s.learningRate,
    regularization: s.regularization,
    regularizationRate: s.regularizationRate,
    dropout: s.dropout,
    random: dropoutRandom,
  };
  const stepOptions = (lr: number): StepOptions => {
    options.learningRate = lr;
    options.regularization = live.regularization;
    options.regularizationRate = live.regularizationRate;
    return options;
  };

  const runSteps = (n: number): number => {
    if (nTrain === 0 || diverged) return 0;
    let taken = 0;
    while (taken < n) {
      const count = Math.min(s.batchSize, nTrain - cursor);
      const lr = currentLearningRate();
      const loss = trainStep(
        net,
        optimizer,
        ws,
        data.trainInputs,
        data.trainTargets,
        cursor,
        count,
        stepOptions(lr),
        order,
      );
      step++;
      taken++;
      examples += count;
      cursor += count;
      if (cursor >= nTrain) {
        cursor = 0;
        epoch++;
        order = permutation(nTrain, shuffleRng);
      }
      if (!Number.isFinite(loss) || loss > EXPLODED) {
        diverged = {
          step,
          kind: Number.isFinite(loss) ? 'exploded' : 'nan',
          cause: 'loss',
          last: history[history.length - 1] ?? null,
          loss,
          learningRate: lr,
        };
        return taken;
      }
      if (step % recordEvery === 0) {
        if (weightsBlewUp()) {
          diverged = {
            step,
            kind: 'exploded',
            cause: 'weights',
            last: history[history.length - 1] ?? null,
            loss,
            learningRate: lr,
          };
          return taken;
        }
        record();
      }
    }
    return taken;
  };

  if (nTrain > 0) record();

  return {
    state: s,
    data,
    net,
    get step() {
      return step;
    },
    get epoch() {
      return epoch;
    },
    get examples() {
      return examples;
    },
    get history() {
      return history;
    },
    get recordEvery() {
      return recordEvery;
    },
    get diverged() {
      return diverged;
    },
    get best() {
      return best?.point ?? null;
    },
    restoreBest() {
      if (!best) return false;
      net.weights.forEach((w, l) => w.set(best!.weights[l]!));
      net.biases.forEach((b, l) => b.set(best!.biases[l]!));
      const l = losses();
      const point = { step, epoch, train: l.train, test: l.test };
      if (history[history.length - 1]?.step === step) history[history.length - 1] = point;
      else history.push(point);
      return true;
    },
    currentLearningRate,
    runSteps,
    runEpoch() {
      const startEpoch = epoch;
      let taken = 0;
      while (epoch === startEpoch && !diverged && nTrain > 0) taken += runSteps(1);
      return taken;
    },
    setLive(settings) {
      Object.assign(live, settings);
    },
    losses,
  };
}
