// Pure: no DOM. The memory task's two charts as data (accuracy per delay; accuracy during
// training at one delay), its table rows and its summary sentence. The shell renders the empty
// charts at build time; the element redraws them from the worker's states.
import type { MemoryCurveState, MemoryState } from './memory-runner.ts';

export interface Tick {
  readonly at: number;
  readonly label: string;
}

export interface ChartSeries {
  readonly id: 'rnn' | 'lstm';
  /** SVG path ("" when there are no points). */
  readonly d: string;
  readonly points: readonly { x: number; y: number }[];
}

export interface LineChart {
  readonly width: number;
  readonly height: number;
  readonly area: { left: number; right: number; top: number; bottom: number };
  readonly xTicks: Tick[];
  readonly yTicks: Tick[];
  /** y of the 50% (chance) line. */
  readonly chance: number;
  readonly series: ChartSeries[];
}

const W = 420;
const H = 240;
const AREA = { left: 48, right: W - 14, top: 12, bottom: H - 42 };

const yOf = (acc: number): number => AREA.bottom - acc * (AREA.bottom - AREA.top);
const yTicks: Tick[] = [0, 0.25, 0.5, 0.75, 1].map((v) => ({ at: yOf(v), label: `${v * 100}%` }));

function series(id: 'rnn' | 'lstm', pts: { x: number; y: number }[]): ChartSeries {
  const d = pts.map((p, k) => `${k ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join('');
  return { id, d, points: pts };
}

/** Final test accuracy against delay (delays evenly spaced), for networks that finished. */
export function delayChart(
  delays: readonly number[],
  curves: readonly MemoryCurveState[],
): LineChart {
  const n = delays.length;
  const xOf = (k: number): number =>
    n <= 1
      ? (AREA.left + AREA.right) / 2
      : AREA.left + 20 + (k / (n - 1)) * (AREA.right - AREA.left - 40);
  const pick = (cell: 'rnn' | 'lstm') =>
    delays.flatMap((delay, k) => {
      const c = curves.find((x) => x.cell === cell && x.delay === delay);
      return c?.done ? [{ x: xOf(k), y: yOf(c.accuracy) }] : [];
    });
  return {
    width: W,
    height: H,
    area: AREA,
    xTicks: delays.map((d, k) => ({ at: xOf(k), label: String(d) })),
    yTicks,
    chance: yOf(0.5),
    series: [series('rnn', pick('rnn')), series('lstm', pick('lstm'))],
  };
}

/** Test accuracy during training at one delay (one point per evaluation, every 25 steps). */
export function trainingChart(
  delay: number,
  steps: number,
  curves: readonly MemoryCurveState[],
  every = 25,
): LineChart {
  const xOf = (s: number): number => AREA.left + (s / steps) * (AREA.right - AREA.left);
  const pick = (cell: 'rnn' | 'lstm') => {
    const c = curves.find((x) => x.cell === cell && x.delay === delay);
    return (c?.accuracies ?? []).map((a, k) => ({ x: xOf(Math.min(steps, k * every)), y: yOf(a) }));
  };
  const xTicks: Tick[] = [];
  for (let s = 0; s <= steps; s += 50) xTicks.push({ at: xOf(s), label: String(s) });
  return {
    width: W,
    height: H,
    area: AREA,
    xTicks,
    yTicks,
    chance: yOf(0.5),
    series: [series('rnn', pick('rnn')), series('lstm', pick('lstm'))],
  };
}

const pct = (v: number): string => `${Math.round(v * 100)}%`;

/** Table rows: delay, RNN, LSTM ("—" not started, "training… 42%" while training). */
export function resultRows(state: Pick<MemoryState, 'delays' | 'curves'>): string[][] {
  return state.delays.map((delay) => {
    const cell = (kind: 'rnn' | 'lstm'): string => {
      const c = state.curves.find((x) => x.cell === kind && x.delay === delay);
      if (!c || (c.step === 0 && !c.done)) return '—';
      return c.done ? pct(c.accuracy) : `training… ${pct(c.accuracy)}`;
    };
    return [String(delay), cell('rnn'), cell('lstm')];
  });
}

/** A remembered delay: the network's final accuracy is at least 90%. At chance: below 60%. */
export const REMEMBERS = 0.9;
export const AT_CHANCE = 0.6;

/** The status sentence. */
export function describeMemory(state: MemoryState): string {
  const active = state.curves.find((c) => !c.done);
  const name = (cell: string): string => (cell === 'lstm' ? 'LSTM' : 'RNN');
  if (!state.finished) {
    if (!active || (active.step === 0 && !state.running && state.curves.every((c) => !c.done)))
      return `Not trained yet (seed ${state.seed}, learning rate ${state.learningRate}). Press Train to train both networks on every delay.`;
    const head = state.running ? 'Training' : 'Paused at';
    return `${head} delay ${active.delay}, ${name(active.cell)}: step ${active.step} of ${state.steps}.`;
  }
  const longest = (cell: 'rnn' | 'lstm'): number | null => {
    const ok = state.curves.filter((c) => c.cell === cell && c.accuracy >= REMEMBERS);
    return ok.length ? Math.max(...ok.map((c) => c.delay)) : null;
  };
  const r = longest('rnn');
  const l = longest('lstm');
  const say = (cell: 'rnn' | 'lstm', d: number | null): string =>
    d === null
      ? `the ${name(cell)} remembers at no delay`
      : `the longest delay the ${name(cell)} remembers (90% or more) is ${d}`;
  return `Done (seed ${state.seed}, learning rate ${state.learningRate}, ${state.steps} training steps per delay): ${say('rnn', r)}, ${say('lstm', l)}.`;
}
