// Types for scripts/data/corpus.mjs (imported by unit tests).
export const CORPUS_OUT: string;
export function lessonFiles(dir?: string): string[];
export function corpusFrom(files?: readonly string[]): string;
