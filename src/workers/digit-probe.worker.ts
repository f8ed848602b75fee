// Worker entry: the challenges lesson's digit probe. Loads the shipped digits CNN and the test
// digits once, then answers saliency/occlusion and FGSM requests, so no gradient or sweep of
// forward passes runs on the page's main thread.
import { loadDigits, DigitsDataError } from '../lib/data/digits.ts';
import type { DigitsSet } from '../lib/data/digits.ts';
import { loadTrainedCnn, type TrainedCnn } from '../lib/ml/cnn/model-file.ts';
import { buildTfModel, type TfCnn } from '../lib/ml/cnn/tf-model.ts';
import { predict } from '../lib/ml/cnn/predict.ts';
import { loadTf, type Tf } from '../lib/ml/tf.ts';
import {
  classScoreGradient,
  fgsm,
  lossGradient,
  normalisedMagnitude,
  occlusionMap,
  signOf,
  smallestFlip,
} from '../lib/practice/probe.ts';
import type {
  FromProbeWorker,
  ProbeSource,
  ToProbeWorker,
} from '../lib/practice/probe-protocol.ts';

let ready: Promise<{ tf: Tf; model: TfCnn; trained: TrainedCnn; digits: DigitsSet }> | undefined;
const post = (m: FromProbeWorker, transfer: Transferable[] = []): void =>
  postMessage(m, { transfer });

function init() {
  ready ??= (async () => {
    const [tf, trained, digits] = await Promise.all([
      // tfjs's cpu backend on purpose: a single 28×28 gradient takes milliseconds there, and the
      // gradient's sign (which FGSM uses) then matches the lesson's numbers, computed in Node on
      // the same backend; other backends round near-zero gradients differently.
      loadTf({ backend: 'cpu', order: ['cpu'] }),
      loadTrainedCnn(),
      loadDigits(),
    ]);
    const model = buildTfModel(tf, trained.spec, trained.weights, { trainable: false });
    post({ type: 'ready', backend: tf.getBackend(), accuracy: trained.meta.testAccuracy });
    return { tf, model, trained, digits };
  })();
  return ready;
}

/** The image and its true label for a source. */
function resolve(digits: DigitsSet, s: ProbeSource): { image: Float32Array; truth?: number } {
  if (s.kind === 'image') return { image: s.pixels };
  const { images, labels, count } = digits.test;
  let seen = 0;
  for (let i = 0; i < count; i++) {
    if (labels[i] !== s.digit) continue;
    if (seen++ === s.example) {
      const image = new Float32Array(784);
      for (let p = 0; p < 784; p++) image[p] = images[i * 784 + p]! / 255;
      return { image, truth: s.digit };
    }
  }
  throw new RangeError(`There is no test example ${s.example + 1} of the digit ${s.digit}.`);
}

async function handle(m: ToProbeWorker): Promise<void> {
  const { tf, model, trained, digits } = await init();
  if (m.type === 'init') return;
  const { image, truth } = resolve(digits, m.source);
  const p = predict(trained.weights, image, trained.spec);
  if (m.type === 'probe') {
    const cls = m.cls ?? p.label;
    const saliency = normalisedMagnitude(classScoreGradient(tf, model, image, cls));
    const occ = occlusionMap(trained.weights, image, cls, { spec: trained.spec });
    post(
      {
        type: 'probe',
        id: m.id,
        image,
        truth,
        probs: p.probabilities,
        cls,
        saliency,
        occlusion: occ,
      },
      [saliency.buffer, occ.drops.buffer],
    );
    return;
  }
  const targeted = m.target !== undefined;
  const sign = signOf(lossGradient(tf, model, image, targeted ? m.target! : p.label));
  const adversarial = fgsm(image, sign, m.eps, targeted);
  const perturbation = adversarial.map((v, i) => v - image[i]!);
  const flip = smallestFlip(trained.weights, image, sign, p.label, {
    ...(targeted ? { target: m.target! } : {}),
    step: 0.005,
    spec: trained.spec,
  });
  post({
    type: 'attack',
    id: m.id,
    image,
    truth,
    start: p.label,
    probs: p.probabilities,
    adversarial,
    advProbs: predict(trained.weights, adversarial, trained.spec).probabilities,
    perturbation,
    eps: m.eps,
    target: m.target,
    flipEps: flip.eps,
    flipLabel: flip.label,
  });
}

addEventListener('message', (e: MessageEvent<ToProbeWorker>) => {
  handle(e.data).catch((err: unknown) => {
    const message =
      err instanceof DigitsDataError || err instanceof Error ? err.message : String(err);
    post({ type: 'error', message });
  });
});
