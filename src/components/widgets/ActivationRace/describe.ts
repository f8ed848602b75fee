// Pure: no DOM. The race's readouts: table rows and the status sentence. Used by the element and
// tests; takes plain numbers so it does not pull in the engine.

export interface LaneSummary {
  readonly activation: string;
  readonly label: string;
  readonly accuracy: number;
  readonly loss: number;
  /** First epoch with accuracy ≥ 95%, or null. */
  readonly reached: number | null;
  readonly diverged: boolean;
}

export const LABELS: Readonly<Record<string, string>> = {
  relu: 'ReLU',
  'leaky-relu': 'Leaky ReLU',
  tanh: 'Tanh',
  sigmoid: 'Sigmoid',
  linear: 'Linear (none)',
};

const pct = (v: number): string => `${Math.round(v * 100)}%`;

export function laneRow(l: LaneSummary): string[] {
  return [
    l.label,
    l.diverged ? 'diverged' : pct(l.accuracy),
    l.diverged ? '—' : l.loss.toFixed(3),
    l.reached === null ? 'not yet' : `epoch ${l.reached}`,
  ];
}

export function describeRace(
  epoch: number,
  total: number,
  lanes: readonly LaneSummary[],
  running: boolean,
): string {
  if (lanes.some((l) => l.diverged))
    return `Training diverged (the loss is no longer a number) for ${lanes
      .filter((l) => l.diverged)
      .map((l) => l.label)
      .join(', ')}. Press Reset to start again.`;
  if (epoch === 0) return 'Not trained yet. Every network starts from the same weights.';
  const reached = lanes.filter((l) => l.reached !== null);
  const missed = lanes.filter((l) => l.reached === null);
  const parts = reached.map((l) => `${l.label} at epoch ${l.reached}`);
  const head = running
    ? `Epoch ${epoch} of ${total}.`
    : `Stopped after ${epoch} epoch${epoch === 1 ? '' : 's'}.`;
  const got = parts.length
    ? ` Reached 95% training accuracy: ${parts.join(', ')}.`
    : ' No network has reached 95% training accuracy yet.';
  const not =
    parts.length && missed.length ? ` Not yet: ${missed.map((l) => l.label).join(', ')}.` : '';
  return head + got + not;
}
