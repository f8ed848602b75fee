// Pure: no DOM. The digits GAN: a generator G (noise z → hidden ReLU layer → 196 sigmoid pixels)
// and a discriminator D (196 pixels → hidden leaky-ReLU layer → one logit, D(x) = σ(logit)), on
// the typed-array layers of ./layers.ts. A discriminator step writes only D's weights and a
// generator step only G's (tests check both); each network has its own Adam.
import { softplus, sigmoid } from '../gan.ts';
import type { Rng } from '../../ml/rng.ts';
import { blur3 } from './image.ts';
import { inputDim, inputVectors, labelsOf } from './inputs.ts';
import {
  adamStep,
  addOneHotGrads,
  addOneHotRows,
  createAdam,
  createDense,
  denseBackward,
  denseForward,
  leakyBackward,
  leakyForward,
  type Adam,
  type Dense,
} from './layers.ts';

export interface DigitsGanSpec {
  /** Size of the noise vector z. */
  noiseDim: number;
  /** Hidden units of G and of D. */
  genHidden: number;
  discHidden: number;
  /** Pixels per image (14·14, see ./image.ts). */
  pixels: number;
  /** Negative slope of D's hidden leaky ReLU (G's hidden layer is a plain ReLU). */
  slope: number;
  /**
   * Side of the square images when G's output logits pass through a fixed 3×3 blur
   * ([1 2 1]ᵀ[1 2 1]/16, zero padding) before the sigmoid; 0 for no blur. The blur is part of the
   * generator (a fixed layer with no weights): it keeps strokes in one piece.
   */
  blurSide: number;
  /**
   * Digit classes G and D are conditioned on (a conditional GAN, Mirza & Osindero 2014), 0 for
   * none. G's input is z followed by the one-hot label; D's first layer sees the image followed by
   * the one-hot label (stored as the last `classes` rows of D1.W, added without a multiply).
   */
  classes: number;
}

export interface DigitsGanTraining {
  batchSize: number;
  lrD: number;
  lrG: number;
  beta1: number;
  /** Target for real images in D's loss (one-sided label smoothing; 1 = none). */
  realLabel: number;
}

export const DIGITS_GAN_SPEC: DigitsGanSpec = {
  noiseDim: 32,
  genHidden: 128,
  discHidden: 128,
  pixels: 196,
  slope: 0.2,
  blurSide: 14,
  classes: 10,
};

/** The model a run trains: the conditional default, or the same networks without labels. */
export function runSpec(conditional: boolean): DigitsGanSpec {
  return conditional ? DIGITS_GAN_SPEC : { ...DIGITS_GAN_SPEC, classes: 0 };
}

export const DIGITS_GAN_TRAINING: DigitsGanTraining = {
  batchSize: 64,
  lrD: 2e-3,
  lrG: 2e-3,
  beta1: 0.5,
  realLabel: 1,
};

/** Scratch for batches of up to `capacity` images. */
interface Work {
  capacity: number;
  z: Float32Array; // G inputs: noise then one-hot label, row after row
  y: Uint8Array; // labels of the images D is looking at (conditional only)
  gh: Float32Array; // G hidden pre-activation
  ga: Float32Array; // G hidden output
  go: Float32Array; // G output logits
  gb: Float32Array; // blurred logits (or go itself without blur)
  img: Float32Array; // pixels (G output after sigmoid, or real)
  dh: Float32Array;
  da: Float32Array;
  dl: Float32Array; // D logits
  dDl: Float32Array;
  dDa: Float32Array;
  dDh: Float32Array;
  dImg: Float32Array;
  dGa: Float32Array;
  dGh: Float32Array;
}

export interface DigitsGan {
  readonly spec: DigitsGanSpec;
  readonly G1: Dense;
  readonly G2: Dense;
  readonly D1: Dense;
  readonly D2: Dense;
  /** D1 restricted to its pixel rows (the label rows are added by hand), and its gradient view. */
  readonly D1px: Dense;
  readonly gradD1px: Float32Array;
  optG: Adam;
  optD: Adam;
  /** Gradient buffers in params order. */
  readonly gradG: Float32Array[];
  readonly gradD: Float32Array[];
  readonly work: Work;
}

