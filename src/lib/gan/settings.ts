// Pure: no DOM. The 2-D GAN trainer's whole setup as one object, its limits, its URL form
// (namespace "gan": ?gan.target=gaussians&gan.k=2…) and the presets the lesson links to.
import { optimizerNames } from '../ml/dense/optimizers.ts';
import { defaults, readState, type Schema, type Values } from '../state/url-state.ts';
import { targetIds } from './targets.ts';

/** The learning rates the menus offer. */
export const ganLearningRates = [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1] as const;

/** Every setting, with its default and limits (the controls and the URL parser read this). */
export const ganSchema = {
  target: { kind: 'enum', default: 'ring', options: targetIds },
  k: { kind: 'int', default: 1, min: 1, max: 10 },
  lrD: { kind: 'number', default: 0.03, min: 0.00001, max: 1 },
  lrG: { kind: 'number', default: 0.03, min: 0.00001, max: 1 },
  opt: { kind: 'enum', default: 'sgd', options: optimizerNames },
  noise: { kind: 'int', default: 2, min: 1, max: 8 },
  gen: { kind: 'intList', default: [16, 16], min: 1, max: 64, maxLength: 4 },
  disc: { kind: 'intList', default: [16, 16], min: 1, max: 64, maxLength: 4 },
  act: { kind: 'enum', default: 'relu', options: ['relu', 'tanh'] },
  loss: { kind: 'enum', default: 'nonsaturating', options: ['nonsaturating', 'saturating'] },
  seed: { kind: 'int', default: 1, min: 0, max: 4294967295 },
  /** Drawn points, x and y each as round((v + 1)·100) in 0…200. */
  pts: { kind: 'intList', default: [], min: 0, max: 200, maxLength: 400 },
} as const satisfies Schema;

export type GanSettings = Values<typeof ganSchema>;

export function defaultSettings(): GanSettings {
  return defaults(ganSchema);
}

/** Batch size of every step (the speed target and GAN Lab comparison use 64). */
export const BATCH = 64;
/** At most this many drawn points. */
export const MAX_DRAWN = 200;

/** Drawn points from the URL form to [x0, y0, …] in [-1, 1]². */
export function decodePoints(pts: readonly number[]): Float32Array {
  const n = Math.floor(pts.length / 2);
  const out = new Float32Array(2 * n);
  for (let i = 0; i < 2 * n; i++) out[i] = pts[i]! / 100 - 1;
  return out;
}

/** Points in [-1, 1]² to the URL form. */
export function encodePoints(points: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < points.length && out.length < 2 * MAX_DRAWN; i += 2) {
    out.push(
      Math.round((Math.max(-1, Math.min(1, points[i]!)) + 1) * 100),
      Math.round((Math.max(-1, Math.min(1, points[i + 1]!)) + 1) * 100),
    );
  }
  return out;
}

export interface GanPreset {
  readonly id: string;
  readonly label: string;
  /** What the preset shows, one sentence. */
  readonly description: string;
  readonly settings: Partial<GanSettings>;
}

/** Named setups the lesson links to (?gan.preset=collapse). Checked by tests/unit/gan. */
export const ganPresets: readonly GanPreset[] = [
  {
    id: 'default',
    label: 'Ring (default)',
    description: 'Plain SGD on the ring: the generated cloud spreads onto the ring.',
    settings: {},
  },
  {
    id: 'collapse',
    label: 'Mode collapse (Adam)',
    description:
      'Eight Gaussians with Adam (momentum 0.9) at rate 0.003: the generator piles onto one or two modes and hops between them.',
    settings: { target: 'gaussians', opt: 'adam', lrD: 0.003, lrG: 0.003 },
  },
  {
    id: 'collapse-fixed',
    label: 'Mode collapse fixed (RMSProp)',
    description:
      'The same run with RMSProp, which has no momentum: the generator spreads over all eight modes.',
    settings: { target: 'gaussians', opt: 'rmsprop', lrD: 0.003, lrG: 0.003 },
  },
  {
    id: 'saturating',
    label: 'Saturating loss',
    description:
      'A discriminator that trains five times per generator step at a high rate, with the original log(1 − D) generator loss: the generator starts slowly.',
    settings: { target: 'ring', loss: 'saturating', k: 5, lrD: 0.1, lrG: 0.003 },
  },
  {
    id: 'nonsaturating',
    label: 'Non-saturating loss',
    description:
      'The same run with the non-saturating loss −log D: the generator reaches the ring at once.',
    settings: { target: 'ring', loss: 'nonsaturating', k: 5, lrD: 0.1, lrG: 0.003 },
  },
];

/** A preset's full settings (defaults plus its differences). */
export function presetSettings(id: string): GanSettings | undefined {
  const p = ganPresets.find((q) => q.id === id);
  return p ? { ...defaultSettings(), ...p.settings } : undefined;
}

/**
 * Reads the setup from a query string: `gan.preset` (if any) gives the base, other `gan.*`
 * keys override it. Returns the settings and sentences about anything that could not be read.
 */
export function settingsFromSearch(search: string): { settings: GanSettings; notices: string[] } {
  const params = new URLSearchParams(search);
  const presetId = params.get('gan.preset');
  const notices: string[] = [];
  let base = defaultSettings();
  if (presetId !== null) {
    const p = presetSettings(presetId);
    if (p) base = p;
    else notices.push(`Unknown preset "${presetId}"; using the default setup.`);
    params.delete('gan.preset');
  }
  const r = readState(params.toString(), 'gan', ganSchema, base);
  if (r.problems.length)
    notices.push(
      `Some settings in the link could not be read (${r.problems.join(', ')}); defaults are used instead.`,
    );
  return { settings: r.values, notices };
}
