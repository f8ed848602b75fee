// Browser: the live convolution explorer (loaded by element.ts). Wiring only: controls → one
// store → canvases and text. The numbers come from src/lib/conv (conv2d, windowAt).
import { createStore } from '../shared/store.ts';
import { createLiveSummary } from '../shared/text-alt.ts';
import { WIDGET_CHANGE_EVENT } from '../../../lib/quiz/widget-contract.ts';
import {
  clampPosition,
  computeMaps,
  currentWindow,
  describeMaps,
  describeWindow,
  INPUT_SIZE,
  paint,
  rounded,
  sampleDrawing,
  sizeFormula,
  stepPosition,
  type ConvResult,
  type ConvState,
} from '../../../lib/conv/explorer.ts';
import { makeGrid, type Grid } from '../../../lib/conv/grid.ts';
import { fmt } from '../../../lib/conv/format.ts';
import { parseTyped } from '../../../lib/conv/format.ts';
import {
  isPresetId,
  matchPreset,
  presetKernel,
  type KernelSize,
  type PresetId,
} from '../../../lib/conv/kernels.ts';
import { decodeSamples, sampleGrid, type SampleDigit } from '../../../lib/conv/samples.ts';
import { cellAt, drawGrid, pointAt, scaleOf } from './grid-view.ts';
import { renderKernelInputs, renderMapTable, renderProducts } from './view.ts';
import type { ConvController } from './element.ts';
import { asConvSettings } from '../../../lib/quiz/graders/conv.ts';

type Source = number | 'drawing';
interface State extends ConvState {
  readonly source: Source;
  readonly preset: PresetId | 'custom';
  /** Keyboard pen on the drawing (input coordinates). */
  readonly pen: { r: number; c: number };
  /** Bumped when the drawing changes in place. */
  readonly version: number;
}

const int = (v: string | undefined, options: readonly number[], d: number): number => {
  const n = Number(v);
  return options.includes(n) ? n : d;
};

