// Pure: no DOM. Learning-rate decay for the explorer: none, step (halve every k steps) or
// exponential (smooth, same half-life). Step t counts from 0 for the first update.

export const decayKinds = ['none', 'step', 'exponential'] as const;
export type DecayKind = (typeof decayKinds)[number];

export const decayLabels: Readonly<Record<DecayKind, string>> = {
  none: 'None',
  step: 'Step (halve every 25 steps)',
  exponential: 'Exponential (half-life 25 steps)',
};

export interface DecaySettings {
  readonly kind: DecayKind;
  /** factor applied every `every` steps, in (0, 1] (default 0.5) */
  readonly rate?: number;
  /** steps per factor (default 25) */
  readonly every?: number;
}

/** Type guard for decay kinds from untrusted input. */
export function isDecayKind(v: unknown): v is DecayKind {
  return typeof v === 'string' && (decayKinds as readonly string[]).includes(v);
}

/**
 * The learning rate for update t (0-based): none → η₀; step → η₀·rate^⌊t/every⌋;
 * exponential → η₀·rate^(t/every).
 */
export function learningRateAt(lr0: number, t: number, decay: DecaySettings): number {
  const rate = decay.rate ?? 0.5;
  const every = decay.every ?? 25;
  if (!(rate > 0 && rate <= 1)) throw new RangeError(`decay rate must be in (0, 1], got ${rate}`);
  if (!(every > 0)) throw new RangeError(`decay interval must be positive, got ${every}`);
  switch (decay.kind) {
    case 'none':
      return lr0;
    case 'step':
      return lr0 * Math.pow(rate, Math.floor(t / every));
    case 'exponential':
      return lr0 * Math.pow(rate, t / every);
  }
}
