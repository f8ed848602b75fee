// Pure: no DOM (fetch only in loadCharModel). The character-level language model of lesson 3.2:
// corpus, vocabulary, batches, sampling, model files.
export * from './corpus.ts';
export * from './vocab.ts';
export * from './batches.ts';
export * from './sample.ts';
export * from './format.ts';
export * from './describe.ts';
export * from './gates.ts';
