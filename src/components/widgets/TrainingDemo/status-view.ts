// The training demo's status and text alternatives: Play/Step state, the divergence alert, the
// notice, the seed readout and progress footer; the test-point table and the series of the loss
// chart. Browser only.
import type { BoundControls } from '../shared/controls.ts';
import { renderProgress } from '../shared/progress.ts';
import { renderTable } from '../shared/text-alt.ts';
import type { Series } from '../../../lib/viz/curves.ts';
import { formatNumber } from '../../../lib/viz/scales.ts';
import type { Grid } from '../../../lib/viz/grid.ts';
import type { Point2 } from '../../../lib/ml/datasets.ts';
import type { ProgressMessage } from '../../../lib/ml/protocol.ts';
import { backendLabel } from './model.ts';
import { predictAt } from './view.ts';

export interface StatusInput {
  readonly status: 'idle' | 'loading' | 'ready' | 'playing' | 'diverged' | 'error';
  readonly notice: string;
  readonly seed: number;
  readonly progress: ProgressMessage | null;
  /** The trainer runs on the main thread (no worker). */
  readonly mainThread: boolean;
}

export function renderStatus(
  root: HTMLElement,
  s: StatusInput,
  controls: BoundControls,
  footer: HTMLElement,
): void {
  const p = s.progress;
  root.dataset['status'] = s.status;
  controls.setPlaying(s.status === 'playing');
  controls.setEnabled('play', s.status !== 'diverged');
  controls.setEnabled('step', s.status !== 'diverged');
  const alert = root.querySelector<HTMLElement>('[data-diverged]');
  if (alert) alert.hidden = s.status !== 'diverged';
  const notice = root.querySelector<HTMLElement>('[data-notice]');
  if (notice && notice.textContent !== s.notice) notice.textContent = s.notice;
  const seedOut = root.querySelector('[data-seed-out]');
  if (seedOut) seedOut.textContent = String(s.seed);
  renderProgress(footer, {
    step: p?.step ?? 0,
    epoch: p?.epoch ?? 0,
    ...(p?.testLoss != null ? { loss: p.testLoss } : {}),
    ...(p ? { rate: Math.round(p.examplesPerSec) } : {}),
    backend: p
      ? `${backendLabel(p.backend)}${s.mainThread ? ' (main thread)' : ''}`
      : s.status === 'loading'
        ? 'loading…'
        : '—',
  });
}

/** The test points with their class and (once trained) the predicted class. */
export function renderTestTable(
  table: HTMLTableElement,
  test: readonly Point2[],
  grid: Grid,
  trained: boolean,
): void {
  renderTable(
    table,
    ['Test point', 'x', 'y', 'Class', 'Predicted'],
    test.map((pt, i) => [
      String(i + 1),
      formatNumber(pt.x),
      formatNumber(pt.y),
      pt.label === 1 ? 'B' : 'A',
      trained ? (predictAt(grid, pt.x, pt.y) === 1 ? 'B' : 'A') : '—',
    ]),
  );
}

/** The two loss series of the chart, labelled from the shell's data-label-* props. */
export function lossSeries(
  root: HTMLElement,
  train: Series['points'],
  test: Series['points'],
): Series[] {
  const d = root.dataset;
  return [
    { id: 'train', label: d['labelTrain'] ?? 'train loss', kind: 'train', points: train },
    { id: 'test', label: d['labelTest'] ?? 'test loss', kind: 'test', points: test },
  ];
}
