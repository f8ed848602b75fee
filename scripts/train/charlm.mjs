// Trains the character-level LSTM that ships with lesson 3.2 (public/models/charlm/): the typed-
// array engine (src/lib/ml/lstm) on public/models/charlm/corpus.txt (scripts/data/corpus.mjs),
// from a fixed seed, for a fixed number of steps, so the same command gives the same file.
//   node scripts/train/charlm.mjs            (node_modules/.bin/node: Node 24 strips TS types)
//   CHARLM_STEPS=200 node scripts/train/charlm.mjs --out /tmp/charlm   (a quick try)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from '../../src/lib/ml/rng.ts';
import { createTrainer, evaluate } from '../../src/lib/ml/lstm/index.ts';
import {
  CHARLM_FORMAT,
  createCharBatch,
  encode,
  fillCharBatch,
  generate,
  packWeights,
  parseCharModel,
  vocabFromText,
} from '../../src/lib/charlm/index.ts';
import * as C from '../../src/lib/charlm/config.ts';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const outArg = process.argv.indexOf('--out');
const outDir = outArg > 0 ? resolve(process.argv[outArg + 1]) : join(root, 'public/models/charlm');
const steps = Number(process.env.CHARLM_STEPS ?? 3000);

const text = readFileSync(join(root, 'public/models/charlm/corpus.txt'), 'utf8');
const vocab = vocabFromText(text);
const ids = encode(vocab, text);
const split = Math.floor(ids.length * (1 - C.CHARLM_HELD_OUT));
const train = ids.subarray(0, split);
const held = ids.subarray(split);
const V = vocab.chars.length;
const spec = { cell: 'lstm', inputSize: V, hiddenSize: C.CHARLM_HIDDEN, outputSize: V };

const trainer = createTrainer({
  spec,
  seed: C.CHARLM_SEED,
  learningRate: C.CHARLM_LEARNING_RATE,
  clipNorm: C.CHARLM_CLIP,
});
const rng = createRng(C.CHARLM_SEED + 1);
const batch = createCharBatch(C.CHARLM_BATCH, C.CHARLM_SEQ);

/** Held-out loss on consecutive windows covering the held-out tail (the same windows every time). */
function heldOutLoss(model) {
  const T = 100;
  const n = Math.floor((held.length - 1) / T);
  const tokens = new Int32Array(n * T);
  const targets = new Int32Array(n * T);
  for (let b = 0; b < n; b++) {
    tokens.set(held.subarray(b * T, b * T + T), b * T);
    targets.set(held.subarray(b * T + 1, b * T + T + 1), b * T);
  }
  return evaluate(model, { batchSize: n, steps: T, tokens, targets }).loss;
}

const started = Date.now();
let avg = Math.log(V);
for (let s = 1; s <= steps; s++) {
  // Linear decay to a fifth of the rate over the run.
  trainer.learningRate = C.CHARLM_LEARNING_RATE * (1 - (0.8 * (s - 1)) / steps);
  const r = trainer.step(fillCharBatch(batch, train, rng));
  avg = 0.98 * avg + 0.02 * r.loss;
  if (s % 250 === 0 || s === steps) {
    const sample = generate(trainer.model, vocab, {
      prompt: 'The ',
      count: 160,
      temperature: 0.6,
      rng: createRng(7),
    });
    console.log(
      `step ${s} train ${avg.toFixed(3)} held-out ${heldOutLoss(trainer.model).toFixed(3)} ` +
        `(${((Date.now() - started) / 1000).toFixed(0)} s)\n  The ${sample.replace(/\n/g, '\n  ')}`,
    );
  }
}

const meta = {
  format: CHARLM_FORMAT,
  spec,
  vocab: vocab.chars,
  training: {
    seed: C.CHARLM_SEED,
    steps,
    batchSize: C.CHARLM_BATCH,
    seqLength: C.CHARLM_SEQ,
    learningRate: C.CHARLM_LEARNING_RATE,
    clipNorm: C.CHARLM_CLIP,
    corpusChars: text.length,
    finalLoss: 0,
  },
  weightsFile: 'weights.bin',
};
const packed = packWeights(trainer.model);
// Report the loss of the half-float weights the page will actually use.
const shipped = parseCharModel(meta, packed.buffer.slice(0));
meta.training.finalLoss = Math.round(heldOutLoss(shipped.model) * 1e4) / 1e4;
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'weights.bin'), packed);
writeFileSync(join(outDir, 'model.json'), JSON.stringify(meta, null, 2) + '\n');
console.log(
  `held-out loss ${meta.training.finalLoss} nats/char, ${packed.length} bytes -> ${outDir}`,
);
