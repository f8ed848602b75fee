// Pure: no DOM. The explorer's settings: defaults, parsing from untrusted strings (data-* props,
// URL state) with a message for every value that had to be replaced, and the string form for
// the URL. The widget keeps one ExplorerSettings object in its store.
import { logSliderPosition, logSliderValue, type LogSlider } from '../../viz/scales.ts';
import type { Schema, Values } from '../../state/url-state.ts';
import { isOptimizerId, optimizerIds, type OptimizerId } from './optimizers.ts';
import type { DescentSettings } from './run.ts';
import { decayKinds, isDecayKind, type DecayKind } from './schedule.ts';
import { isSurfaceId, surfaceIds, surfaces, type SurfaceId } from './surfaces.ts';

export interface ExplorerSettings {
  readonly surface: SurfaceId;
  readonly optimizer: OptimizerId;
  /** initial learning rate, 0.001…10 */
  readonly lr: number;
  /** μ for the Momentum optimizer, 0…0.99 */
  readonly momentum: number;
  /** number of updates, 1…200 */
  readonly steps: number;
  readonly decay: DecayKind;
  /** the start point; inside the surface's domain */
  readonly start: readonly [number, number];
  /** race a second optimizer from the same start */
  readonly race: boolean;
  readonly optimizerB: OptimizerId;
}

/** The learning-rate slider: 0.001…10 on a log scale, 400 positions (100 per decade). */
export const LR_SLIDER: LogSlider = { min: 0.001, max: 10, steps: 400 };
export const MAX_STEPS = 200;
export const MOMENTUM_MAX = 0.99;

/** Defaults for a surface: SGD, η = 0.1, μ = 0.9, 50 steps, no decay, the surface's start. */
export function defaultSettings(surface: SurfaceId = 'bowl'): ExplorerSettings {
  return {
    surface,
    optimizer: 'sgd',
    lr: 0.1,
    momentum: 0.9,
    steps: 50,
    decay: 'none',
    start: surfaces[surface].start,
    race: false,
    optimizerB: 'adam',
  };
}

/** The learning rate at the slider position nearest `lr`, to 3 significant digits. */
export function snapLearningRate(lr: number): number {
  const v = logSliderValue(logSliderPosition(lr, LR_SLIDER), LR_SLIDER);
  return Number(v.toPrecision(3));
}

const round = (v: number, digits: number) => Number(v.toFixed(digits));

/** Clamps a start point into the surface's domain (rounded to 0.01). */
export function clampStart(surface: SurfaceId, p: readonly [number, number]): [number, number] {
  const { x, y } = surfaces[surface].domain;
  return [
    round(Math.min(Math.max(p[0], x[0]), x[1]), 2),
    round(Math.min(Math.max(p[1], y[0]), y[1]), 2),
  ];
}

export interface ParsedSettings {
  readonly settings: ExplorerSettings;
  /** one message per value that was malformed or out of range and replaced */
  readonly problems: readonly string[];
}

/**
 * Reads settings from string fields (data-* props or URL state). Missing fields keep `base`'s
 * values; malformed ones keep them too and add a problem message; numbers out of range are
 * clamped with a message. Never throws.
 */
export function parseSettings(
  raw: Readonly<Record<string, string | undefined>>,
  base?: ExplorerSettings,
): ParsedSettings {
  const problems: string[] = [];
  const rawSurface = raw['surface'];
  let surface: SurfaceId = base?.surface ?? 'bowl';
  if (rawSurface !== undefined) {
    if (isSurfaceId(rawSurface)) surface = rawSurface;
    else problems.push(`unknown surface "${rawSurface}"`);
  }
  const d =
    base && base.surface === surface
      ? base
      : { ...defaultSettings(surface), ...(base ? pickShared(base) : {}) };
  const num = (key: string, fallback: number, lo: number, hi: number, integer = false): number => {
    const text = raw[key];
    if (text === undefined || text.trim() === '') return fallback;
    const v = Number(text);
    if (!Number.isFinite(v)) {
      problems.push(`${key} "${text}" is not a number`);
      return fallback;
    }
    const c = Math.min(Math.max(integer ? Math.round(v) : v, lo), hi);
    if (c !== v) problems.push(`${key} ${text} is outside ${lo}…${hi}; using ${c}`);
    return c;
  };
  const pick = <T>(key: string, guard: (v: unknown) => v is T, fallback: T): T => {
    const text = raw[key];
    if (text === undefined) return fallback;
    if (guard(text)) return text;
    problems.push(`unknown ${key} "${text}"`);
    return fallback;
  };
  const lr = Number(num('lr', d.lr, LR_SLIDER.min, LR_SLIDER.max).toPrecision(3));
  let start: readonly [number, number] = d.start;
  const rawStart = raw['start'];
  if (rawStart !== undefined) {
    const parts = rawStart.split(',').map((s) => Number(s.trim()));
    if (parts.length === 2 && parts.every(Number.isFinite)) {
      start = clampStart(surface, [parts[0]!, parts[1]!]);
      if (start[0] !== parts[0] || start[1] !== parts[1]) {
        problems.push(`start ${rawStart} is outside the surface; moved inside`);
      }
    } else problems.push(`start "${rawStart}" is not two numbers like "2.5,2"`);
  }
  const rawRace = raw['race'];
  let race = d.race;
  if (rawRace !== undefined) {
    if (['true', '1', ''].includes(rawRace)) race = true;
    else if (['false', '0'].includes(rawRace)) race = false;
    else problems.push(`race "${rawRace}" should be true or false`);
  }
  return {
    settings: {
      surface,
      optimizer: pick('optimizer', isOptimizerId, d.optimizer),
      lr,
      momentum: round(num('momentum', d.momentum, 0, MOMENTUM_MAX), 2),
      steps: num('steps', d.steps, 1, MAX_STEPS, true),
      decay: pick('decay', isDecayKind, d.decay),
      start,
      race,
      optimizerB: pick('optimizerB', isOptimizerId, d.optimizerB),
    },
    problems,
  };
}

