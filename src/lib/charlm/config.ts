// Pure: no DOM. The character model's fixed setup, shared by the training script (which produces
// the shipped model) and the page's "train from scratch" (which starts the same model afresh).

/** Hidden units of the LSTM. */
export const CHARLM_HIDDEN = 64;
/** Characters per training window (BPTT length). */
export const CHARLM_SEQ = 48;
export const CHARLM_BATCH = 16;
export const CHARLM_LEARNING_RATE = 0.006;
export const CHARLM_CLIP = 5;
/** Seed of the shipped model's weights and batches. */
export const CHARLM_SEED = 2026;
/** Fraction of the corpus (its tail) held out to measure loss and perplexity. */
export const CHARLM_HELD_OUT = 0.05;
/** Characters in each sample the widget shows. */
export const SAMPLE_LENGTH = 240;
