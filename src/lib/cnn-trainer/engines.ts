// Pure apart from `fetch`: no DOM. Which engine trains which network in the CNN trainer, and the
// facts about both networks that the widget's static HTML and the lesson's table print.
import { digitsCnnSpec, digitsDenseSpec, layerShapes, parameterCounts } from '../ml/cnn/spec.ts';
import type { DigitModel, ModelKind } from './model.ts';
import { createSpecModel, totalParams } from './spec-model.ts';

export const specs = { cnn: digitsCnnSpec, dense: digitsDenseSpec } as const;

export function createDigitModel(kind: ModelKind, seed: number): Promise<DigitModel> {
  return Promise.resolve(createSpecModel(kind, specs[kind], seed));
}

/** The shipped trained CNN's weights. */
export async function loadTrainedWeights(url: string): Promise<Record<string, Float32Array>> {
  const { loadTrainedCnn } = await import('../ml/cnn/model-file.ts');
  return (await loadTrainedCnn(url)).weights;
}

export interface ArchitectureFacts {
  params: Record<ModelKind, number>;
  /** First convolution's kernel side. */
  kernel: number;
  /** Per layer of the CNN: name, output shape and parameters. */
  layers: { name: string; kind: string; out: [number, number, number]; params: number }[];
}

export function architectureFacts(): ArchitectureFacts {
  const counts = parameterCounts(digitsCnnSpec);
  const first = digitsCnnSpec.layers[0];
  return {
    params: { cnn: totalParams(digitsCnnSpec), dense: totalParams(digitsDenseSpec) },
    kernel: first?.kind === 'conv' ? first.kernel : 0,
    layers: layerShapes(digitsCnnSpec).map((l, i) => ({
      name: l.layer.name,
      kind: l.layer.kind,
      out: l.outShape,
      params: counts[i]!.count,
    })),
  };
}
