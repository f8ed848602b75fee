// What lesson 2.3 says, checked: its parameter table against the network's spec, and its claims
// about what the reader sees from the default seed (loss starts near ln 10; after one epoch the
// CNN passes 95% while the dense network of similar size stays under 90%).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packDigits } from '../../../scripts/data/digits.mjs';
import { parseDigits } from '../../../src/lib/data/digits';
import { architectureFacts, createDigitModel } from '../../../src/lib/cnn-trainer/engines';
import { createRunner } from '../../../src/lib/cnn-trainer/runner';
import type { FromRunner, Progress } from '../../../src/lib/cnn-trainer/protocol';
import {
  BATCH_SIZE,
  DEFAULT_LEARNING_RATE,
  DEFAULT_SEED,
} from '../../../src/lib/cnn-trainer/settings';

const mdx = readFileSync(
  new URL(
    '../../../src/content/docs/convolutional-networks/training-a-cnn-on-digits.mdx',
    import.meta.url,
  ),
  'utf8',
);
const num = (s: string) => Number(s.replace(/[^\d]/g, ''));

/** The lesson's table: layer name → [output cell, last number of the parameters cell]. */
function table(): Map<string, { out: string; params: number }> {
  const rows = new Map<string, { out: string; params: number }>();
  for (const line of mdx.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 6 || !/^[a-z0-9]+$/.test(cells[1]!)) continue;
    const last = cells[4]!.split('=').pop()!;
    rows.set(cells[1]!, { out: cells[3]!, params: num(last.replace(/\\,|\{,\}/g, '')) });
  }
  return rows;
}

describe('lesson 2.3: the architecture table', () => {
  const facts = architectureFacts();
  const rows = table();
  it('lists every layer of the spec with its output shape and parameter count', () => {
    for (const l of facts.layers) {
      const row = rows.get(l.name);
      expect(row, l.name).toBeDefined();
      expect(row!.params, l.name).toBe(l.params);
      const shape = l.out[0] === 1 && l.out[1] === 1 ? `${l.out[2]}` : l.out.join(' × ');
      expect(row!.out, l.name).toBe(shape);
    }
  });
  it('states the totals the spec gives, for the CNN and the dense network', () => {
    expect(facts.params.cnn).toBe(5386);
    expect(facts.params.dense).toBe(5575);
    expect(rows.get('total')!.params).toBe(facts.params.cnn);
    expect(mdx).toContain(`${facts.params.dense.toLocaleString('en')} in all`);
    expect(mdx).toContain(`gets 24 of`);
    const conv = facts.layers.filter((l) => l.kind === 'conv');
    expect(conv.reduce((a, l) => a + l.out[2], 0)).toBe(24);
    const share = conv.reduce((a, l) => a + l.params, 0) / facts.params.cnn;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.3);
  });
});

describe('lesson 2.3: what the default seed shows', () => {
  const data = parseDigits(packDigits().slice().buffer);
  const run = async (kind: 'cnn' | 'dense', batches: number) => {
    const got: FromRunner[] = [];
    const runner = createRunner({
      post: (m) => got.push(m),
      now: () => 0,
      later: () => () => {},
      loadData: () => Promise.resolve(data),
      createModel: (k, s) => createDigitModel(k, s),
      loadTrained: () => Promise.reject(new Error('unused')),
    });
    const settings = {
      kind,
      seed: DEFAULT_SEED,
      learningRate: DEFAULT_LEARNING_RATE,
      batchSize: BATCH_SIZE,
      dataUrl: '',
      modelUrl: '',
    };
    await runner.handle({ type: 'init', run: 1, settings });
    await runner.handle({ type: 'step', batches: 1 });
    const first = got.filter((m) => m.type === 'progress').pop() as { progress: Progress };
    await runner.handle({ type: 'step', batches: batches - 1 });
    const last = got.filter((m) => m.type === 'progress').pop() as { progress: Progress };
    return { first: first.progress, last: last.progress };
  };

  it('one epoch is 250 batches of 32', () => {
    expect(8000 / BATCH_SIZE).toBe(250);
    expect(mdx).toContain('one epoch is 250 batches');
  });

  it('dense: loss starts near ln 10; after one epoch under 90%', async () => {
    const { first, last } = await run('dense', 250);
    expect(Math.abs(first.trainLoss - Math.log(10))).toBeLessThan(0.35);
    expect(last.epoch).toBe(1);
    expect(last.testAccuracy!).toBeLessThan(0.9);
    expect(last.testAccuracy!).toBeGreaterThan(0.5);
  });

  it('CNN: loss starts near ln 10; after one epoch more than 95%', async () => {
    const { first, last } = await run('cnn', 250);
    expect(Math.abs(first.trainLoss - Math.log(10))).toBeLessThan(0.35);
    expect(last.epoch).toBe(1);
    expect(last.testAccuracy!).toBeGreaterThan(0.95);
  }, 120_000);
});
