// The digits GAN's training worker: a thin shell around createDigitsRunner
// (src/lib/gan/digits/runner.ts). It trains in ~15 ms slices and yields between them so messages
// (pause, load) get through; it fetches the digits, the classifier and the shipped generator.
import { loadDigits } from '../lib/data/digits.ts';
import { loadTrainedCnn } from '../lib/ml/cnn/model-file.ts';
import { shrinkDigits } from '../lib/gan/digits/image.ts';
import { loadTrainedGan } from '../lib/gan/digits/model-file.ts';
import type { FromDigitsRunner, ToDigitsRunner } from '../lib/gan/digits/protocol.ts';
import { createDigitsRunner } from '../lib/gan/digits/runner.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const base = new URL('/', scope.location.href).href;

const runner = createDigitsRunner(
  {
    post: (message: FromDigitsRunner, transfer) => scope.postMessage(message, transfer),
    now: () => performance.now(),
    later: (fn) => {
      const t = setTimeout(fn, 0);
      return () => clearTimeout(t);
    },
    loadData: async () => {
      const { train } = await loadDigits(new URL('data/digits.bin', base).href);
      return { images: shrinkDigits(train.images, train.count), count: train.count };
    },
    loadClassifier: () => loadTrainedCnn(new URL('models/digits-cnn/', base).href),
    loadTrained: async () => {
      const { meta, weights } = await loadTrainedGan(new URL('models/gan-digits/', base).href);
      return { weights, iterations: meta.training.iterations };
    },
  },
  { sliceMs: 15 },
);

// Messages are handled one after another (init awaits its downloads before play runs).
let queue = Promise.resolve();
scope.addEventListener('message', (e: MessageEvent<ToDigitsRunner>) => {
  queue = queue.then(() => runner.handle(e.data));
});
