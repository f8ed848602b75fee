// Worker entry: lesson 5.1's transfer-learning comparison. Loads the digits CNN trained on 0–4
// and the packed digits once, computes the frozen features of the test digits 5–9, then answers
// runs: for each N, fine-tuned head, from scratch, linear SVM and logistic regression (see
// src/lib/practice/transfer.ts). All training happens here, off the page's main thread.
import { loadDigits } from '../lib/data/digits.ts';
import { loadTrainedCnn, TRAINED_CNN_0TO4_URL } from '../lib/ml/cnn/model-file.ts';
import { prepareTransfer, transferPoint, type TransferPrep } from '../lib/practice/transfer.ts';
import type { FromTransferWorker, ToTransferWorker } from '../lib/practice/transfer-protocol.ts';

let ready: Promise<TransferPrep> | undefined;
/** The newest run's id: an older run stops at its next point. */
let latest = 0;
const post = (m: FromTransferWorker): void => postMessage(m);
const yieldToMessages = () => new Promise<void>((r) => setTimeout(r, 0));

function init(): Promise<TransferPrep> {
  ready ??= (async () => {
    const [trained, digits] = await Promise.all([
      loadTrainedCnn(TRAINED_CNN_0TO4_URL),
      loadDigits(),
    ]);
    const prep = prepareTransfer(trained.spec, trained.weights, digits);
    post({
      type: 'ready',
      sourceAccuracy: trained.meta.testAccuracy,
      testCount: prep.test.index.length,
    });
    return prep;
  })();
  return ready;
}

async function handle(m: ToTransferWorker): Promise<void> {
  if (m.type === 'run') latest = Math.max(latest, m.id);
  const prep = await init();
  if (m.type === 'init') return;
  for (const n of m.ns) {
    await yieldToMessages();
    if (m.id !== latest) return;
    const t0 = performance.now();
    const point = transferPoint(prep, n, m.seed);
    post({ type: 'point', id: m.id, seed: m.seed, point, ms: performance.now() - t0 });
  }
  post({ type: 'done', id: m.id, seed: m.seed });
}

addEventListener('message', (e: MessageEvent<ToTransferWorker>) => {
  handle(e.data).catch((err: unknown) => {
    ready = undefined;
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  });
});
