// The digits GAN's worker, as seen from the element. Browser only. Training never runs on the main
// thread: without workers the widget says so and shows nothing but the static text.
import type { FromDigitsRunner, ToDigitsRunner } from '../../../lib/gan/digits/protocol.ts';

export interface DigitsClient {
  send(message: ToDigitsRunner): void;
  dispose(): void;
}

export function createDigitsClient(onMessage: (m: FromDigitsRunner) => void): DigitsClient | null {
  if (typeof Worker === 'undefined') return null;
  const worker = new Worker(new URL('../../../workers/gan-digits.worker.ts', import.meta.url), {
    type: 'module',
  });
  const listener = (e: MessageEvent<FromDigitsRunner>) => onMessage(e.data);
  worker.addEventListener('message', listener);
  return {
    send: (m) => worker.postMessage(m),
    dispose: () => {
      worker.removeEventListener('message', listener);
      worker.terminate();
    },
  };
}
