// Browser: the live pooling explorer (loaded by element.ts). Wiring only: controls → one store →
// canvases and text; the numbers come from src/lib/conv/pooling-explorer.ts.
import { createStore } from '../shared/store.ts';
import { createLiveSummary } from '../shared/text-alt.ts';
import { WIDGET_CHANGE_EVENT } from '../../../lib/quiz/widget-contract.ts';
import { isPresetId, type PresetId } from '../../../lib/conv/kernels.ts';
import type { PoolKind } from '../../../lib/conv/pool.ts';
import {
  computePooling,
  describePooledCell,
  describePooling,
  describeShift,
  type PoolingResult,
  type PoolingSetup,
} from '../../../lib/conv/pooling-explorer.ts';
import { decodeSamples, sampleGrid } from '../../../lib/conv/samples.ts';
import { pct } from '../../../lib/conv/format.ts';
import { clampPosition, sampleDrawing } from '../../../lib/conv/explorer.ts';
import { shiftGrid } from '../../../lib/conv/shift.ts';
import { cellAt, drawGrid, scaleOf, type Box } from '../ConvExplorer/grid-view.ts';
import type { PoolController } from './element.ts';
import { renderMapTable } from '../ConvExplorer/view.ts';
import { asPoolSettings } from '../../../lib/quiz/graders/conv.ts';

interface State extends PoolingSetup {
  readonly digit: number;
  readonly row: number;
  readonly col: number;
}

const pick = <T extends number>(v: string | undefined, options: readonly T[], d: T): T => {
  const n = Number(v) as T;
  return options.includes(n) ? n : d;
};