export function paramsG(gan: DigitsGan): Float32Array[] {
  return [gan.G1.W, gan.G1.b, gan.G2.W, gan.G2.b];
}
export function paramsD(gan: DigitsGan): Float32Array[] {
  return [gan.D1.W, gan.D1.b, gan.D2.W, gan.D2.b];
}

function createWork(spec: DigitsGanSpec, capacity: number): Work {
  const f = (k: number) => new Float32Array(k * capacity);
  return {
    capacity,
    z: f(inputDim(spec)),
    y: new Uint8Array(capacity),
    gh: f(spec.genHidden),
    ga: f(spec.genHidden),
    go: f(spec.pixels),
    gb: f(spec.pixels),
    img: f(spec.pixels),
    dh: f(spec.discHidden),
    da: f(spec.discHidden),
    dl: f(1),
    dDl: f(1),
    dDa: f(spec.discHidden),
    dDh: f(spec.discHidden),
    dImg: f(spec.pixels),
    dGa: f(spec.genHidden),
    dGh: f(spec.genHidden),
  };
}

/** New networks (G first, then D, Glorot-uniform from `rng`) with fresh Adam state. */
export function createDigitsGan(
  spec: DigitsGanSpec,
  training: Pick<DigitsGanTraining, 'lrD' | 'lrG' | 'beta1'>,
  rng: Rng,
  capacity = 64,
): DigitsGan {
  const r = () => rng.next();
  const G1 = createDense(inputDim(spec), spec.genHidden, r);
  const G2 = createDense(spec.genHidden, spec.pixels, r);
  const D1 = createDense(spec.pixels + spec.classes, spec.discHidden, r);
  const D2 = createDense(spec.discHidden, 1, r);
  const gan = { spec, G1, G2, D1, D2 } as Omit<
    DigitsGan,
    'optG' | 'optD' | 'gradG' | 'gradD' | 'work'
  >;
  const pG = [G1.W, G1.b, G2.W, G2.b];
  const pD = [D1.W, D1.b, D2.W, D2.b];
  const gradD = pD.map((p) => new Float32Array(p.length));
  const pxLen = spec.pixels * spec.discHidden;
  return {
    ...gan,
    D1px: { nIn: spec.pixels, nOut: spec.discHidden, W: D1.W.subarray(0, pxLen), b: D1.b },
    gradD1px: gradD[0]!.subarray(0, pxLen),
    optG: createAdam(pG, training.lrG, training.beta1),
    optD: createAdam(pD, training.lrD, training.beta1),
    gradG: pG.map((p) => new Float32Array(p.length)),
    gradD,
    work: createWork(spec, capacity),
  };
}

/** Fills w.z with n input rows from rng (inputVectors' draws, in the same order). */
function sampleNoise(gan: DigitsGan, rng: Rng, n: number): void {
  inputVectors(rng, n, gan.spec, gan.work.z);
}

/** G forward for the n noise rows in work.z; pixels land in work.img. */
function forwardG(gan: DigitsGan, n: number): void {
  const w = gan.work;
  denseForward(gan.G1, w.z, w.gh, n);
  leakyForward(w.gh, w.ga, n * gan.spec.genHidden, 0);
  denseForward(gan.G2, w.ga, w.go, n);
  const len = n * gan.spec.pixels;
  const side = gan.spec.blurSide;
  if (side) blur3(w.go, w.gb, n, side);
  const src = side ? w.gb : w.go;
  for (let k = 0; k < len; k++) w.img[k] = sigmoid(src[k]!);
}

