// The runner's host in a browser (worker or main thread): fetches the digits and the trained model,
// creates the models. Everything heavy is a dynamic import so the page loads it only on use.
import type { RunnerHost } from '../../../lib/cnn-trainer/runner.ts';

export function engineHost(io: Pick<RunnerHost, 'post' | 'later'>): RunnerHost {
  return {
    ...io,
    now: () => performance.now(),
    loadData: async (url) => (await import('../../../lib/data/digits.ts')).loadDigits(url),
    createModel: async (kind, seed) =>
      (await import('../../../lib/cnn-trainer/engines.ts')).createDigitModel(kind, seed),
    loadTrained: async (url) =>
      (await import('../../../lib/cnn-trainer/engines.ts')).loadTrainedWeights(url),
  };
}