export function mountPoolExplorer(root: HTMLElement): PoolController {
  const cleanup: Array<() => void> = [];
  const $ = <E extends Element>(sel: string) => root.querySelector<E>(sel);
  const out = (name: string) => $<HTMLElement>(`[data-out="${name}"]`)!;
  const control = (name: string) => $<HTMLSelectElement>(`select[data-control="${name}"]`)!;
  const samples = decodeSamples(root.dataset['samples']);
  const imageOf = (d: number) => {
    const s = samples[d];
    return s ? sampleGrid(s) : sampleDrawing();
  };
  if (samples.length < 10) {
    const err = out('error');
    err.hidden = false;
    err.textContent =
      'The sample digits could not be read from the page, so the explorer shows a drawn 7 instead.';
  }
  const digit = pick(root.dataset['digit'], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 7);
  const presetProp = root.dataset['preset'];
  const preset: PresetId = isPresetId(presetProp) ? presetProp : 'horizontal-edges';
  const store = createStore<State>({
    digit,
    input: imageOf(digit),
    preset,
    kind: root.dataset['kind'] === 'avg' ? 'avg' : 'max',
    window: pick(root.dataset['window'], [2, 3], 2),
    stride: pick(root.dataset['stride'], [1, 2, 3], 2),
    shiftX: 0,
    shiftY: 0,
    row: 0,
    col: 0,
  });
  const canvases = {
    input: $<HTMLCanvasElement>('canvas[data-canvas="input"]')!,
    map: $<HTMLCanvasElement>('canvas[data-canvas="map"]')!,
    pooled: $<HTMLCanvasElement>('canvas[data-canvas="pooled"]')!,
  };
  const pooledHost = $<HTMLElement>('[data-pooled]')!;
  const digitHost = $<HTMLElement>('[data-digit-host]')!;
  const details = $<HTMLDetailsElement>('[data-table-details]')!;
  const mapTable = $<HTMLTableElement>('table[data-map-table]')!;
  const mapHost = $<HTMLElement>('[data-map-host]')!;
  const summary = createLiveSummary(out('summary'), 600);
  cleanup.push(() => summary.dispose());

  let cache: { key: unknown[]; r: PoolingResult } | null = null;
  const resultOf = (s: State): PoolingResult => {
    const key = [s.input, s.preset, s.kind, s.window, s.stride, s.shiftX, s.shiftY];
    if (cache && key.every((k, i) => k === cache!.key[i])) return cache.r;
    cache = { key, r: computePooling(s) };
    return cache.r;
  };

  const render = (s: State): void => {
    const r = resultOf(s);
    const n = r.pooled.width;
    const shifted = s.shiftX || s.shiftY ? shiftGrid(s.input, s.shiftX, s.shiftY) : s.input;
    drawGrid(canvases.input, shifted, 'ink');
    const boxes: Box[] = [];
    if (s.kind === 'max')
      r.argmax.forEach((at, i) => {
        // Windows of zeros (background) have no meaningful maximum: no dot.
        if (!(r.pooled.data[i]! > 0)) return;
        const style = i === s.row * n + s.col ? 'max-current' : 'max';
        boxes.push({
          row: Math.floor(at / r.map.width),
          col: at % r.map.width,
          height: 1,
          width: 1,
          style,
        });
      });
    boxes.push({
      row: s.row * s.stride,
      col: s.col * s.stride,
      height: s.window,
      width: s.window,
      style: 'window',
    });
    const scale = scaleOf(r.map);
    drawGrid(canvases.map, r.map, 'positive', boxes, 0, scale);
    drawGrid(
      canvases.pooled,
      r.pooled,
      'positive',
      [{ row: s.row, col: s.col, height: 1, width: 1, style: 'window' }],
      0,
      scale,
    );
    out('cell').textContent = describePooledCell(s, r, s.row, s.col);
    const moved =
      s.shiftX || s.shiftY ? `, shifted ${s.shiftX} px right and ${s.shiftY} px down` : '';
    digitHost.setAttribute(
      'aria-label',
      `A handwritten ${s.digit} from the MNIST test set${moved}, 28 by 28 pixels.`,
    );
    mapHost.setAttribute(
      'aria-label',
      `Feature map after ReLU, 26 by 26${s.kind === 'max' ? ', with dots where each non-zero maximum came from' : ''}.`,
    );
    out('pooled-size').textContent = `${n} × ${n}`;
    out('formula').textContent = `Pooled size: ⌊(26 − ${s.window}) / ${s.stride}⌋ + 1 = ${n}`;
    out('map-cells').textContent = pct(r.mapChange.cellsChanged);
    out('pool-cells').textContent = pct(r.pooledChange.cellsChanged);
    out('map-total').textContent = pct(r.mapChange.relative);
    out('pool-total').textContent = pct(r.pooledChange.relative);
    out('shift-note').textContent =
      s.shiftX || s.shiftY ? `(shifted ${s.shiftX} right, ${s.shiftY} down)` : '(not shifted)';
    summary.update(`${describePooling(s, r)} ${describeShift(s, r)}`);
    if (details.open) renderMapTable(mapTable, r.pooled);
    for (const [name, v] of [
      ['kind', s.kind],
      ['window', s.window],
      ['stride', s.stride],
      ['digit', s.digit],
      ['preset', s.preset],
      ['dx', s.shiftX],
      ['dy', s.shiftY],
    ] as const)
      control(name).value = String(v);
  };
  // Start on the strongest pooled value, so the first view shows a real maximum and its source.
  {
    const pooled = resultOf(store.get()).pooled;
    let best = 0;
    pooled.data.forEach((v, i) => {
      if (v > pooled.data[best]!) best = i;
    });
    store.set({ row: Math.floor(best / pooled.width), col: best % pooled.width });
  }
  cleanup.push(store.subscribe(render, { immediate: true }));
  summary.flush();

  const changed = (): void => {
    root.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
  };
  const on = <K extends keyof HTMLElementEventMap>(
    el: HTMLElement,
    type: K,
    fn: (e: HTMLElementEventMap[K]) => void,
  ): void => {
    el.addEventListener(type, fn);
    cleanup.push(() => el.removeEventListener(type, fn));
  };
  const set = (patch: Partial<State>): void => {
    store.set(patch);
    const s = store.get();
    store.set(clampPosition(s.row, s.col, resultOf(s).pooled.width));
    changed();
  };
  on(control('kind'), 'change', () => set({ kind: control('kind').value as PoolKind }));
  on(control('window'), 'change', () => set({ window: Number(control('window').value) }));
  on(control('stride'), 'change', () => set({ stride: Number(control('stride').value) }));
  on(control('digit'), 'change', () => {
    const d = Number(control('digit').value);
    set({ digit: d, input: imageOf(d) });
  });
  on(control('preset'), 'change', () => {
    const p = control('preset').value;
    if (isPresetId(p)) set({ preset: p });
  });
  on(control('dx'), 'change', () => set({ shiftX: Number(control('dx').value) }));
  on(control('dy'), 'change', () => set({ shiftY: Number(control('dy').value) }));
  on(pooledHost, 'keydown', (e) => {
    const s = store.get();
    const n = resultOf(s).pooled.width;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [s.row - 1, s.col],
      ArrowDown: [s.row + 1, s.col],
      ArrowLeft: [s.row, s.col - 1],
      ArrowRight: [s.row, s.col + 1],
      Home: [0, 0],
      End: [n - 1, n - 1],
    };
    const to = moves[e.key];
    if (!to) return;
    e.preventDefault();
    set(clampPosition(to[0], to[1], n));
  });
  const hover = (e: PointerEvent): void => {
    const { row, col } = cellAt(canvases.pooled, e.clientX, e.clientY);
    const s = store.get();
    const n = resultOf(s).pooled.width;
    if (row >= 0 && col >= 0 && row < n && col < n && (row !== s.row || col !== s.col))
      set({ row, col });
  };
  on(details, 'toggle', () => {
    if (details.open) renderMapTable(mapTable, resultOf(store.get()).pooled);
  });
  on(pooledHost, 'pointermove', hover);
  on(pooledHost, 'pointerdown', hover);

  return {
    quizState() {
      const s = store.get();
      const r = resultOf(s);
      return {
        kind: s.kind,
        window: s.window,
        stride: s.stride,
        mapSize: r.map.width,
        pooledSize: r.pooled.width,
        digit: s.digit,
        preset: s.preset,
        shiftX: s.shiftX,
        shiftY: s.shiftY,
        row: s.row,
        col: s.col,
        mapChange: r.mapChange.relative,
        pooledChange: r.pooledChange.relative,
      };
    },
    restore(state) {
      const q = asPoolSettings(state);
      if (!q || typeof state !== 'object' || state === null || Array.isArray(state)) return false;
      const o = state as Record<string, unknown>;
      const int = (v: unknown, lo: number, hi: number) =>
        typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi ? v : undefined;
      const digit = int(o['digit'], 0, 9);
      const shiftX = int(o['shiftX'], -2, 2);
      const shiftY = int(o['shiftY'], -2, 2);
      const p = o['preset'];
      if (digit === undefined || shiftX === undefined || shiftY === undefined || !isPresetId(p))
        return false;
      if (![2, 3].includes(q.window) || ![1, 2, 3].includes(q.stride)) return false;
      set({
        kind: q.kind,
        window: q.window,
        stride: q.stride,
        digit,
        input: imageOf(digit),
        preset: p,
        shiftX,
        shiftY,
      });
      const n = resultOf(store.get()).pooled.width;
      store.set(clampPosition(Number(o['row']) || 0, Number(o['col']) || 0, n));
      return true;
    },
    dispose() {
      for (const f of cleanup.splice(0)) f();
    },
  };
}
