// Trains the shipped digits GAN (src/lib/gan/digits) in Node on tfjs's wasm backend from a fixed
// seed and writes the generator to public/models/gan-digits/ (model.json + weights.bin). With
// --seconds it trains for that long and reports coverage and confidence (the classifier of
// chapter 2 on 256 samples from fixed noise) every --every seconds of training.
//
//   node scripts/train/gan-digits.mjs [--iterations 3000] [--seed 1] [--seconds S --every 10] [--no-write]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildDigitsSet } from '../data/digits.mjs';
import { decodeModel } from '../../src/lib/ml/cnn/model-file.ts';
import { createRng } from '../../src/lib/ml/rng.ts';
import { DIGITS_GAN_SPEC, DIGITS_GAN_TRAINING, noiseVectors } from '../../src/lib/gan/digits/model.ts';
import { judgeDigits, QUALITY_SAMPLES } from '../../src/lib/gan/digits/quality.ts';
import { createDigitsSession } from '../../src/lib/gan/digits/session.ts';
import { enlargeImages, shrinkDigits } from '../../src/lib/gan/digits/image.ts';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const { values: args } = parseArgs({
  options: {
    iterations: { type: 'string', default: '3000' },
    seconds: { type: 'string' },
    every: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    backend: { type: 'string', default: 'wasm' },
    lr: { type: 'string' },
    lrg: { type: 'string' },
    h: { type: 'string' },
    nz: { type: 'string' },
    rl: { type: 'string' },
    b: { type: 'string' },
    ema: { type: 'string', default: '0.999' },
    'every-its': { type: 'string' },
    trunc: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    out: { type: 'string', default: join(root, 'public/models/gan-digits') },
  },
});

const spec = {
  ...DIGITS_GAN_SPEC,
  ...(args.h ? { genHidden: Number(args.h), discHidden: Number(args.h) } : {}),
  ...(args.nz ? { noiseDim: Number(args.nz) } : {}),
};
const training = {
  ...DIGITS_GAN_TRAINING,
  ...(args.lr ? { lrD: Number(args.lr), lrG: Number(args.lr) } : {}),
  ...(args.lrg ? { lrG: Number(args.lrg) } : {}),
  ...(args.rl ? { realLabel: Number(args.rl) } : {}),
  ...(args.b ? { batchSize: Number(args.b) } : {}),
};
const meta = JSON.parse(readFileSync(join(root, 'public/models/digits-cnn/model.json'), 'utf8'));
const bin = readFileSync(join(root, 'public/models/digits-cnn/weights.bin'));
const classifier = decodeModel(meta, bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength));
const { train } = buildDigitsSet();
const session = createDigitsSession({
  seed: Number(args.seed),
  images: shrinkDigits(train.images, train.count),
  count: train.count,
  spec,
  training,
  emaDecay: Number(args.ema),
});
const fixed = noiseVectors(createRng(7), QUALITY_SAMPLES, spec.noiseDim);
const judge = (raw = false) =>
  judgeDigits(enlargeImages(session.generate(fixed, QUALITY_SAMPLES, raw), QUALITY_SAMPLES), QUALITY_SAMPLES, classifier);
console.log(JSON.stringify(spec), JSON.stringify(training));
let seconds = 0;
let next = Number(args.every);
const limitS = args.seconds ? Number(args.seconds) : Infinity;
const limitI = args.seconds ? Infinity : Number(args.iterations);
while (seconds < limitS && session.iteration < limitI) {
  const t0 = performance.now();
  session.run(10);
  seconds += (performance.now() - t0) / 1000;
  const itEvery = args['every-its'] ? Number(args['every-its']) : 0;
  if (itEvery ? session.iteration % itEvery === 0 : seconds >= next || session.iteration >= limitI) {
    next += Number(args.every);
    const q = judge();
    const r = judge(true);
    let tr = '';
    if (args.trunc) {
      const z = fixed.map((v) => v * Number(args.trunc));
      const qt = judgeDigits(enlargeImages(session.generate(z, QUALITY_SAMPLES), QUALITY_SAMPLES), QUALITY_SAMPLES, classifier);
      tr = ` | trunc ${qt.coverage} ${qt.confidence.toFixed(3)}`;
    }
    console.log(
      `t ${seconds.toFixed(1)} s it ${session.iteration} (${(session.iteration / seconds).toFixed(0)} it/s) D ${session.last.dLoss.toFixed(3)} G ${session.last.gLoss.toFixed(3)} D(x) ${session.last.dReal.toFixed(2)} D(G(z)) ${session.last.dFake.toFixed(2)} coverage ${q.coverage} confidence ${q.confidence.toFixed(3)} counts ${q.counts.join(',')} | raw ${r.coverage} ${r.confidence.toFixed(3)}${tr}`,
    );
  }
}
