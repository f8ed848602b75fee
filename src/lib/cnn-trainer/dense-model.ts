// Pure: no DOM. The dense network the lesson compares the CNN with: 784 pixels → one hidden ReLU
// layer → 10-way softmax, trained with Adam on the course's Float32Array engine (src/lib/ml/dense).
// Its hidden width is chosen so its parameter count is close to the CNN's.
import {
  createNet,
  createOptimizer,
  createWorkspace,
  parameterCount,
  parameters,
  predictInto,
  trainStep,
  unitOutputs,
  type DenseNet,
  type OptimizerState,
  type Workspace,
} from '../ml/dense/index.ts';
import { createRng } from '../ml/rng.ts';
import type { DigitModel, KernelImages, LayerMaps } from './model.ts';

const PIXELS = 784;
const CLASSES = 10;

/** Parameters of a 784 → hidden → 10 network. */
export function denseParamCount(hidden: number): number {
  return PIXELS * hidden + hidden + hidden * CLASSES + CLASSES;
}

/** The hidden width whose parameter count is closest to `params` (at least 1). */
export function hiddenForParams(params: number): number {
  const h = Math.max(1, Math.round((params - CLASSES) / (PIXELS + 1 + CLASSES)));
  return h;
}

export function createDenseModel(hidden: number, seed: number): DigitModel {
  const rng = createRng(seed ^ 0x1b873593);
  let net: DenseNet = createNet(
    { sizes: [PIXELS, hidden, CLASSES], activation: 'relu', output: 'softmax' },
    () => rng.next(),
  );
  let opt: OptimizerState;
  let ws: Workspace;
  let targets = new Float32Array(0);
  const resetOptimizer = () => {
    opt = createOptimizer('adam', parameters(net));
    ws = createWorkspace(net);
  };
  resetOptimizer();
  const scratch: [Float32Array, Float32Array] = [
    new Float32Array(Math.max(hidden, CLASSES)),
    new Float32Array(Math.max(hidden, CLASSES)),
  ];

  return {
    kind: 'dense',
    paramCount: parameterCount(net),
    backend: 'typed arrays',
    trainBatch(images, labels, count, learningRate) {
      if (targets.length < count) targets = new Float32Array(count);
      for (let i = 0; i < count; i++) targets[i] = labels[i]!;
      return trainStep(net, opt, ws, images, targets, 0, count, {
        loss: 'cross-entropy',
        learningRate,
        regularization: 'none',
        regularizationRate: 0,
        dropout: 0,
      });
    },
    predict(images, count) {
      const out = new Float32Array(count * CLASSES);
      const y = new Float32Array(CLASSES);
      for (let i = 0; i < count; i++) {
        predictInto(net, images.subarray(i * PIXELS, (i + 1) * PIXELS), y, scratch);
        out.set(y, i * CLASSES);
      }
      return out;
    },
    activations(image): LayerMaps[] {
      const units = unitOutputs(net, image, 1);
      const flat = (l: number) => Float32Array.from(units[l]!, (u) => u[0]!);
      return [
        {
          name: 'input',
          label: 'input, 28×28',
          channels: 1,
          height: 28,
          width: 28,
          values: image.slice(),
        },
        {
          name: 'hidden',
          label: `${hidden} hidden units after ReLU`,
          channels: 1,
          height: 1,
          width: hidden,
          values: flat(0),
        },
        {
          name: 'output',
          label: '10 class probabilities',
          channels: 1,
          height: 1,
          width: CLASSES,
          values: flat(1),
        },
      ];
    },
    kernels(): KernelImages {
      // Row j of the first weight matrix holds hidden unit j's weight for every pixel: a 28×28
      // template the unit compares the whole image with.
      return { count: hidden, height: 28, width: 28, values: net.weights[0]!.slice() };
    },
    getWeights() {
      return {
        w1: net.weights[0]!.slice(),
        b1: net.biases[0]!.slice(),
        w2: net.weights[1]!.slice(),
        b2: net.biases[1]!.slice(),
      };
    },
    setWeights(w) {
      const pick = (name: string, like: Float32Array) => {
        const v = w[name];
        if (!v || v.length !== like.length) throw new RangeError(`dense weights: bad "${name}"`);
        return v.slice();
      };
      net = {
        ...net,
        weights: [pick('w1', net.weights[0]!), pick('w2', net.weights[1]!)],
        biases: [pick('b1', net.biases[0]!), pick('b2', net.biases[1]!)],
      };
      resetOptimizer();
    },
    dispose() {
      /* nothing held outside the arrays */
    },
  };
}