/** D forward for the n images in work.img (labels in work.y); logits land in work.dl. */
function forwardD(gan: DigitsGan, n: number): void {
  const w = gan.work;
  const { pixels: P, discHidden: H, classes: C } = gan.spec;
  denseForward(gan.D1px, w.img, w.dh, n);
  if (C) addOneHotRows(gan.D1.W, P, w.y, w.dh, n, H);
  leakyForward(w.dh, w.da, n * gan.spec.discHidden, gan.spec.slope);
  denseForward(gan.D2, w.da, w.dl, n);
}

/** D backward from work.dDl; adds to gradD when `weights`, writes work.dImg when `input`. */
function backwardD(gan: DigitsGan, n: number, weights: boolean, input: boolean): void {
  const w = gan.work;
  const g = gan.gradD;
  denseBackward(gan.D2, w.da, w.dDl, n, weights ? g[2]! : null, weights ? g[3]! : null, w.dDa);
  leakyBackward(w.dh, w.dDa, w.dDh, n * gan.spec.discHidden, gan.spec.slope);
  denseBackward(
    gan.D1px,
    w.img,
    w.dDh,
    n,
    weights ? gan.gradD1px : null,
    weights ? g[1]! : null,
    input ? w.dImg : null,
  );
  const { pixels: P, discHidden: H, classes: C } = gan.spec;
  if (weights && C) addOneHotGrads(g[0]!, P, w.y, w.dDh, n, H);
}

/**
 * Generates images for `count` G input rows (row-major, inputDim each) into `out` (count × pixels,
 * values in 0–1). Touches no weight.
 */
export function generate(
  gan: DigitsGan,
  noise: Float32Array,
  count: number,
  out: Float32Array,
): void {
  const width = inputDim(gan.spec);
  const P = gan.spec.pixels;
  const cap = gan.work.capacity;
  for (let from = 0; from < count; from += cap) {
    const n = Math.min(cap, count - from);
    gan.work.z.set(noise.subarray(from * width, (from + n) * width));
    forwardG(gan, n);
    out.set(gan.work.img.subarray(0, n * P), from * P);
  }
}

export interface DStepResult {
  /** Mean D loss: −t·log D(x) − (1−t)·log(1−D(x)) on real plus −log(1−D(G(z))) on fake. */
  loss: number;
  /** Mean D(x) on the real batch and D(G(z)) on the fake batch. */
  dReal: number;
  dFake: number;
}

function zero(list: Float32Array[]): void {
  for (const g of list) g.fill(0);
}

/**
 * D's gradients of the mean loss (see DStepResult) on a real batch (n rows of pixels 0–1 in
 * `real`, their digit labels in `realClasses` when conditional) and n fakes from the input rows
 * already in work.z, into gradD. Touches no weight.
 */
export function discriminatorGradients(
  gan: DigitsGan,
  real: Float32Array,
  n: number,
  realLabel: number,
  realClasses?: Uint8Array,
): DStepResult {
  const w = gan.work;
  const P = gan.spec.pixels;
  zero(gan.gradD);
  // Fake half first (G's forward overwrites work.img).
  forwardG(gan, n);
  labelsOf(gan.work.z, n, gan.spec, gan.work.y);
  forwardD(gan, n);
  let loss = 0;
  let dFake = 0;
  for (let e = 0; e < n; e++) {
    const l = w.dl[e]!;
    loss += softplus(l);
    const s = sigmoid(l);
    dFake += s;
    w.dDl[e] = s / n;
  }
  backwardD(gan, n, true, false);
  w.img.set(real.subarray(0, n * P));
  if (gan.spec.classes) {
    if (!realClasses) throw new RangeError('discriminatorGradients: a conditional D needs labels');
    w.y.set(realClasses.subarray(0, n));
  }
  forwardD(gan, n);
  let dReal = 0;
  const t = realLabel;
  for (let e = 0; e < n; e++) {
    const l = w.dl[e]!;
    loss += t * softplus(-l) + (1 - t) * softplus(l);
    const s = sigmoid(l);
    dReal += s;
    w.dDl[e] = (s - t) / n;
  }
  backwardD(gan, n, true, false);
  return { loss: loss / n, dReal: dReal / n, dFake: dFake / n };
}

