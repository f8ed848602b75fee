// Pure: no DOM. Training the recurrent model: one step = forward, BPTT, global-norm clipping,
// an optimizer update (the dense engine's tfjs-compatible Adam/SGD/…). Used by workers, the
// training script and tests.
import {
  applyGradients,
  createOptimizer,
  type OptimizerName,
  type OptimizerState,
} from '../dense/optimizers.ts';
import { createRng } from '../rng.ts';
import { backward, clipGlobalNorm, type Gradients } from './backward.ts';
import { forward, type ForwardCache, type ForwardOptions, type SequenceBatch } from './forward.ts';
import { createModel, weightList, type RecurrentModel, type RecurrentSpec } from './spec.ts';

export interface TrainerOptions {
  spec: RecurrentSpec;
  /** Seed of the initial weights (ignored when `model` is given). */
  seed: number;
  /** Start from these weights instead (used as is, not copied). */
  model?: RecurrentModel;
  learningRate: number;
  /** Default 'adam'. */
  optimizer?: OptimizerName;
  /** Global gradient-norm limit; 0 or absent: no clipping. */
  clipNorm?: number;
}

export interface StepResult {
  /** Mean cross-entropy of the batch before the update. */
  loss: number;
  /** Fraction of counted steps whose argmax was the target. */
  accuracy: number;
  /** Global gradient norm before clipping. */
  gradNorm: number;
}

export interface RecurrentTrainer {
  readonly model: RecurrentModel;
  readonly optimizer: OptimizerState;
  learningRate: number;
  clipNorm: number;
  /** Forward, backward, clip, update. `options` may carry an initial state (truncated BPTT). */
  step(batch: SequenceBatch, options?: Omit<ForwardOptions, 'cache'>): StepResult;
  /** The last step's cache and gradients (hidden-gradient norms, final state). */
  readonly last: { cache?: ForwardCache; gradients?: Gradients };
}

export function createTrainer(options: TrainerOptions): RecurrentTrainer {
  const model = options.model ?? createModel(options.spec, createRng(options.seed));
  const params = weightList(model.weights);
  const optimizer = createOptimizer(options.optimizer ?? 'adam', params);
  const last: RecurrentTrainer['last'] = {};
  const trainer: RecurrentTrainer = {
    model,
    optimizer,
    learningRate: options.learningRate,
    clipNorm: options.clipNorm ?? 0,
    last,
    step(batch, opts = {}) {
      const cache = forward(model, batch, {
        ...opts,
        ...(last.cache ? { cache: last.cache } : {}),
      });
      const gradients = backward(model, batch, cache, last.gradients);
      last.cache = cache;
      last.gradients = gradients;
      const gradNorm = clipGlobalNorm(gradients.grads, trainer.clipNorm);
      applyGradients(optimizer, params, weightList(gradients.grads), trainer.learningRate);
      return {
        loss: cache.loss,
        accuracy: cache.counted > 0 ? cache.correct / cache.counted : 0,
        gradNorm,
      };
    },
  };
  return trainer;
}

/** Mean loss and accuracy of a model on a batch, without gradients. */
export function evaluate(
  model: RecurrentModel,
  batch: SequenceBatch,
): { loss: number; accuracy: number } {
  const c = forward(model, batch);
  return { loss: c.loss, accuracy: c.counted > 0 ? c.correct / c.counted : 0 };
}
