// Pure: no DOM. Graders for the convolution and pooling lessons. They read the settings from the
// explorers' quizState() and recompute everything themselves (edge responses, output sizes,
// window sums), so a number the widget displays is never trusted.
import type { Grader, GraderParams } from './types.ts';
import { outputSize, windowAt } from '../../conv/conv2d.ts';
import { makeGrid, type Grid } from '../../conv/grid.ts';
import { edgeResponse, matchPreset } from '../../conv/kernels.ts';
import { fmt } from '../../conv/format.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const int = (v: unknown, lo: number, hi: number): number | undefined =>
  typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi ? v : undefined;
const nums = (v: unknown, n: number): number[] | undefined =>
  Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'number' && Number.isFinite(x))
    ? (v as number[])
    : undefined;

/** The convolution explorer's settings, narrowed from an untrusted state. */
export interface ConvSettings {
  inputSize: number;
  kernelSize: number;
  kernel: Grid;
  stride: number;
  padding: number;
}

export function asConvSettings(state: unknown): ConvSettings | undefined {
  if (!isObj(state)) return undefined;
  const inputSize = int(state['inputSize'], 1, 64);
  const kernelSize = int(state['kernelSize'], 1, 7);
  const stride = int(state['stride'], 1, 5);
  const padding = int(state['padding'], 0, 5);
  if (!inputSize || !kernelSize || !stride || padding === undefined) return undefined;
  const k = nums(state['kernel'], kernelSize * kernelSize);
  if (!k) return undefined;
  return { inputSize, kernelSize, kernel: makeGrid(kernelSize, kernelSize, k), stride, padding };
}

const notLoaded = { pass: false, feedback: 'The explorer has no settings to check yet.' };

/** Passes when the kernel answers a horizontal (or vertical) edge and ignores the rest. */
export const convEdgeKernel: Grader = {
  description:
    'ConvExplorer: the kernel responds to edges of params.orientation ("horizontal" or "vertical") at least params.ratio (default 3) times as strongly as to the other orientation, and gives (almost) 0 on a flat region; params.notPreset: true also requires a kernel that is not one of the presets.',
  checkParams(p) {
    const o = p['orientation'];
    const r = p['ratio'] ?? 3;
    const errors: string[] = [];
    if (o !== 'horizontal' && o !== 'vertical')
      errors.push('params.orientation must be "horizontal" or "vertical"');
    if (typeof r !== 'number' || !(r >= 1)) errors.push('params.ratio must be a number ≥ 1');
    return errors;
  },
  grade(state, params) {
    const s = asConvSettings(state);
    if (!s) return notLoaded;
    const want = params['orientation'] === 'vertical' ? 'vertical' : 'horizontal';
    const other = want === 'vertical' ? 'horizontal' : 'vertical';
    const ratio = typeof params['ratio'] === 'number' ? params['ratio'] : 3;
    if (params['notPreset'] === true && matchPreset(s.kernel))
      return {
        pass: false,
        feedback: 'That is one of the presets; type your own weights into the kernel grid.',
      };
    const r = edgeResponse(s.kernel);
    const own = r[want];
    const says = `On a ${want} edge the kernel's strongest response is ${fmt(own)}, on a ${other} edge ${fmt(r[other])}, on a flat region ${fmt(r.flat)}.`;
    if (own < 0.5)
      return { pass: false, feedback: `${says} It hardly responds to ${want} edges yet.` };
    if (r.flat > 0.1 * own)
      return {
        pass: false,
        feedback: `${says} It also lights up on flat regions: make the weights add up to 0.`,
      };
    if (r[other] * ratio > own)
      return {
        pass: false,
        feedback: `${says} It responds to ${other} edges too; it should prefer ${want} ones.`,
      };
    return { pass: true, feedback: says };
  },
  examples: [
    {
      state: ks([1, 1, 1, 0, 0, 0, -1, -1, -1]),
      pass: true,
      params: { orientation: 'horizontal' },
    },
    {
      state: ks([-1, -2, -1, 0, 0, 0, 1, 2, 1]),
      pass: true,
      params: { orientation: 'horizontal' },
    },
    {
      state: ks([1, 0, -1, 1, 0, -1, 1, 0, -1]),
      pass: false,
      params: { orientation: 'horizontal' },
      note: 'vertical edges',
    },
    { state: ks([1, 0, -1, 2, 0, -2, 1, 0, -1]), pass: true, params: { orientation: 'vertical' } },
    {
      state: ks([0, 0, 0, 0, 1, 0, 0, 0, 0]),
      pass: false,
      params: { orientation: 'horizontal' },
      note: 'identity',
    },
    {
      state: ks([1, 1, 1, 0, 0, 0, 0, 0, 0]),
      pass: false,
      params: { orientation: 'horizontal' },
      note: 'sums to 3',
    },
    {
      state: ks([1, 1, 1, 0, 0, 0, -1, -1, -1]),
      pass: false,
      params: { orientation: 'horizontal', notPreset: true },
      note: 'the preset itself',
    },
    {
      state: ks([2, 2, 2, 0, 0, 0, -2, -2, -2]),
      pass: true,
      params: { orientation: 'horizontal', notPreset: true },
    },
    { state: null, pass: false, params: { orientation: 'horizontal' } },
  ],
};

