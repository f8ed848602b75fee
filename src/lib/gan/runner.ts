// Pure: no DOM. The 2-D GAN's training loop around a Session: time-budgeted slices of
// iterations, an iterations-per-second limit, slow-motion single steps, and snapshots posted at
// most every SNAPSHOT_MS. The worker runs it with ~12 ms slices; the main-thread fallback with
// frame-sized ones. Timers and clock are injected, so tests drive it with a fake clock.
import type { FromGanRunner, GanSnapshot, ToGanRunner } from './protocol.ts';
import { createSession, type Session } from './session.ts';
import { meanD, viewOf, type GanView } from './view-model.ts';

/**
 * Snapshots are posted at most this often while training. Posts happen at the end of a slice,
 * so intervals run a little longer: 33 ms gave ~26 per second (the view draws one frame per
 * snapshot); 25 ms keeps the view above 30 frames per second.
 */
export const SNAPSHOT_MS = 25;
/** While training, the heatmap and energy distance are recomputed at most this often. */
export const HEAT_MS = 100;

export interface GanRunnerHost {
  post(message: FromGanRunner, transfer: Transferable[]): void;
  now(): number;
  /**
   * Runs fn soon; `idleMs` > 0 when the speed limit leaves nothing to do for about that long
   * (a host that chains slices without timers should wait then instead of spinning).
   */
  later(fn: () => void, idleMs?: number): () => void;
}

export interface GanRunner {
  handle(message: ToGanRunner): void;
  /** The session (tests). */
  readonly session: Session | undefined;
}

export function createGanRunner(host: GanRunnerHost, { sliceMs }: { sliceMs: number }): GanRunner {
  let session: Session | undefined;
  let run = 0;
  let playing = false;
  let itersPerSecond = 200;
  let cancel: (() => void) | undefined;
  let lastPost = -Infinity;
  /** The last view with a fresh heatmap and energy distance, and when it was made. */
  let full: GanView | undefined;
  let fullAt = -Infinity;
  let since = 0;
  let itersSince = 0;
  let meterTime = 0;
  let meterIters = 0;
  let rate = 0;

  const post = (changed: GanSnapshot['changed'] = null, view: GanView | undefined = undefined) => {
    if (!session) return;
    let v = view;
    if (!v) {
      const t = host.now();
      const reuse = playing && full && t - fullAt < HEAT_MS ? full : undefined;
      v = viewOf(session, reuse);
      if (!reuse) {
        // A copy: the snapshot's arrays are transferred (detached) when posted.
        full = { ...v, heat: v.heat.slice() };
        fullAt = t;
      }
    }
    const h = session.history;
    const history = new Float64Array(h.length * 5);
    for (let i = 0, k = 0; i < h.length; i++, k += 5) {
      const p = h[i]!;
      history[k] = p.iteration;
      history[k + 1] = p.dLoss;
      history[k + 2] = p.gLoss;
      history[k + 3] = p.dReal;
      history[k + 4] = p.dFake;
    }
    const snapshot: GanSnapshot = {
      run,
      playing,
      iteration: session.iteration,
      itersPerSecond: playing ? rate : 0,
      fake: v.fake,
      arrows: v.arrows,
      real: session.viewReal.slice(),
      heat: v.heat,
      history,
      energy: v.energy,
      modes: v.modes,
      changed,
      diverged: session.diverged,
    };
    lastPost = host.now();
    const transfer: Transferable[] = [
      snapshot.fake.buffer,
      snapshot.arrows.buffer,
      snapshot.real.buffer,
      snapshot.heat.buffer,
      history.buffer,
    ];
    if (changed) transfer.push(changed.beforeFake.buffer, changed.beforeHeat.buffer);
    host.post({ type: 'snapshot', snapshot }, transfer);
  };
  const stop = () => {
    playing = false;
    cancel?.();
    cancel = undefined;
  };
  const resetClock = () => {
    since = host.now();
    itersSince = 0;
    meterTime = since;
    meterIters = session?.iteration ?? 0;
  };
  const slice = () => {
    cancel = undefined;
    if (!playing || !session) return;
    const start = host.now();
    const allowed = Math.floor(((start - since) / 1000) * itersPerSecond) - itersSince;
    let done = 0;
    while (done < allowed && host.now() - start < sliceMs) {
      const n = Math.min(8, allowed - done);
      const taken = session.run(n);
      done += taken;
      if (taken < n) break;
    }
    itersSince += done;
    const now = host.now();
    if (now - meterTime >= 1000 || (rate === 0 && now - meterTime >= 250)) {
      rate = ((session.iteration - meterIters) * 1000) / (now - meterTime);
      meterTime = now;
      meterIters = session.iteration;
    }
    if (session.diverged) {
      stop();
      post();
      return;
    }
    if (now - lastPost >= SNAPSHOT_MS) post();
    // Below the speed limit's pace: the next iteration is allowed in about this many ms.
    const idle =
      done < allowed || itersPerSecond <= 0
        ? 0
        : Math.max(0, ((itersSince + 1) * 1000) / itersPerSecond - (now - since));
    cancel = host.later(slice, Math.min(idle, SNAPSHOT_MS));
  };
  const slowStep = (which: 'd' | 'g') => {
    if (!session) return;
    fullAt = -Infinity;
    const before = viewOf(session);
    const s = session;
    const beforeDReal = meanD(s, s.viewReal);
    const beforeDFake = meanD(s, before.fake);
    if (which === 'd') s.stepD();
    else s.stepG();
    const after = viewOf(s);
    post(
      {
        which,
        beforeFake: before.fake,
        beforeHeat: before.heat,
        beforeDReal,
        beforeDFake,
        afterDReal: meanD(s, s.viewReal),
        afterDFake: meanD(s, after.fake),
      },
      after,
    );
  };

  return {
    get session() {
      return session;
    },
    handle(msg) {
      try {
        switch (msg.type) {
          case 'init':
            stop();
            run = msg.run;
            itersPerSecond = msg.itersPerSecond;
            session = createSession(msg.settings);
            fullAt = -Infinity;
            rate = 0;
            post();
            break;
          case 'play':
            if (!session || playing || session.diverged) return post();
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
            slowStep(msg.which);
            break;
          case 'set':
            session?.setLive(msg.live);
            if (!playing) post();
            break;
          case 'speed':
            itersPerSecond = msg.itersPerSecond;
            resetClock();
            break;
          case 'dispose':
            stop();
            session = undefined;
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
