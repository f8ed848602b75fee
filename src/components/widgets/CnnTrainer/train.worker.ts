// The CNN trainer's worker: a thin shell around createRunner (src/lib/cnn-trainer/runner.ts).
// Messages are handled one after another; training runs in ~25 ms slices between them.
import { createRunner } from '../../../lib/cnn-trainer/runner.ts';
import type { FromRunner, ToRunner } from '../../../lib/cnn-trainer/protocol.ts';
import { engineHost } from './engines-host.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const runner = createRunner(
  engineHost({
    post: (message: FromRunner, transfer: Transferable[] = []) =>
      scope.postMessage(message, transfer),
    later: (fn) => {
      const t = setTimeout(fn, 0);
      return () => clearTimeout(t);
    },
  }),
  25,
);

let chain = Promise.resolve();
scope.addEventListener('message', (e: MessageEvent<ToRunner>) => {
  const msg = e.data;
  chain = chain.then(() => runner.handle(msg));
});
