// The character model's pure parts: corpus build (deterministic, strips MDX), vocabulary,
// sampling (temperature → 0 is greedy), half-float weights and the model file round trip.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  argmax,
  buildCorpus,
  CHARLM_FORMAT,
  createCharBatch,
  decode,
  encode,
  fillCharBatch,
  fromHalf,
  generate,
  GREEDY_BELOW,
  mdxToProse,
  packWeights,
  parseCharModel,
  sampleIndex,
  softmaxWithTemperature,
  toHalf,
  vocabFromText,
  type CharModelMeta,
} from '../../../src/lib/charlm/index.ts';
import { createModel, weightList } from '../../../src/lib/ml/lstm/index.ts';
import { createRng } from '../../../src/lib/ml/rng.ts';
import { corpusFrom, lessonFiles } from '../../../scripts/data/corpus.mjs';

const FIXTURE = `---
title: A lesson
objectives:
  - Something
---

import Widget from '../../components/Widget.astro';

Gradient descent needs **one thing** from the network: for every weight $w$, the number
$\\partial L / \\partial w$ (see [the last lesson](/foundations/x/)).

$$
L = \\tfrac12 (y - \\hat y)^2
$$

<Widget id="w" labels={{ a: 'x > y' }}
  caption="A > B" />

## A heading

- a *list* item
- another \`code\` item

\`\`\`js
const notProse = 1;
\`\`\`

<Check id="c1" question="Q?" answer={3} />
`;

describe('corpus', () => {
  it('keeps prose and inline TeX, drops frontmatter, imports, JSX, code and display maths', () => {
    expect(mdxToProse(FIXTURE)).toBe(
      [
        'Gradient descent needs one thing from the network: for every weight $w$,',
        'the number $\\partial L / \\partial w$ (see the last lesson).',
        '',
        'A heading',
        '',
        'a list item',
        '',
        'another code item',
      ].join('\n'),
    );
  });

  it('is deterministic: the same lessons give the same text, and the shipped copy is ASCII', () => {
    const files: string[] = lessonFiles();
    expect(files.length).toBeGreaterThan(0);
    expect([...files].sort()).toEqual(files);
    expect(corpusFrom(files)).toBe(corpusFrom(files));
    expect(buildCorpus([FIXTURE, FIXTURE])).toBe(buildCorpus([FIXTURE, FIXTURE]));
    const shipped = readFileSync('public/models/charlm/corpus.txt', 'utf8');
    expect(shipped).toMatch(/^[\n -~]+$/);
    expect(Math.max(...shipped.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
    // It lists the lessons it was built from, in the same path order.
    const sources = JSON.parse(
      readFileSync('public/models/charlm/corpus.sources.json', 'utf8'),
    ) as string[];
    expect([...sources].sort()).toEqual(sources);
  });
});

describe('sampling', () => {
  const logits = [0.1, 2.5, 2.4, -1];
  it('temperature → 0 is greedy', () => {
    const rng = createRng(1);
    for (const t of [0, 1e-4, GREEDY_BELOW / 2]) {
      for (let i = 0; i < 50; i++) expect(sampleIndex(logits, t, rng)).toBe(1);
    }
    expect(argmax(logits)).toBe(1);
    // Just above the threshold the distribution is already one-hot in float64.
    const p = softmaxWithTemperature(logits, 0.01);
    expect(p[1]).toBeGreaterThan(0.9999);
  });
  it('temperature 1 follows softmax, high temperature flattens', () => {
    const rng = createRng(2);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 20000; i++) counts[sampleIndex(logits, 1, rng)]!++;
    const p = softmaxWithTemperature(logits, 1);
    counts.forEach((c, i) => expect(c / 20000).toBeCloseTo(p[i]!, 1));
    const flat = softmaxWithTemperature(logits, 100);
    flat.forEach((v) => expect(v).toBeCloseTo(0.25, 1));
  });
  it('greedy generation from a model is the same every time', () => {
    const vocab = vocabFromText('ab c\n');
    const m = createModel(
      { cell: 'lstm', inputSize: 5, hiddenSize: 4, outputSize: 5 },
      createRng(3),
    );
    const a = generate(m, vocab, { prompt: 'ab', count: 30, temperature: 0, rng: createRng(1) });
    const b = generate(m, vocab, { prompt: 'ab', count: 30, temperature: 0, rng: createRng(99) });
    expect(a).toBe(b);
    expect(a).toHaveLength(30);
  });
});

describe('vocabulary and batches', () => {
  it('encodes, decodes and maps unknown characters to a space', () => {
    const v = vocabFromText('hello world');
    expect(v.chars.join('')).toBe(' dehlorw');
    expect(decode(v, encode(v, 'hello'))).toBe('hello');
    expect(decode(v, encode(v, 'hé'))).toBe('h ');
  });
  it('targets are the inputs shifted by one character', () => {
    const ids = Int32Array.from({ length: 100 }, (_, i) => i);
    const b = fillCharBatch(createCharBatch(3, 10), ids, createRng(4));
    for (let n = 0; n < 30; n++) expect(b.targets[n]).toBe(b.tokens[n]! + 1);
  });
});

describe('model file', () => {
  it('half floats round-trip to 11 significant bits', () => {
    for (const x of [0, 1, -2.5, 0.1, 3.14159, 65504, 1e-5, -7e-8]) {
      const y = fromHalf(toHalf(x));
      expect(Math.abs(y - x)).toBeLessThanOrEqual(Math.max(Math.abs(x) * 2 ** -11, 2 ** -24));
    }
    expect(fromHalf(toHalf(1e6))).toBe(Infinity);
  });
  it('packs and parses a model', () => {
    const spec = { cell: 'lstm' as const, inputSize: 5, hiddenSize: 4, outputSize: 5 };
    const m = createModel(spec, createRng(5));
    const meta = {
      format: CHARLM_FORMAT,
      spec,
      vocab: [' ', 'a', 'b', 'c', '\n'],
      training: {},
      weightsFile: 'weights.bin',
    } as unknown as CharModelMeta;
    const buf = packWeights(m);
    const parsed = parseCharModel(meta, buf.buffer.slice(0) as ArrayBuffer);
    weightList(parsed.model.weights).forEach((w, i) => {
      const src = weightList(m.weights)[i]!;
      w.forEach((v, k) => expect(Math.abs(v - src[k]!)).toBeLessThan(2e-3));
    });
    expect(() => parseCharModel(meta, new ArrayBuffer(4))).toThrow(/wrong size/);
  });
});
