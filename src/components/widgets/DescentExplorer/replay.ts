// The Descent Explorer's replay: Play animates the path update by update (REPLAY_RATE updates per
// second at 1×, times the speed menu), stopping at the end. Browser only.
import type { Store } from '../shared/store.ts';
import type { ExplorerSettings } from '../../../lib/ml/descent/settings.ts';

/** Replay speed at 1×, in updates per second. */
const REPLAY_RATE = 15;

export interface ReplayState {
  readonly settings: ExplorerSettings;
  /** updates shown by the replay (settings.steps = the whole path) */
  readonly shown: number;
  readonly playing: boolean;
  readonly speed: number;
}

export interface Replay {
  play(): void;
  pause(): void;
  step(): void;
  dispose(): void;
}

export function createReplay(store: Store<ReplayState>): Replay {
  let frame = 0;
  let lastTime = 0;
  const tick = (now: number) => {
    const st = store.get();
    if (!st.playing) return;
    const dt = lastTime ? Math.min(now - lastTime, 100) : 16;
    lastTime = now;
    const shown = st.shown + (dt / 1000) * REPLAY_RATE * st.speed;
    if (shown >= st.settings.steps) store.set({ shown: st.settings.steps, playing: false });
    else {
      store.set({ shown });
      frame = requestAnimationFrame(tick);
    }
  };
  return {
    play: () => {
      const st = store.get();
      store.set({ playing: true, shown: st.shown >= st.settings.steps ? 0 : st.shown });
      lastTime = 0;
      frame = requestAnimationFrame(tick);
    },
    pause: () => store.set({ playing: false, shown: Math.floor(store.get().shown) }),
    step: () => {
      const st = store.get();
      const cur = Math.floor(st.shown);
      store.set({ playing: false, shown: cur >= st.settings.steps ? 1 : cur + 1 });
    },
    dispose: () => cancelAnimationFrame(frame),
  };
}
