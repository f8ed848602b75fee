// Pure: no DOM. The character vocabulary: sorted distinct characters of the corpus; unknown
// characters typed by a reader map to a space (or to the first character if there is none).

export interface Vocab {
  readonly chars: readonly string[];
  readonly index: ReadonlyMap<string, number>;
}

export function createVocab(chars: readonly string[]): Vocab {
  return { chars: [...chars], index: new Map(chars.map((c, i) => [c, i])) };
}

/** The sorted distinct characters of `text` (code-point order). */
export function vocabFromText(text: string): Vocab {
  return createVocab([...new Set(text)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Characters → ids; characters outside the vocabulary become a space (or id 0). */
export function encode(vocab: Vocab, text: string): Int32Array {
  const fallback = vocab.index.get(' ') ?? 0;
  const out = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = vocab.index.get(text[i]!) ?? fallback;
  return out;
}

export function decode(vocab: Vocab, ids: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i < ids.length; i++) s += vocab.chars[ids[i]!] ?? '';
  return s;
}
