// The CNN trainer's readouts (epoch, batch, loss, test accuracy, examples/s, backend) and the one
// sentence that sums up a run for the chart's text alternative.
import type { ModelKind } from '../../../lib/cnn-trainer/model.ts';
import type { Progress } from '../../../lib/cnn-trainer/protocol.ts';

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

/** Writes the readouts; unchanged text is not rewritten. */
export function readouts(
  root: HTMLElement,
  p: Progress | null,
  status: string,
  mode: 'worker' | 'main' | undefined,
): void {
  const set = (name: string, text: string) => {
    const el = root.querySelector<HTMLElement>(`[data-out="${name}"]`);
    if (el && el.textContent !== text) el.textContent = text;
  };
  set('epoch', p ? p.epoch.toFixed(2) : '0');
  set('batch', p ? p.batch.toLocaleString('en') : '0');
  set('loss', p && Number.isFinite(p.trainLoss) ? p.trainLoss.toFixed(3) : '–');
  set('accuracy', p?.testAccuracy != null ? pct(p.testAccuracy) : '–');
  set('rate', p ? Math.round(p.examplesPerSecond).toLocaleString('en') : '0');
  set(
    'backend',
    p
      ? `${p.backend}, ${mode === 'main' ? 'main thread' : 'worker'}`
      : status === 'loading'
        ? 'loading…'
        : 'not started',
  );
}

/** "The CNN (trained weights) is at 98.6% test accuracy after 0.00 epochs." plus the curves. */
export function describeProgress(p: Progress | null, kind: ModelKind, curves: string): string {
  if (!p) return 'No training yet: press Play, or load the trained network.';
  const name = kind === 'cnn' ? 'The convolutional network' : 'The dense network';
  const acc = p.testAccuracy != null ? `${pct(p.testAccuracy)} test accuracy` : 'not yet evaluated';
  const how = p.trained ? ' (trained weights loaded)' : '';
  const when =
    p.trained && p.batch === 0
      ? ''
      : ` after ${p.epoch.toFixed(2)} epochs, ${p.seconds.toFixed(1)} s of training`;
  return `${name}${how}: ${acc}${when}. ${curves}`;
}
