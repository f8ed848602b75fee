// Pure: no DOM. A 2-D GAN training run from a setup: the networks, the seeded random streams, the
// target sampler, the fixed noise whose images the view draws, and the history of losses and
// D outputs. The worker's runner and the tests drive it; the view only sees its snapshots.
import type { ActivationName } from '../ml/dense/activations.ts';
import { createRng, type Rng } from '../ml/rng.ts';
import {
  createGan,
  discriminatorStep,
  generatorStep,
  type Gan,
  type GeneratorLoss,
} from './gan.ts';
import { BATCH, decodePoints, type GanSettings } from './settings.ts';
import { samplerFor, sampleTarget, type Sampler, type TargetId } from './targets.ts';

/** One recorded point of the history: means over the iterations since the previous record. */
export interface HistoryPoint {
  iteration: number;
  dLoss: number;
  gLoss: number;
  dReal: number;
  dFake: number;
}

/** The history keeps at most this many points (older ones are thinned by half). */
export const MAX_HISTORY = 400;

export interface Session {
  readonly settings: GanSettings;
  readonly gan: Gan;
  readonly sampler: Sampler;
  /** Fixed noise vectors (VIEW_POINTS × noiseDim) whose images G(z) the view draws. */
  readonly viewNoise: Float32Array;
  /** A fixed sample of the target (VIEW_POINTS points) for the view and the distance. */
  readonly viewReal: Float32Array;
  iteration: number;
  readonly history: HistoryPoint[];
  diverged: boolean;
  /** Runs n iterations (k D steps, then one G step each); returns how many ran. */
  run(n: number): number;
  /** Slow motion: exactly one discriminator update. */
  stepD(): void;
  /** Slow motion: exactly one generator update. */
  stepG(): void;
  /** Changes the learning rates, k or the loss without restarting. */
  setLive(live: Partial<Pick<GanSettings, 'lrD' | 'lrG' | 'k' | 'loss'>>): void;
}

/** Points drawn in the view (generated and real). */
export const VIEW_POINTS = 256;

export function createSession(settings: GanSettings): Session {
  const s = { ...settings };
  const init = createRng(s.seed);
  const gan = createGan(
    {
      noiseDim: s.noise,
      dataDim: 2,
      genHidden: s.gen,
      discHidden: s.disc,
      activation: s.act as ActivationName,
    },
    s.opt as 'adam',
    () => init.next(),
  );
  const viewRng = createRng(s.seed ^ 0x5bd1e995);
  const viewNoise = new Float32Array(VIEW_POINTS * s.noise);
  for (let i = 0; i < viewNoise.length; i++) viewNoise[i] = viewRng.normal();
  const sampler = samplerFor(s.target as TargetId, decodePoints(s.pts));
  const viewReal = sampleTarget(sampler, viewRng, VIEW_POINTS);
  const rng: Rng = createRng(s.seed + 1);
  const real = new Float32Array(BATCH * 2);
  const history: HistoryPoint[] = [];
  let stride = 1;
  let acc = { n: 0, dLoss: 0, gLoss: 0, dReal: 0, dFake: 0 };

  const record = (it: number) => {
    if (acc.n === 0) return;
    history.push({
      iteration: it,
      dLoss: acc.dLoss / acc.n,
      gLoss: acc.gLoss / acc.n,
      dReal: acc.dReal / acc.n,
      dFake: acc.dFake / acc.n,
    });
    acc = { n: 0, dLoss: 0, gLoss: 0, dReal: 0, dFake: 0 };
    if (history.length > MAX_HISTORY) {
      // Keep every other point and record half as often from now on.
      for (let i = 0; i < history.length / 2; i++) history[i] = history[2 * i]!;
      history.length = Math.ceil(history.length / 2);
      stride *= 2;
    }
  };
  const dStep = () => {
    for (let i = 0; i < BATCH; i++) sampler(rng, real, 2 * i);
    return discriminatorStep(gan, real, BATCH, s.lrD, rng);
  };
  const gStep = () => generatorStep(gan, BATCH, s.loss as GeneratorLoss, s.lrG, rng);
  const check = (a: number, b = 0) => {
    if (!Number.isFinite(a) || !Number.isFinite(b)) session.diverged = true;
  };

  const session: Session = {
    settings: s,
    gan,
    sampler,
    viewNoise,
    viewReal,
    iteration: 0,
    history,
    diverged: false,
    run(n) {
      let done = 0;
      while (done < n && !session.diverged) {
        let d = dStep();
        for (let j = 1; j < s.k; j++) d = dStep();
        const g = gStep();
        check(d.loss, g.loss);
        session.iteration++;
        done++;
        acc.n++;
        acc.dLoss += d.loss;
        acc.gLoss += g.loss;
        acc.dReal += d.dReal;
        acc.dFake += d.dFake;
        if (session.iteration % (10 * stride) === 0) record(session.iteration);
      }
      return done;
    },
    stepD() {
      const d = dStep();
      check(d.loss);
      history.push({
        iteration: session.iteration,
        dLoss: d.loss,
        gLoss: NaN,
        dReal: d.dReal,
        dFake: d.dFake,
      });
    },
    stepG() {
      const g = gStep();
      check(g.loss);
      session.iteration++;
      history.push({
        iteration: session.iteration,
        dLoss: NaN,
        gLoss: g.loss,
        dReal: NaN,
        dFake: g.dFake,
      });
    },
    setLive(live) {
      if (live.lrD !== undefined) s.lrD = live.lrD;
      if (live.lrG !== undefined) s.lrG = live.lrG;
      if (live.k !== undefined) s.k = live.k;
      if (live.loss !== undefined) s.loss = live.loss;
    },
  };
  return session;
}
