// Build time only (Node, from the widget's Astro shell): a sample of the shipped model, so the
// page shows real output before any script runs. Same generator and seed as the worker's first
// sample.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate, parseCharModel, type CharModelMeta } from '../../../lib/charlm/index.ts';
import { CHARLM_SEED, SAMPLE_LENGTH } from '../../../lib/charlm/config.ts';
import { createRng } from '../../../lib/ml/rng.ts';

export function staticSample(prompt: string, temperature: number): string | null {
  try {
    const dir = join(process.cwd(), 'public/models/charlm');
    const meta = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as CharModelMeta;
    const buf = readFileSync(join(dir, meta.weightsFile));
    const m = parseCharModel(
      meta,
      buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength),
    );
    return (
      prompt +
      generate(m.model, m.vocab, {
        prompt,
        count: SAMPLE_LENGTH,
        temperature,
        rng: createRng(CHARLM_SEED + 100),
      })
    );
  } catch {
    return null;
  }
}
