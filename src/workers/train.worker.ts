// Training worker entry: parses messages and hands them to the engine in lib/ml; nothing else.
import { createEngine, zeroDelay } from '../lib/ml/engine-host';
import type { ToTrainer } from '../lib/ml/protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const engine = createEngine({
  post: (msg, transfer) => {
    scope.postMessage(msg, transfer ?? []);
  },
  sliceMs: 30,
  defer: zeroDelay,
});

// The one listener, registered once for the worker's life.
scope.addEventListener('message', (event: MessageEvent<ToTrainer>) => {
  const msg = event.data;
  void engine.handle(msg).then(() => {
    if (msg.type === 'dispose') scope.close();
  });
});
