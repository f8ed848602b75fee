// Pure: no DOM. The 2-D target distributions the GAN learns to imitate, as samplers on the plot's
// square [-1, 1]². Every sample comes from a seeded Rng, so a seed fixes the run.
import type { Rng } from '../ml/rng.ts';

export const targetIds = ['ring', 'moons', 'line', 'gaussians', 'drawn'] as const;
export type TargetId = (typeof targetIds)[number];

export interface TargetInfo {
  readonly id: TargetId;
  readonly label: string;
  /** One phrase for text alternatives: "a ring of radius 0.6". */
  readonly spoken: string;
}

export const targets: Readonly<Record<TargetId, TargetInfo>> = {
  ring: { id: 'ring', label: 'Ring', spoken: 'a ring of radius 0.6 centred on the origin' },
  moons: { id: 'moons', label: 'Two moons', spoken: 'two interleaved half-moons' },
  line: {
    id: 'line',
    label: 'Line',
    spoken: 'a straight line segment from lower left to upper right',
  },
  gaussians: {
    id: 'gaussians',
    label: 'Mixture of 8 Gaussians',
    spoken: 'eight small round clusters evenly spaced on a circle of radius 0.6',
  },
  drawn: { id: 'drawn', label: 'Your drawing', spoken: 'the points you drew' },
};

/** The mixture's eight centres (radius 0.6, every 45°) and their standard deviation. */
export const MIXTURE_RADIUS = 0.6;
export const MIXTURE_SD = 0.04;
export const mixtureCentres: ReadonlyArray<readonly [number, number]> = Array.from(
  { length: 8 },
  (_, k) =>
    [
      MIXTURE_RADIUS * Math.cos((k * Math.PI) / 4),
      MIXTURE_RADIUS * Math.sin((k * Math.PI) / 4),
    ] as const,
);

/** Spread of the samples around a drawn point. */
export const DRAWN_SD = 0.03;

/** Writes one sample into out[offset], out[offset+1]. */
export type Sampler = (rng: Rng, out: Float32Array, offset: number) => void;

/**
 * A sampler for a target. `drawn` holds the reader's points as [x0, y0, x1, y1, …]; with no
 * drawn points the drawn target falls back to the origin (a single blob).
 */
export function samplerFor(id: TargetId, drawn: ArrayLike<number> = []): Sampler {
  switch (id) {
    case 'ring':
      return (rng, out, o) => {
        const t = rng.next() * 2 * Math.PI;
        const r = 0.6 + 0.025 * rng.normal();
        out[o] = r * Math.cos(t);
        out[o + 1] = r * Math.sin(t);
      };
    case 'moons':
      // scikit-learn's make_moons, scaled by 0.45 and centred: upper arc and lower arc.
      return (rng, out, o) => {
        const t = rng.next() * Math.PI;
        const upper = rng.next() < 0.5;
        const x = upper ? Math.cos(t) : 1 - Math.cos(t);
        const y = upper ? Math.sin(t) : 0.5 - Math.sin(t);
        out[o] = 0.45 * (x - 0.5) + 0.02 * rng.normal();
        out[o + 1] = 0.45 * (y - 0.25) * 1.4 + 0.02 * rng.normal();
      };
    case 'line':
      return (rng, out, o) => {
        const t = rng.uniform(-0.7, 0.7);
        const n = 0.015 * rng.normal();
        out[o] = t + n * 0.7071;
        out[o + 1] = 0.5 * t - n * 0.7071;
      };
    case 'gaussians':
      return (rng, out, o) => {
        const c = mixtureCentres[rng.int(8)]!;
        out[o] = c[0] + MIXTURE_SD * rng.normal();
        out[o + 1] = c[1] + MIXTURE_SD * rng.normal();
      };
    case 'drawn': {
      const n = Math.floor(drawn.length / 2);
      return (rng, out, o) => {
        if (n === 0) {
          out[o] = DRAWN_SD * rng.normal();
          out[o + 1] = DRAWN_SD * rng.normal();
          return;
        }
        const k = rng.int(n);
        out[o] = drawn[2 * k]! + DRAWN_SD * rng.normal();
        out[o + 1] = drawn[2 * k + 1]! + DRAWN_SD * rng.normal();
      };
    }
  }
}

/** n samples as [x0, y0, x1, y1, …]. */
export function sampleTarget(sampler: Sampler, rng: Rng, n: number): Float32Array {
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) sampler(rng, out, 2 * i);
  return out;
}
