// Pure: no DOM. The training loop around a Trainer: time-budgeted slices of steps, a steps-per-
// second speed limit, and snapshots posted at most every SNAPSHOT_MS. The worker runs it with
// long slices; the main-thread fallback with frame-sized ones. Timers and clock are injected.
import type { FromRunner, Snapshot, ToRunner } from './protocol.ts';
import { createTrainer, type Trainer } from './trainer.ts';

/** Snapshots are posted at most this often while training (50 per second; frames draw ≥ 30). */
export const SNAPSHOT_MS = 20;

export interface RunnerHost {
  post(message: FromRunner, transfer: Transferable[]): void;
  now(): number;
  /** Schedules the next slice (setTimeout 0 in a worker, a frame or task on the main thread). */
  later(fn: () => void): () => void;
}

export interface RunnerOptions {
  /** Milliseconds of training per slice (worker: ~12; main thread: ~6, to keep frames free). */
  sliceMs: number;
}

export interface Runner {
  handle(message: ToRunner): void;
}

export function createRunner(host: RunnerHost, { sliceMs }: RunnerOptions): Runner {
  let trainer: Trainer | undefined;
  let run = 0;
  let playing = false;
  let stepsPerSecond = 1000;
  let cancel: (() => void) | undefined;
  let lastPost = -Infinity;
  // Speed limit bookkeeping: steps allowed since `since`.
  let since = 0;
  let stepsSince = 0;
  // Examples-per-second meter over roughly the last second.
  let meterTime = 0;
  let meterExamples = 0;
  let rate = 0;

  const snapshot = (stopped = false): Snapshot | undefined => {
    if (!trainer) return undefined;
    const h = trainer.history;
    const history = new Float64Array(h.length * 4);
    h.forEach((p, i) => history.set([p.step, p.epoch, p.train, p.test], 4 * i));
    return {
      run,
      playing,
      stopped,
      step: trainer.step,
      epoch: trainer.epoch,
      examples: trainer.examples,
      examplesPerSecond: playing ? rate : 0,
      learningRate: trainer.currentLearningRate(),
      history,
      weights: trainer.net.weights.map((w) => w.slice()),
      biases: trainer.net.biases.map((b) => b.slice()),
      diverged: trainer.diverged,
      best: trainer.best,
      trainSize: trainer.data.train.length,
    };
  };
  const post = (stopped = false) => {
    const s = snapshot(stopped);
    if (!s) return;
    lastPost = host.now();
    host.post({ type: 'snapshot', snapshot: s }, [
      s.history.buffer,
      ...s.weights.map((w) => w.buffer),
      ...s.biases.map((b) => b.buffer),
    ]);
  };
  const stop = () => {
    playing = false;
    cancel?.();
    cancel = undefined;
  };
  const resetClock = () => {
    since = host.now();
    stepsSince = 0;
    meterTime = since;
    meterExamples = trainer?.examples ?? 0;
  };
  const slice = () => {
    cancel = undefined;
    if (!playing || !trainer) return;
    const start = host.now();
    const allowed = Math.floor(((start - since) / 1000) * stepsPerSecond) - stepsSince;
    let done = 0;
    while (done < allowed && host.now() - start < sliceMs) {
      const n = Math.min(32, allowed - done);
      const taken = trainer.runSteps(n);
      done += taken;
      if (taken < n) break; // diverged or nothing to train on
    }
    stepsSince += done;
    const now = host.now();
    if (now - meterTime >= 1000) {
      rate = ((trainer.examples - meterExamples) * 1000) / (now - meterTime);
      meterTime = now;
      meterExamples = trainer.examples;
    } else if (rate === 0 && now - meterTime >= 200) {
      rate = ((trainer.examples - meterExamples) * 1000) / (now - meterTime);
    }
    if (trainer.diverged || trainer.data.train.length === 0) {
      stop();
      post(true);
      return;
    }
    if (now - lastPost >= SNAPSHOT_MS) post();
    cancel = host.later(slice);
  };

  return {
    handle(msg) {
      try {
        switch (msg.type) {
          case 'init':
            stop();
            run = msg.run;
            stepsPerSecond = msg.stepsPerSecond;
            trainer = createTrainer(msg.state);
            rate = 0;
            post();
            break;
          case 'play':
            if (!trainer || playing || trainer.diverged) return post();
            playing = true;
            rate = 0;
            resetClock();
            post();
            cancel = host.later(slice);
            break;
          case 'pause':
            stop();
            post();
            break;
          case 'step':
            stop();
            trainer?.runEpoch();
            post();
            break;
          case 'restore-best':
            stop();
            trainer?.restoreBest();
            post();
            break;
          case 'set':
            trainer?.setLive(msg.live);
            post();
            break;
          case 'speed':
            stepsPerSecond = msg.stepsPerSecond;
            resetClock();
            break;
          case 'dispose':
            stop();
            trainer = undefined;
            break;
        }
      } catch (err) {
        stop();
        host.post(
          { type: 'error', run, message: err instanceof Error ? err.message : String(err) },
          [],
        );
      }
    },
  };
}