/**
 * One discriminator step: n fresh noise rows from rng (drawn first, row after row), gradients
 * (discriminatorGradients), then Adam on D only.
 */
export function discriminatorStep(
  gan: DigitsGan,
  real: Float32Array,
  n: number,
  rng: Rng,
  realLabel: number,
  realClasses?: Uint8Array,
): DStepResult {
  sampleNoise(gan, rng, n);
  const r = discriminatorGradients(gan, real, n, realLabel, realClasses);
  adamStep(gan.optD, paramsD(gan), gan.gradD);
  return r;
}

/**
 * G's gradients of the non-saturating loss mean −log D(G(z)) on the noise rows already in work.z,
 * into gradG (D's gradient buffers untouched); returns the loss. Touches no weight.
 */
export function generatorGradients(gan: DigitsGan, n: number): number {
  const w = gan.work;
  const P = gan.spec.pixels;
  zero(gan.gradG);
  forwardG(gan, n);
  labelsOf(gan.work.z, n, gan.spec, gan.work.y);
  forwardD(gan, n);
  let loss = 0;
  for (let e = 0; e < n; e++) {
    const l = w.dl[e]!;
    loss += softplus(-l);
    w.dDl[e] = (sigmoid(l) - 1) / n;
  }
  backwardD(gan, n, false, true);
  // Through the output sigmoid: dLogit = dPixel · p(1 − p).
  const len = n * P;
  const dGo = w.dImg;
  for (let k = 0; k < len; k++) {
    const p = w.img[k]!;
    dGo[k] = dGo[k]! * p * (1 - p);
  }
  // The blur's kernel is symmetric and its padding zero, so its transpose is itself.
  if (gan.spec.blurSide) {
    blur3(dGo, w.gb, n, gan.spec.blurSide);
    dGo.set(w.gb.subarray(0, len));
  }
  const g = gan.gradG;
  denseBackward(gan.G2, w.ga, dGo, n, g[2]!, g[3]!, w.dGa);
  leakyBackward(w.gh, w.dGa, w.dGh, n * gan.spec.genHidden, 0);
  denseBackward(gan.G1, w.z, w.dGh, n, g[0]!, g[1]!, null);
  return loss / n;
}

/** One generator step on n fresh noise vectors: gradients, then Adam on G only. */
export function generatorStep(gan: DigitsGan, n: number, rng: Rng): number {
  sampleNoise(gan, rng, n);
  const loss = generatorGradients(gan, n);
  adamStep(gan.optG, paramsG(gan), gan.gradG);
  return loss;
}

/** Sets the noise rows used by generatorGradients (tests compare with tf on fixed noise). */
export function setNoise(gan: DigitsGan, noise: Float32Array): void {
  gan.work.z.set(noise);
}

/**
 * Images from bare generator parameters (W1, b1, W2, b2 as in paramsG), without an optimizer:
 * what the page does with the weights a snapshot carries. count × pixels in 0–1.
 */
export function generateWith(
  spec: DigitsGanSpec,
  G: readonly Float32Array[],
  noise: Float32Array,
  count: number,
): Float32Array {
  const G1: Dense = { nIn: inputDim(spec), nOut: spec.genHidden, W: G[0]!, b: G[1]! };
  const G2: Dense = { nIn: spec.genHidden, nOut: spec.pixels, W: G[2]!, b: G[3]! };
  const h = new Float32Array(count * spec.genHidden);
  const out = new Float32Array(count * spec.pixels);
  denseForward(G1, noise, h, count);
  leakyForward(h, h, h.length, 0);
  denseForward(G2, h, out, count);
  if (spec.blurSide) {
    const raw = out.slice();
    blur3(raw, out, count, spec.blurSide);
  }
  for (let k = 0; k < out.length; k++) out[k] = sigmoid(out[k]!);
  return out;
}