function ks(kernel: number[], extra: Obj = {}): Obj {
  return {
    inputSize: 28,
    kernelSize: Math.sqrt(kernel.length),
    kernel,
    stride: 1,
    padding: 0,
    ...extra,
  };
}

/** Passes when the explorer's kernel size, stride and padding give a `size`×`size` map. */
export const convOutputSize: Grader = {
  description:
    'ConvExplorer: kernel size, stride and padding give an output of params.size × params.size on the 28×28 input (params.kernelSize optionally fixes the kernel size).',
  checkParams(p) {
    return int(p['size'], 1, 64) ? [] : ['params.size must be an integer from 1 to 64'];
  },
  grade(state, params) {
    const s = asConvSettings(state);
    if (!s) return notLoaded;
    const k = params['kernelSize'];
    if (typeof k === 'number' && s.kernelSize !== k)
      return { pass: false, feedback: `Use a ${k}×${k} kernel for this question.` };
    const n = outputSize(s.inputSize, s.kernelSize, s.padding, s.stride);
    const target = params['size'] as number;
    const says = `Kernel ${s.kernelSize}×${s.kernelSize}, stride ${s.stride}, padding ${s.padding}: ⌊(${s.inputSize} + ${2 * s.padding} − ${s.kernelSize}) / ${s.stride}⌋ + 1 = ${n}.`;
    return n === target
      ? { pass: true, feedback: says }
      : { pass: false, feedback: `${says} The map should be ${target}×${target}.` };
  },
  examples: [
    {
      state: ks([0, 0, 0, 0, 1, 0, 0, 0, 0], { stride: 2, padding: 1 }),
      pass: true,
      params: { size: 14 },
    },
    {
      state: ks(new Array<number>(25).fill(0), { stride: 2, padding: 2 }),
      pass: true,
      params: { size: 14 },
    },
    {
      state: ks([0, 0, 0, 0, 1, 0, 0, 0, 0], { stride: 2, padding: 0 }),
      pass: false,
      params: { size: 14 },
    },
    {
      state: ks(new Array<number>(25).fill(0), { stride: 2, padding: 2 }),
      pass: false,
      params: { size: 14, kernelSize: 3 },
    },
    { state: { inputSize: 28 }, pass: false, params: { size: 14 } },
  ],
};

/**
 * Passes when the window sits where the multiply-add is negative, so ReLU turns it into 0. Needs
 * the input image in the state (`input`, inputSize² values) and the window position (row, col).
 */
