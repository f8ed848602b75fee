// Pure: no DOM. Orders tfjs backends for a workload from facts about the device. Used by tf.ts,
// the training worker and tests.

/** The tfjs backends Neuronbook knows how to load. */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

export const BACKENDS: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** What the device offers, as far as a quick look can tell (no benchmarking). */
export interface DeviceFacts {
  /** navigator.gpu exists and an adapter was returned. */
  webgpu: boolean;
  /** The WebGPU adapter is a fallback (software) adapter. */
  webgpuSoftware: boolean;
  /** A WebGL2 context could be created. */
  webgl: boolean;
  /** The WebGL renderer is a software rasteriser (SwiftShader, llvmpipe, …). */
  webglSoftware: boolean;
  /** WebAssembly is available. */
  wasm: boolean;
}

/** What kind of training the backend has to run. */
export interface WorkloadTraits {
  /** The model trains convolutions (needs Conv2DBackpropFilter). */
  conv: boolean;
  /** Whether wasm has a Conv2DBackpropFilter kernel registered (ours, see wasm-conv-grad.ts). */
  wasmConvGrad?: boolean;
}

/** True if a WebGL renderer string names a software rasteriser. */
export function isSoftwareRenderer(renderer: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|basic render driver|lavapipe/i.test(renderer);
}

/**
 * The backends worth trying for a workload, best guess first: WebGPU → WebGL → WASM → CPU, except
 * that software GPUs go after wasm/cpu (they are 7–100× slower than wasm for small models) and wasm
 * is left out for convolutional training unless it has a filter-gradient kernel.
 */
export function backendOrder(device: DeviceFacts, work: WorkloadTraits): BackendName[] {
  const hardware: BackendName[] = [];
  const software: BackendName[] = [];
  if (device.webgpu) (device.webgpuSoftware ? software : hardware).push('webgpu');
  if (device.webgl) (device.webglSoftware ? software : hardware).push('webgl');
  const wasmOk = device.wasm && (!work.conv || work.wasmConvGrad === true);
  const cpuSide: BackendName[] = wasmOk ? ['wasm', 'cpu'] : ['cpu'];
  // A software WebGL still beats tfjs's cpu backend on convolutions (160–236 vs 45–90 examples/s
  // here), so for conv work without wasm it goes before cpu; WebGPU on SwiftShader never does.
  if (work.conv && !wasmOk) {
    const sw = software.filter((b) => b === 'webgl');
    return [...hardware, ...sw, 'cpu', ...software.filter((b) => b !== 'webgl')];
  }
  return [...hardware, ...cpuSide, ...software];
}

/** The fastest backend of a probe (steps/s per backend), or undefined if none ran. */
export function fastest(probe: Partial<Record<BackendName, number>>): BackendName | undefined {
  let best: BackendName | undefined;
  for (const [name, rate] of Object.entries(probe) as [BackendName, number][]) {
    if (best === undefined || rate > probe[best]!) best = name;
  }
  return best;
}

/**
 * The backends worth measuring: the first three of `order` that are not software GPUs (those are
 * 7–100× slower than wasm for small models and take a second just to compile shaders), or the
 * first of `order` if nothing else exists.
 */
export function probeCandidates(device: DeviceFacts, order: readonly BackendName[]): BackendName[] {
  const software = (b: BackendName) =>
    (b === 'webgpu' && device.webgpuSoftware) || (b === 'webgl' && device.webglSoftware);
  const real = order.filter((b) => !software(b)).slice(0, 3);
  return real.length > 0 ? real : order.slice(0, 1);
}
