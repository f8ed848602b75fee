// The shipped digits GAN's file format: a round trip keeps every weight; a file that is not one,
// is truncated, or was made for another model is refused with a message that says which.
import { describe, it, expect } from 'vitest';
import { createRng } from '../../../../src/lib/ml/rng.ts';
import {
  createDigitsGan,
  DIGITS_GAN_SPEC,
  DIGITS_GAN_TRAINING,
  paramsD,
  paramsG,
} from '../../../../src/lib/gan/digits/model.ts';
import {
  decodeGan,
  encodeGan,
  GanModelError,
  type GanModelMeta,
} from '../../../../src/lib/gan/digits/model-file.ts';

function file(spec = DIGITS_GAN_SPEC) {
  const gan = createDigitsGan(spec, DIGITS_GAN_TRAINING, createRng(5), 4);
  const { meta, bin } = encodeGan(
    {
      spec,
      training: { ...DIGITS_GAN_TRAINING, seed: 5, iterations: 0, emaDecay: 0.999 },
      quality: { coverage: 1, confidence: 0.5, counts: new Array<number>(10).fill(0) },
    },
    { G: paramsG(gan), D: paramsD(gan) },
  );
  const buffer = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer;
  return { gan, meta, buffer };
}

describe('digits GAN model file', () => {
  it('round-trips every weight array', () => {
    const { gan, meta, buffer } = file();
    const w = decodeGan(meta, buffer);
    expect(w.G.map((a) => Array.from(a))).toEqual(paramsG(gan).map((a) => Array.from(a)));
    expect(w.D.map((a) => Array.from(a))).toEqual(paramsD(gan).map((a) => Array.from(a)));
  });

  it('refuses another format and a truncated file', () => {
    const { meta, buffer } = file();
    const other = { ...meta, format: 'something-else' } as unknown as GanModelMeta;
    expect(() => decodeGan(other, buffer)).toThrow(/not in the expected format/);
    expect(() => decodeGan(meta, buffer.slice(0, buffer.byteLength - 4))).toThrow(/truncated/);
  });

  it('refuses an unconditional file on the conditional page, naming the field', () => {
    const { meta, buffer } = file({ ...DIGITS_GAN_SPEC, classes: 0 });
    expect(() => decodeGan(meta, buffer)).toThrow(GanModelError);
    expect(() => decodeGan(meta, buffer)).toThrow(
      /different model \(classes 0, this page expects 10\)/,
    );
    // …and is read where that model is expected.
    expect(decodeGan(meta, buffer, { ...DIGITS_GAN_SPEC, classes: 0 }).G).toHaveLength(4);
  });
});