export function mountConvExplorer(root: HTMLElement): ConvController {
  const cleanup: Array<() => void> = [];
  const $ = <E extends Element>(sel: string) => root.querySelector<E>(sel);
  const samples: SampleDigit[] = decodeSamples(root.dataset['samples']);
  const drawing = sampleDrawing();
  const errorEl = $<HTMLElement>('[data-out="error"]')!;
  const say = (msg: string): void => {
    errorEl.hidden = !msg;
    errorEl.textContent = msg;
  };

  const imageOf = (src: Source): Grid => {
    if (src === 'drawing') return drawing;
    const s = samples[src];
    return s ? sampleGrid(s) : drawing;
  };
  const size = int(root.dataset['size'], [3, 5], 3) as KernelSize;
  const presetProp = root.dataset['preset'];
  const preset: PresetId = isPresetId(presetProp) ? presetProp : 'horizontal-edges';
  let source: Source =
    root.dataset['input'] === 'drawing'
      ? 'drawing'
      : int(root.dataset['input'], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 7);
  if (source !== 'drawing' && !samples[source]) {
    say(
      'The sample digits could not be read from the page, so the explorer shows a drawing instead.',
    );
    source = 'drawing';
  }
  const store = createStore<State>({
    source,
    input: imageOf(source),
    kernel: presetKernel(preset, size),
    preset,
    stride: int(root.dataset['stride'], [1, 2, 3], 1),
    padding: int(root.dataset['padding'], [0, 1, 2], 0),
    row: 0,
    col: 0,
    pen: { r: 14, c: 14 },
    version: 0,
  });

  const canvases = {
    input: $<HTMLCanvasElement>('canvas[data-canvas="input"]')!,
    before: $<HTMLCanvasElement>('canvas[data-canvas="before"]')!,
    after: $<HTMLCanvasElement>('canvas[data-canvas="after"]')!,
  };
  const pad = $<HTMLElement>('[data-pad-host="input"]')!;
  const maps = [...root.querySelectorAll<HTMLElement>('[data-map]')];
  const out = (name: string) => $<HTMLElement>(`[data-out="${name}"]`)!;
  const products = $<HTMLTableElement>('table[data-products]')!;
  const kernelHost = $<HTMLElement>('[data-kernel]')!;
  const details = $<HTMLDetailsElement>('[data-table-details]')!;
  const mapTable = $<HTMLTableElement>('table[data-map-table]')!;
  const drawPanel = $<HTMLElement>('[data-draw]')!;
  const control = (name: string) => $<HTMLSelectElement>(`select[data-control="${name}"]`)!;
  const summary = createLiveSummary(out('summary'), 600);
  cleanup.push(() => summary.dispose());

  let cache: { key: unknown[]; result: ConvResult } | null = null;
  const mapsOf = (s: State): ConvResult => {
    const key = [s.input, s.kernel, s.stride, s.padding, s.version];
    if (cache && key.every((k, i) => k === cache!.key[i])) return cache.result;
    cache = { key, result: computeMaps(s) };
    return cache.result;
  };

  const render = (s: State, prev: State): void => {
    const r = mapsOf(s);
    const k = s.kernel.height;
    const w = currentWindow(s);
    const drawingMode = s.source === 'drawing';
    drawGrid(
      canvases.input,
      s.input,
      'ink',
      [
        { row: w.top, col: w.left, height: k, width: k, style: 'window' },
        ...(drawingMode
          ? [{ row: s.pen.r, col: s.pen.c, height: 1, width: 1, style: 'focus' as const }]
          : []),
      ],
      s.padding,
    );
    const scale = scaleOf(r.before);
    const focus = [{ row: s.row, col: s.col, height: 1, width: 1, style: 'window' as const }];
    drawGrid(canvases.before, r.before, 'diverging', focus, 0, scale);
    drawGrid(canvases.after, r.after, 'positive', focus, 0, scale);
    out('window').textContent = describeWindow(s);
    renderProducts(products, w.terms, k);
    out('sum').textContent =
      `Sum of the ${k * k} products: ${fmt(w.sum)}. After ReLU: ${w.sum > 0 ? fmt(w.sum) : '0'}.`;
    out('formula').textContent = `Output size: ${sizeFormula(s)}`;
    out('map-size').textContent = `${r.size} × ${r.size}`;
    out('in-size').textContent =
      s.padding > 0
        ? `${INPUT_SIZE} × ${INPUT_SIZE}, padded to ${INPUT_SIZE + 2 * s.padding}`
        : `${INPUT_SIZE} × ${INPUT_SIZE}`;
    out('input-note').textContent = drawingMode
      ? 'Window: pink square. Dashed square: keyboard pen.'
      : 'Window: pink square. Grey dots: zero padding.';
    summary.update(describeMaps(s, r));
    if (details.open) renderMapTable(mapTable, r.before);
    if (s.kernel !== prev.kernel || s === prev)
      renderKernelInputs(kernelHost, s.kernel, root.ownerDocument.activeElement);
    control('preset').value = s.preset;
    control('size').value = String(k);
    control('input').value = String(s.source);
    control('stride').value = String(s.stride);
    control('padding').value = String(s.padding);
    drawPanel.hidden = !drawingMode;
    const label = drawingMode
      ? 'Drawing pad, 28 by 28. Arrow keys move the pen; Space inks, X erases, C clears.'
      : `Input: a handwritten ${String(s.source)} from the MNIST test set (example ${(samples[s.source]?.index ?? 0) + 1}), 28 by 28 pixels.`;
    pad.setAttribute('aria-label', label);
    pad.setAttribute('role', drawingMode ? 'application' : 'img');
    if (drawingMode) pad.tabIndex = 0;
    else pad.removeAttribute('tabindex');
  };
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
  const moveTo = (row: number, col: number): void => {
    const n = mapsOf(store.get()).size;
    store.set(clampPosition(row, col, n));
    changed();
  };
  const resettle = (patch: Partial<State>): void => {
    store.set(patch);
    const s = store.get();
    store.set(clampPosition(s.row, s.col, mapsOf(s).size));
    changed();
  };

  on(control('input'), 'change', () => {
    const v = control('input').value;
    const src: Source = v === 'drawing' ? 'drawing' : Number(v);
    store.set({ source: src, input: imageOf(src) });
    changed();
  });
  on(control('size'), 'change', () => {
    const k = Number(control('size').value) as KernelSize;
    const s = store.get();
    const base: PresetId = s.preset === 'custom' ? 'identity' : s.preset;
    resettle({ kernel: presetKernel(base, k), preset: base });
  });
  on(control('preset'), 'change', () => {
    const p = control('preset').value;
    if (isPresetId(p))
      resettle({ kernel: presetKernel(p, store.get().kernel.height as KernelSize), preset: p });
  });
  on(control('stride'), 'change', () => resettle({ stride: Number(control('stride').value) }));
  on(control('padding'), 'change', () => resettle({ padding: Number(control('padding').value) }));
  on(kernelHost, 'input', (e) => {
    const el = e.target;
    if (!(el instanceof HTMLInputElement) || el.dataset['weight'] === undefined) return;
    const v = parseTyped(el.value);
    if (!Number.isFinite(v) || Math.abs(v) > 1000) {
      el.setAttribute('aria-invalid', 'true');
      return;
    }
    el.removeAttribute('aria-invalid');
    const s = store.get();
    const kernel = makeGrid(s.kernel.height, s.kernel.width, s.kernel.data);
    kernel.data[Number(el.dataset['weight'])] = v;
    store.set({ kernel, preset: matchPreset(kernel) ?? 'custom' });
    changed();
  });
  on(kernelHost, 'focusout', () => renderKernelInputs(kernelHost, store.get().kernel, null));

  const step = (dir: 1 | -1): void => {
    const s = store.get();
    store.set(stepPosition(s.row, s.col, mapsOf(s).size, dir));
    changed();
  };
  on($<HTMLButtonElement>('[data-action="prev"]')!, 'click', () => step(-1));
  on($<HTMLButtonElement>('[data-action="next"]')!, 'click', () => step(1));
  for (const b of root.querySelectorAll<HTMLButtonElement>(
    '[data-action="prev"],[data-action="next"]',
  ))
    b.disabled = false;
  for (const m of maps) {
    on(m, 'keydown', (e) => {
      const s = store.get();
      const n = mapsOf(s).size;
      const moves: Record<string, [number, number]> = {
        ArrowUp: [s.row - 1, s.col],
        ArrowDown: [s.row + 1, s.col],
        ArrowLeft: [s.col === 0 ? s.row : s.row, s.col - 1],
        ArrowRight: [s.row, s.col + 1],
        PageUp: [s.row - 5, s.col],
        PageDown: [s.row + 5, s.col],
        Home: [0, 0],
        End: [n - 1, n - 1],
      };
      const to = moves[e.key];
      if (!to) return;
      e.preventDefault();
      moveTo(to[0], to[1]);
    });
    const canvas = m.querySelector('canvas')!;
    const hover = (e: PointerEvent): void => {
      const { row, col } = cellAt(canvas, e.clientX, e.clientY);
      const s = store.get();
      const n = mapsOf(s).size;
      if (row >= 0 && col >= 0 && row < n && col < n && (row !== s.row || col !== s.col))
        moveTo(row, col);
    };
    on(m, 'pointermove', hover);
    on(m, 'pointerdown', hover);
  }

  // Drawing: pointer strokes and a keyboard pen.
  const inkAt = (r: number, c: number, amount: 1 | -1): void => {
    paint(drawing, r, c, amount);
    store.set((s) => ({ version: s.version + 1 }));
    changed();
  };
  let drawingNow = false;
  on(pad, 'pointerdown', (e) => {
    if (store.get().source !== 'drawing') return;
    drawingNow = true;
    pad.setPointerCapture(e.pointerId);
    const p = pointAt(canvases.input, e.clientX, e.clientY, store.get().padding);
    inkAt(p.r, p.c, e.button === 2 || e.shiftKey ? -1 : 1);
  });
  on(pad, 'pointermove', (e) => {
    if (!drawingNow) return;
    const p = pointAt(canvases.input, e.clientX, e.clientY, store.get().padding);
    inkAt(p.r, p.c, e.shiftKey ? -1 : 1);
  });
  const stop = (): void => {
    drawingNow = false;
  };
  on(pad, 'pointerup', stop);
  on(pad, 'pointercancel', stop);
  on(pad, 'keydown', (e) => {
    const s = store.get();
    if (s.source !== 'drawing' || e.ctrlKey || e.metaKey || e.altKey) return;
    const clamp = (v: number) => Math.min(Math.max(v, 0), INPUT_SIZE - 1);
    const d: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const mv = d[e.key];
    if (mv) store.set({ pen: { r: clamp(s.pen.r + mv[0]), c: clamp(s.pen.c + mv[1]) } });
    else if (e.key === ' ' || e.key === 'Enter') inkAt(s.pen.r, s.pen.c, 1);
    else if (e.key.toLowerCase() === 'x') inkAt(s.pen.r, s.pen.c, -1);
    else if (e.key.toLowerCase() === 'c') clear();
    else return;
    e.preventDefault();
  });
  const clear = (): void => {
    drawing.data.fill(0);
    store.set((s) => ({ version: s.version + 1 }));
    changed();
  };
  on($<HTMLButtonElement>('[data-action="clear"]')!, 'click', clear);
  on(details, 'toggle', () => {
    if (details.open) renderMapTable(mapTable, mapsOf(store.get()).before);
  });

  return {
    quizState() {
      const s = store.get();
      const w = currentWindow(s);
      return {
        source: s.source === 'drawing' ? 'drawing' : `digit-${s.source}`,
        inputSize: INPUT_SIZE,
        input: rounded(s.input),
        kernelSize: s.kernel.height,
        kernel: Array.from(s.kernel.data),
        preset: s.preset,
        stride: s.stride,
        padding: s.padding,
        row: s.row,
        col: s.col,
        sum: w.sum,
      };
    },
    restore(state) {
      const q = asConvSettings(state);
      if (!q || typeof state !== 'object' || state === null || Array.isArray(state)) return false;
      const o = state as Record<string, unknown>;
      if (q.inputSize !== INPUT_SIZE || ![3, 5].includes(q.kernelSize)) return false;
      let source: Source = 'drawing';
      const m = /^digit-(\d)$/.exec(String(o['source']));
      if (m && samples[Number(m[1])]) source = Number(m[1]);
      else if (o['source'] !== 'drawing') return false;
      if (source === 'drawing') {
        const input = o['input'];
        if (!Array.isArray(input) || input.length !== drawing.data.length) return false;
        input.forEach(
          (v, i) => (drawing.data[i] = typeof v === 'number' ? Math.min(Math.max(v, 0), 1) : 0),
        );
      }
      const preset = o['preset'];
      store.set((s) => ({
        source,
        input: imageOf(source),
        kernel: q.kernel,
        preset: isPresetId(preset) ? preset : (matchPreset(q.kernel) ?? 'custom'),
        stride: q.stride,
        padding: q.padding,
        version: s.version + 1,
      }));
      const n = mapsOf(store.get()).size;
      store.set(clampPosition(Number(o['row']) || 0, Number(o['col']) || 0, n));
      renderKernelInputs(kernelHost, store.get().kernel, null);
      return true;
    },
    maps() {
      const r = mapsOf(store.get());
      return { size: r.size, before: Array.from(r.before.data), after: Array.from(r.after.data) };
    },
    dispose() {
      for (const f of cleanup.splice(0)) f();
    },
  };
}