function pickShared(s: ExplorerSettings): Partial<ExplorerSettings> {
  const { surface: _s, start: _st, ...rest } = s;
  return rest;
}

/** The settings as strings, the inverse of parseSettings (for URL state). */
export function settingsToStrings(s: ExplorerSettings): Record<string, string> {
  return {
    surface: s.surface,
    optimizer: s.optimizer,
    lr: String(s.lr),
    momentum: String(s.momentum),
    steps: String(s.steps),
    decay: s.decay,
    start: `${s.start[0]},${s.start[1]}`,
    race: String(s.race),
    optimizerB: s.optimizerB,
  };
}

/** What runDescent needs for the first (`which = 'a'`) or the racing (`'b'`) optimizer. */
export function descentSettings(s: ExplorerSettings, which: 'a' | 'b' = 'a'): DescentSettings {
  return {
    optimizer: which === 'a' ? s.optimizer : s.optimizerB,
    lr: s.lr,
    steps: s.steps,
    start: s.start,
    decay: { kind: s.decay },
    optimizerSettings: { momentum: s.momentum },
  };
}

/**
 * The URL-state schema (src/lib/state/url-state.ts) of the explorer, with `base` as the defaults
 * so only what the reader changed appears in the link: ?descent.lr=2&descent.x=1.5…
 */
export function urlSchema(base: ExplorerSettings) {
  return {
    surface: { kind: 'enum', default: base.surface, options: surfaceIds },
    optimizer: { kind: 'enum', default: base.optimizer, options: optimizerIds },
    lr: { kind: 'number', default: base.lr, min: LR_SLIDER.min, max: LR_SLIDER.max },
    momentum: { kind: 'number', default: base.momentum, min: 0, max: MOMENTUM_MAX },
    steps: { kind: 'int', default: base.steps, min: 1, max: MAX_STEPS },
    decay: { kind: 'enum', default: base.decay, options: decayKinds },
    x: { kind: 'number', default: base.start[0], min: -1000, max: 1000 },
    y: { kind: 'number', default: base.start[1], min: -1000, max: 1000 },
    race: { kind: 'bool', default: base.race },
    b: { kind: 'enum', default: base.optimizerB, options: optimizerIds },
  } as const satisfies Schema;
}

export type UrlValues = Values<ReturnType<typeof urlSchema>>;

/** Settings as URL values (the inverse of fromUrlValues). */
export function toUrlValues(s: ExplorerSettings): UrlValues {
  return {
    surface: s.surface,
    optimizer: s.optimizer,
    lr: s.lr,
    momentum: s.momentum,
    steps: s.steps,
    decay: s.decay,
    x: s.start[0],
    y: s.start[1],
    race: s.race,
    b: s.optimizerB,
  };
}

/** URL values back to settings, through parseSettings (so a start off the surface is moved in). */
export function fromUrlValues(v: UrlValues): ParsedSettings {
  return parseSettings({
    surface: v.surface,
    optimizer: v.optimizer,
    lr: String(v.lr),
    momentum: String(v.momentum),
    steps: String(v.steps),
    decay: v.decay,
    start: `${v.x},${v.y}`,
    race: String(v.race),
    optimizerB: v.b,
  });
}
