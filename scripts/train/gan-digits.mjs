// Trains the shipped digits GAN (src/lib/gan/digits) in Node on tfjs's wasm backend from a fixed
// seed and writes the generator to public/models/gan-digits/ (model.json + weights.bin). With
// --seconds it trains for that long and reports coverage and confidence (the classifier of
// chapter 2 on 256 samples from fixed noise) every --every seconds of training.
//
//   node scripts/train/gan-digits.mjs [--iterations 12000] [--seed 1] [--seconds S --every 10] [--no-write]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildDigitsSet } from '../data/digits.mjs';
import { decodeModel } from '../../src/lib/ml/cnn/model-file.ts';
import { DIGITS_GAN_SPEC, DIGITS_GAN_TRAINING } from '../../src/lib/gan/digits/model.ts';
import { fixedInputs, fixedLabels } from '../../src/lib/gan/digits/fixed.ts';
import { judgeDigits, QUALITY_SAMPLES } from '../../src/lib/gan/digits/quality.ts';
import { createDigitsSession } from '../../src/lib/gan/digits/session.ts';
import { encodeGan } from '../../src/lib/gan/digits/model-file.ts';
import { enlargeImages, shrinkDigits } from '../../src/lib/gan/digits/image.ts';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const { values: args } = parseArgs({
  options: {
    iterations: { type: 'string', default: '12000' },
    seconds: { type: 'string' },
    every: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    backend: { type: 'string', default: 'wasm' },
    lr: { type: 'string' },
    lrg: { type: 'string' },
    h: { type: 'string' },
    hg: { type: 'string' },
    hd: { type: 'string' },
    nz: { type: 'string' },
    classes: { type: 'string' },
    rl: { type: 'string' },
    b: { type: 'string' },
    ema: { type: 'string', default: '0.999' },
    'every-its': { type: 'string' },
    png: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    out: { type: 'string', default: join(root, 'public/models/gan-digits') },
  },
});

const spec = {
  ...DIGITS_GAN_SPEC,
  ...(args.h ? { genHidden: Number(args.h), discHidden: Number(args.h) } : {}),
  ...(args.nz ? { noiseDim: Number(args.nz) } : {}),
  ...(args.hg ? { genHidden: Number(args.hg) } : {}),
  ...(args.hd ? { discHidden: Number(args.hd) } : {}),
  ...(args.classes ? { classes: Number(args.classes) } : {}),
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
const classifier = decodeModel(
  meta,
  bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
);
const { train } = buildDigitsSet();
const session = createDigitsSession({
  seed: Number(args.seed),
  images: shrinkDigits(train.images, train.count),
  count: train.count,
  labels: train.labels,
  spec,
  training,
  emaDecay: Number(args.ema),
});
// The widget's 256 fixed samples: fixed noise, and (conditional) sample e asked for digit e mod 10.
const fixed = fixedInputs(spec);
const asked = spec.classes ? fixedLabels() : undefined;
const judge = (raw = false) =>
  judgeDigits(
    enlargeImages(session.generate(fixed, QUALITY_SAMPLES, raw), QUALITY_SAMPLES),
    QUALITY_SAMPLES,
    classifier,
    undefined,
    asked,
  );
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
  if (
    itEvery ? session.iteration % itEvery === 0 : seconds >= next || session.iteration >= limitI
  ) {
    next += Number(args.every);
    const q = judge();
    if (args.png) writeFileSync(args.png, gridPng(session.generate(fixed, 64), 8));
    const r = judge(true);
    const agree = q.agreement ?? NaN;
    console.log(
      `t ${seconds.toFixed(1)} s it ${session.iteration} (${(session.iteration / seconds).toFixed(0)} it/s) D ${session.last.dLoss.toFixed(3)} G ${session.last.gLoss.toFixed(3)} D(x) ${session.last.dReal.toFixed(2)} D(G(z)) ${session.last.dFake.toFixed(2)} coverage ${q.coverage} confidence ${q.confidence.toFixed(3)} counts ${q.counts.join(',')} agree ${agree.toFixed(2)} | raw ${r.coverage} ${r.confidence.toFixed(3)}`,
    );
  }
}

if (!args['no-write']) {
  const q = judge();
  const { meta, bin } = encodeGan(
    {
      spec,
      training: {
        ...training,
        seed: Number(args.seed),
        iterations: session.iteration,
        emaDecay: Number(args.ema),
      },
      quality: {
        coverage: q.coverage,
        confidence: Math.round(q.confidence * 1e4) / 1e4,
        ...(q.agreement === null ? {} : { agreement: Math.round(q.agreement * 1e4) / 1e4 }),
        counts: q.counts,
      },
    },
    // The shipped generator is the averaged one (what the widget shows), with the live D.
    { G: session.averagedGenerator(), D: session.weights().D },
  );
  mkdirSync(args.out, { recursive: true });
  writeFileSync(join(args.out, 'model.json'), `${JSON.stringify(meta, null, 1)}\n`);
  writeFileSync(join(args.out, 'weights.bin'), bin);
  console.log(`wrote ${args.out}: coverage ${q.coverage}, confidence ${q.confidence.toFixed(4)}`);
}

/** count 14×14 images (0–1) as a cols-wide grey PNG, each pixel 3×3, ink black on white. */
function gridPng(images, cols) {
  const S = 14;
  const k = 3;
  const rows = Math.ceil(images.length / (S * S) / cols);
  const W = cols * S * k;
  const H = rows * S * k;
  const raw = Buffer.alloc((W + 1) * H, 255);
  for (let y = 0; y < H; y++) {
    raw[y * (W + 1)] = 0;
    for (let x = 0; x < W; x++) {
      const cx = Math.floor(x / k);
      const cy = Math.floor(y / k);
      const img = Math.floor(cy / S) * cols + Math.floor(cx / S);
      const v = images[img * S * S + (cy % S) * S + (cx % S)] ?? 0;
      raw[y * (W + 1) + 1 + x] = Math.round(255 * (1 - Math.min(1, Math.max(0, v))));
    }
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 255] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(W, 0);
  ihdr.writeUInt32BE(H, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
