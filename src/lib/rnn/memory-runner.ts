// Pure: no DOM. Runs the memory task (memory-task.ts) from commands and reports its state, so the
// same code trains in a Web Worker (MemoryTask/memory.worker.ts) or, where workers are
// unavailable, on the main thread in frame-sized slices.
import { createMemoryRun, memoryDefaults, type MemoryRun } from './memory-task.ts';
import type { CellKind } from '../ml/lstm/index.ts';

export type MemoryCommand =
  | { type: 'init'; seed: number; learningRate?: number }
  | { type: 'train' }
  | { type: 'pause' }
  | { type: 'reset'; seed?: number; learningRate?: number };

export interface MemoryCurveState {
  cell: CellKind;
  delay: number;
  step: number;
  accuracies: number[];
  accuracy: number;
  done: boolean;
}

export interface MemoryState {
  type: 'state';
  seed: number;
  learningRate: number;
  running: boolean;
  /** Every delay of both networks trained. */
  finished: boolean;
  /** Training steps per network and delay. */
  steps: number;
  delays: number[];
  curves: MemoryCurveState[];
}

export interface MemoryRunnerOptions {
  post: (m: MemoryState) => void;
  schedule: (fn: () => void) => () => void;
  now: () => number;
  /** Milliseconds of training per slice. */
  budgetMs: number;
  /** Minimum milliseconds between progress reports while training. */
  reportMs?: number;
}

export function createMemoryRunner(opts: MemoryRunnerOptions): {
  handle(cmd: MemoryCommand): void;
} {
  let seed = memoryDefaults.seed;
  let learningRate = memoryDefaults.learningRate;
  const setRate = (lr: number | undefined): void => {
    if (lr !== undefined && Number.isFinite(lr) && lr > 0 && lr <= 1) learningRate = lr;
  };
  let task: ReturnType<typeof createMemoryRun> | null = null;
  let running = false;
  let finished = false;
  let cancel: (() => void) | null = null;
  let lastReport = -Infinity;

  const build = (): void => {
    task = createMemoryRun({ ...memoryDefaults, seed, learningRate });
    finished = false;
  };
  const snapshot = (run: MemoryRun): MemoryState => ({
    type: 'state',
    seed,
    learningRate,
    running,
    finished,
    steps: run.settings.steps,
    delays: [...run.settings.delays],
    curves: run.curves.map((c) => ({
      cell: c.cell,
      delay: c.delay,
      step: c.step,
      accuracies: [...c.accuracies],
      accuracy: c.accuracy,
      done: c.done,
    })),
  });
  const report = (): void => {
    if (!task) return;
    lastReport = opts.now();
    opts.post(snapshot(task.run));
  };
  const halt = (): void => {
    running = false;
    cancel?.();
    cancel = null;
  };
  const slice = (): void => {
    cancel = null;
    if (!task || !running) return;
    const start = opts.now();
    finished = task.advance(() => opts.now() - start < opts.budgetMs);
    if (finished) {
      running = false;
      report();
      return;
    }
    if (opts.now() - lastReport >= (opts.reportMs ?? 100)) report();
    cancel = opts.schedule(slice);
  };

  return {
    handle(cmd) {
      switch (cmd.type) {
        case 'init':
          halt();
          seed = cmd.seed;
          setRate(cmd.learningRate);
          build();
          report();
          break;
        case 'train':
          if (!task || running) return;
          if (finished) build();
          running = true;
          report();
          cancel = opts.schedule(slice);
          break;
        case 'pause':
          halt();
          report();
          break;
        case 'reset':
          halt();
          if (cmd.seed !== undefined) seed = cmd.seed;
          setRate(cmd.learningRate);
          build();
          report();
          break;
      }
    },
  };
}
