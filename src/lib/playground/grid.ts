// Pure: no DOM. Everything the playground draws as a picture over the plane: the output heatmap
// and one small map per input feature and hidden neuron, all from one forward pass over a grid.
import { unitOutputs, type DenseNet } from '../ml/dense/network.ts';
import { featureMatrix, gridCoords, type FeatureId } from './features.ts';

/** Heatmap resolution: cells per side. */
export const GRID_SIZE = 50;

export interface GridEvaluator {
  readonly size: number;
  /** Each feature's value at every grid cell (row-major from the top). */
  readonly featureMaps: Float32Array[];
  /**
   * Every unit's output at every cell for the given network: units[l][j] for layer l+1
   * (the last entry is the output layer). Reuses its arrays between calls.
   */
  evaluate(net: DenseNet): Float32Array[][];
}

/**
 * An evaluator for a feature set. For 1-D data (`oneD`) every row uses x₂ = 0, so a column holds
 * the network's output for that x₁.
 */
export function createGridEvaluator(
  features: readonly FeatureId[],
  oneD: boolean,
  size = GRID_SIZE,
): GridEvaluator {
  const coords = gridCoords(size);
  if (oneD) for (let p = 1; p < coords.length; p += 2) coords[p] = 0;
  const n = size * size;
  const inputs = featureMatrix(coords, features);
  const featureMaps = features.map((_, j) => {
    const m = new Float32Array(n);
    for (let p = 0; p < n; p++) m[p] = inputs[p * features.length + j]!;
    return m;
  });
  let units: Float32Array[][] | undefined;
  let shape = '';
  return {
    size,
    featureMaps,
    evaluate(net) {
      const key = net.sizes.join('-');
      if (key !== shape) {
        units = undefined;
        shape = key;
      }
      units = unitOutputs(net, inputs, n, units);
      return units;
    },
  };
}
