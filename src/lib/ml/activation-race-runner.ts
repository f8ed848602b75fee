// Pure: no DOM. Runs the activation race (activation-race.ts) from commands and reports its
// state, so the same code trains in a Web Worker (src/workers/activation-race.worker.ts) or, where
// workers are unavailable, on the main thread in frame-sized slices.
import { createRace, raceDefaults, raceEpoch, laneGrid, type Race } from './activation-race.ts';

/** Commands from the widget. `init` must come first. */
export type RaceCommand =
  | { type: 'init'; seed: number | null; total: number; grid: number }
  | { type: 'train' }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'reset' };

/** One lane as the widget draws it. */
export interface LaneSnapshot {
  activation: string;
  /** Training accuracy after each epoch, from epoch 0. */
  accuracies: number[];
  /** Mean training loss after each epoch, from epoch 0. */
  losses: number[];
  /** grid × grid class-1 probabilities over [−1, 1]², row 0 at the top. */
  grid: Float64Array;
}

/** Messages to the widget. `data` once after init; `state` after every change. */
export type RaceMessage =
  | { type: 'data'; inputs: Float32Array; targets: Float32Array; n: number }
  | {
      type: 'state';
      epoch: number;
      running: boolean;
      /** True when a step, a reset or the end of a run (last epoch or divergence) settled the state. */
      settled: boolean;
      lanes: LaneSnapshot[];
    };

export interface RaceRunnerOptions {
  post: (m: RaceMessage) => void;
  /** Schedules the next training slice; returns a function that cancels it. */
  schedule: (fn: () => void) => () => void;
  now: () => number;
  /** Milliseconds of training per slice (at least one epoch runs per slice). */
  budgetMs: number;
}

function diverged(race: Race): boolean {
  return race.lanes.some((l) => !Number.isFinite(l.losses.at(-1) ?? NaN));
}

/** Creates a runner; feed it commands with `handle`. */
export function createRaceRunner(opts: RaceRunnerOptions): { handle(cmd: RaceCommand): void } {
  let race: Race | null = null;
  let total = 100;
  let grid = 20;
  let seed: number | null = null;
  let running = false;
  let cancel: (() => void) | null = null;

  const build = (): Race =>
    createRace(seed !== null && Number.isFinite(seed) ? { ...raceDefaults, seed } : raceDefaults);

  const report = (settled = false): void => {
    if (!race) return;
    opts.post({
      type: 'state',
      epoch: race.epoch,
      running,
      settled,
      lanes: race.lanes.map((l) => ({
        activation: l.activation,
        accuracies: [...l.accuracies],
        losses: [...l.losses],
        grid: laneGrid(l, grid),
      })),
    });
  };

  const halt = (): void => {
    running = false;
    cancel?.();
    cancel = null;
  };

  const slice = (): void => {
    cancel = null;
    if (!race || !running) return;
    const start = opts.now();
    do raceEpoch(race);
    while (race.epoch < total && !diverged(race) && opts.now() - start < opts.budgetMs);
    if (race.epoch >= total || diverged(race)) {
      running = false;
      report(true);
      return;
    }
    report();
    cancel = opts.schedule(slice);
  };

  return {
    handle(cmd) {
      switch (cmd.type) {
        case 'init':
          halt();
          total = Math.max(1, Math.min(2000, cmd.total));
          grid = cmd.grid;
          seed = cmd.seed;
          race = build();
          opts.post({ type: 'data', inputs: race.inputs, targets: race.targets, n: race.n });
          report();
          break;
        case 'train':
          if (!race || running) return;
          if (race.epoch >= total || diverged(race)) race = build();
          running = true;
          report();
          cancel = opts.schedule(slice);
          break;
        case 'pause':
          halt();
          report();
          break;
        case 'step':
          halt();
          if (race && !diverged(race)) raceEpoch(race);
          report(true);
          break;
        case 'reset':
          halt();
          race = build();
          report(true);
          break;
      }
    },
  };
}
