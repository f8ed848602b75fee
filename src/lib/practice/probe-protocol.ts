// Pure: no DOM. Messages between the digit-probe widget (saliency, occlusion, FGSM) and its
// worker. Images are 784 floats in 0–1 (28×28, row-major).

/** Which image to probe: the k-th test digit of a class (k from 0), or pixels the reader drew. */
export type ProbeSource =
  { kind: 'test'; digit: number; example: number } | { kind: 'image'; pixels: Float32Array };

export type ToProbeWorker =
  | { type: 'init' }
  | { type: 'probe'; id: number; source: ProbeSource; cls?: number }
  | { type: 'attack'; id: number; source: ProbeSource; eps: number; target?: number };

export interface ProbeReply {
  type: 'probe';
  id: number;
  image: Float32Array;
  /** the test digit's label (undefined for a drawing) */
  truth: number | undefined;
  probs: Float32Array;
  /** the class explained */
  cls: number;
  /** |∂ score/∂ pixel| scaled to [0, 1] */
  saliency: Float32Array;
  occlusion: { side: number; patch: number; stride: number; drops: Float32Array; base: number };
}

export interface AttackReply {
  type: 'attack';
  id: number;
  image: Float32Array;
  truth: number | undefined;
  /** the class the attack starts from: the model's prediction on the clean image */
  start: number;
  probs: Float32Array;
  adversarial: Float32Array;
  advProbs: Float32Array;
  /** adversarial − image, per pixel */
  perturbation: Float32Array;
  eps: number;
  target: number | undefined;
  /** smallest ε on a 0.005 grid up to 0.5 that flips (untargeted) or reaches the target */
  flipEps: number | undefined;
  flipLabel: number | undefined;
}

export type FromProbeWorker =
  | { type: 'ready'; backend: string; accuracy: number | undefined }
  | ProbeReply
  | AttackReply
  | { type: 'error'; message: string };
