// Pure: no DOM. Which engine trains the character model on this device: the typed-array engine
// (src/lib/ml/lstm) or the same model on tfjs (tf-model.ts) on a hardware GPU. Only a real
// WebGPU or WebGL device is worth trying: on wasm and cpu tfjs trains this model 3–5× slower than
// the typed-array engine (scripts/bench/lstm.mjs), and software GPUs (SwiftShader, llvmpipe) are
// slower still (PITFALLS.md). Where a hardware GPU exists, the worker measures both paths for a
// moment (engine-probe.ts) and this module picks the faster. Used by the worker and tests.
import type { DeviceFacts } from '../ml/backend-order.ts';

/** 'typed': src/lib/ml/lstm on the CPU; otherwise tfjs on that GPU backend. */
export type CharEngine = 'typed' | 'webgpu' | 'webgl';

/** Training steps per second measured per engine (absent: not measured or failed). */
export type CharEngineRates = Partial<Record<CharEngine, number>>;

/** The GPU backends worth measuring on this device: hardware WebGPU, then hardware WebGL. */
export function gpuCandidates(device: DeviceFacts): Array<'webgpu' | 'webgl'> {
  const out: Array<'webgpu' | 'webgl'> = [];
  if (device.webgpu && !device.webgpuSoftware) out.push('webgpu');
  if (device.webgl && !device.webglSoftware) out.push('webgl');
  return out;
}

/**
 * The engine to train with: 'typed' unless a hardware GPU backend was measured faster than the
 * typed-array engine (a GPU rate without a typed rate to compare with wins, since it was only
 * measured because a GPU exists). Rates of backends this device does not really offer are
 * ignored.
 */
export function chooseCharEngine(device: DeviceFacts, rates: CharEngineRates): CharEngine {
  let best: CharEngine = 'typed';
  let bestRate = rates.typed ?? 0;
  for (const name of gpuCandidates(device)) {
    const r = rates[name];
    if (r !== undefined && Number.isFinite(r) && r > bestRate) {
      best = name;
      bestRate = r;
    }
  }
  return best;
}

/** Words for the widget's readout. */
export function engineLabel(engine: CharEngine): string {
  return engine === 'typed' ? 'typed arrays (CPU)' : `TensorFlow.js ${engine} (GPU)`;
}
