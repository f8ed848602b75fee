// Workers: what the engine probe (src/lib/ml/engine-probe.ts) needs from a real browser: device
// facts, tfjs switched to a GPU backend (loaded only when the probe asks), and a clock. Shared by
// the LSTM and digits-GAN workers.
import type { EngineProbeDeps } from '../lib/ml/engine-probe.ts';

export async function gpuProbeDeps(): Promise<EngineProbeDeps> {
  const tfm = await import('../lib/ml/tf.ts');
  return {
    detect: tfm.detectDevice,
    tfOn: async (name) => {
      const tf = await tfm.importTf();
      return (await tfm.setTfBackend(tf, name)) ? tf : null;
    },
    now: () => performance.now(),
  };
}