export const convWindowClipped: Grader = {
  description:
    'ConvExplorer: at the window position (row, col) the weighted sum, recomputed from the input and kernel in the state, is below 0, so ReLU outputs 0 there.',
  grade(state, _params: GraderParams) {
    const s = asConvSettings(state);
    if (!s || !isObj(state)) return notLoaded;
    const input = nums(state['input'], s.inputSize * s.inputSize);
    const n = outputSize(s.inputSize, s.kernelSize, s.padding, s.stride);
    const row = int(state['row'], 0, n - 1);
    const col = int(state['col'], 0, n - 1);
    if (!input || row === undefined || col === undefined) return notLoaded;
    const x = makeGrid(s.inputSize, s.inputSize, input);
    const { sum } = windowAt(x, s.kernel, row, col, s);
    const where = `At row ${row + 1}, column ${col + 1} the sum is ${fmt(sum)}`;
    if (sum < -1e-6) return { pass: true, feedback: `${where}; ReLU turns it into 0.` };
    return {
      pass: false,
      feedback: `${where}, not negative, so ReLU lets it through${sum === 0 ? ' (it is already 0)' : ''}. Look for a cell that is 0 after ReLU but not before.`,
    };
  },
  examples: (() => {
    const input = new Array<number>(16).fill(0);
    input[5] = 1;
    const base = {
      inputSize: 4,
      kernelSize: 3,
      kernel: [0, 0, 0, 0, 0, 0, 0, 0, -1],
      stride: 1,
      padding: 0,
      input,
    };
    return [
      { state: { ...base, row: 0, col: 0 }, pass: false, note: 'covers x[2,2] = 0' },
      { state: { ...base, row: 0, col: 0, kernel: [0, 0, 0, 0, -1, 0, 0, 0, 0] }, pass: true },
      { state: { ...base, row: 5, col: 0 }, pass: false, note: 'outside the map' },
    ];
  })(),
};

/** The pooling explorer's settings, narrowed from an untrusted state. */
export function asPoolSettings(
  state: unknown,
): { kind: 'max' | 'avg'; window: number; stride: number; mapSize: number } | undefined {
  if (!isObj(state)) return undefined;
  const kind = state['kind'];
  const window = int(state['window'], 1, 5);
  const stride = int(state['stride'], 1, 5);
  const mapSize = int(state['mapSize'], 1, 64);
  if ((kind !== 'max' && kind !== 'avg') || !window || !stride || !mapSize) return undefined;
  return { kind, window, stride, mapSize };
}

/** Passes when the pooling settings turn the feature map into a `size`×`size` map. */
export const poolOutputSize: Grader = {
  description:
    'PoolingExplorer: window and stride turn the feature map into params.size × params.size (params.kind optionally requires "max" or "avg").',
  checkParams(p) {
    const errors: string[] = [];
    if (!int(p['size'], 1, 64)) errors.push('params.size must be an integer from 1 to 64');
    if (p['kind'] !== undefined && p['kind'] !== 'max' && p['kind'] !== 'avg')
      errors.push('params.kind must be "max" or "avg"');
    return errors;
  },
  grade(state, params) {
    const s = asPoolSettings(state);
    if (!s) return { pass: false, feedback: 'The pooling explorer has no settings to check yet.' };
    if (params['kind'] && s.kind !== params['kind'])
      return {
        pass: false,
        feedback: `Choose ${params['kind'] === 'max' ? 'max' : 'average'} pooling for this question.`,
      };
    const n = outputSize(s.mapSize, s.window, 0, s.stride);
    const target = params['size'] as number;
    const says = `Window ${s.window}×${s.window}, stride ${s.stride} on a ${s.mapSize}×${s.mapSize} map: ⌊(${s.mapSize} − ${s.window}) / ${s.stride}⌋ + 1 = ${n}.`;
    return n === target
      ? { pass: true, feedback: says }
      : { pass: false, feedback: `${says} It should be ${target}×${target}.` };
  },
  examples: [
    { state: { kind: 'max', window: 2, stride: 2, mapSize: 26 }, pass: true, params: { size: 13 } },
    {
      state: { kind: 'max', window: 3, stride: 2, mapSize: 26 },
      pass: false,
      params: { size: 13 },
    },
    {
      state: { kind: 'avg', window: 2, stride: 2, mapSize: 26 },
      pass: false,
      params: { size: 13, kind: 'max' },
    },
    { state: { kind: 'max', window: 3, stride: 3, mapSize: 26 }, pass: true, params: { size: 8 } },
    { state: 'nope', pass: false, params: { size: 13 } },
  ],
};

export const convGraders: Readonly<Record<string, Grader>> = {
  'conv-explorer-edge-kernel': convEdgeKernel,
  'conv-explorer-output-size': convOutputSize,
  'conv-explorer-window-clipped': convWindowClipped,
  'pooling-explorer-output-size': poolOutputSize,
};
