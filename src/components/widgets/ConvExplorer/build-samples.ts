// Node only (imported by the explorers' Astro shells at build time): reads the packed digits the
// digits integration wrote to public/data/digits.bin and returns the ten sample digits as the
// string the widgets carry in a data attribute. Read once per build.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDigits } from '../../../lib/data/digits.ts';
import { encodeSamples, pickSamples } from '../../../lib/conv/samples.ts';

let cached: string | undefined;

export function sampleDigitsAttribute(): string {
  if (cached === undefined) {
    const bytes = readFileSync(join(process.cwd(), 'public/data/digits.bin'));
    const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    cached = encodeSamples(pickSamples(parseDigits(buf)));
  }
  return cached;
}
