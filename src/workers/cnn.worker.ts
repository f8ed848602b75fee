// The digits CNN's worker: a thin shell around createCnnRunner (src/lib/ml/cnn/runner.ts). The
// same script serves as the primary trainer or as its gradient helper (message 'helper').
import { loadDigits } from '../lib/data/digits.ts';
import type { ToCnnWorker } from '../lib/ml/cnn/protocol.ts';
import { createCnnRunner } from '../lib/ml/cnn/runner.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** Next task without setTimeout's 4 ms clamp. */
function soon(fn: () => void): void {
  const ch = new MessageChannel();
  ch.port1.onmessage = () => {
    ch.port1.close();
    fn();
  };
  ch.port2.postMessage(null);
}

const runner = createCnnRunner({
  post: (msg, transfer) => scope.postMessage(msg, transfer ?? []),
  loadDigits,
  later: soon,
  sliceMs: 25,
});

let chain = Promise.resolve();
scope.addEventListener('message', (e: MessageEvent<ToCnnWorker>) => {
  const msg = e.data;
  chain = chain.then(() => runner.handle(msg));
});
