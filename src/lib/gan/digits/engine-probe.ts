// Worker side (no DOM): picks the engine that trains the digits GAN on this device with the
// course's probe (src/lib/ml/engine-probe.ts): 'typed' at once without a hardware GPU (tfjs never
// loads); with one, a few timed iterations of the typed-array session and of a tfjs session
// (both from seed 1, the tfjs one disposed) and the faster is kept.
import {
  probeEngines,
  type EngineProbeDeps,
  type EngineProbeResult,
} from '../../ml/engine-probe.ts';
import { createDigitsSession, type DigitsSessionOptions } from './session.ts';
import { createTfDigitsSession } from './tf-session.ts';

/**
 * Measures about `ms` milliseconds per engine (after two untimed iterations) and chooses. `data`
 * carries the digits' labels, which a conditional spec (the default) needs.
 */
export function probeDigitsEngine(
  data: Pick<DigitsSessionOptions, 'images' | 'count' | 'labels' | 'spec' | 'training'>,
  deps: EngineProbeDeps,
  { ms = 300 }: { ms?: number } = {},
): Promise<EngineProbeResult> {
  const opts = { ...data, seed: 1 };
  return probeEngines(
    {
      typed: () => {
        const s = createDigitsSession(opts);
        return () => void s.run(1);
      },
      onTf: (tf) => {
        const s = createTfDigitsSession(tf, opts);
        return { step: () => void s.run(1), dispose: () => s.dispose?.() };
      },
    },
    deps,
    ms,
  );
}
