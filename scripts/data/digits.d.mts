// Types for scripts/data/digits.mjs (imported by the Astro integration and unit tests).
import type { DigitsSet, DigitSplit } from '../../src/lib/data/digits-format.ts';

export const DIGITS_OUT: string;
export interface SplitOptions {
  seed?: number;
  trainCount?: number;
  testCount?: number;
}
export function readMnist(dir?: string): DigitSplit;
export function buildDigitsSet(options?: SplitOptions): DigitsSet;
export function packDigits(options?: SplitOptions): Uint8Array;
export function digitsStale(file?: string): boolean;
export function ensureDigits(options?: { file?: string; force?: boolean }): boolean;
