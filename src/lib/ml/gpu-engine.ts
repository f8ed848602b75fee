// Pure: no DOM. Which engine trains a model on this device: a widget's typed-array engine on the
// CPU, or the same model on tfjs on a hardware GPU. Only a real WebGPU or WebGL device is worth
// trying: on wasm and cpu tfjs trains the course's small models several times slower than the
// typed-array engines, and software GPUs (SwiftShader, llvmpipe) are slower still (PITFALLS.md).
// Where a hardware GPU exists, the widget's worker times both paths for a moment (measureRate)
// and chooseEngine keeps the faster. Used by the character LSTM and the digits GAN.
import type { DeviceFacts } from './backend-order.ts';

/** 'typed': the widget's typed-array engine on the CPU; otherwise tfjs on that GPU backend. */
export type GpuEngine = 'typed' | 'webgpu' | 'webgl';

/** Training steps per second measured per engine (absent: not measured or failed). */
export type EngineRates = Partial<Record<GpuEngine, number>>;

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
export function chooseEngine(device: DeviceFacts, rates: EngineRates): GpuEngine {
  let best: GpuEngine = 'typed';
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

/** Words for a widget's readout. */
export function engineLabel(engine: GpuEngine): string {
  return engine === 'typed' ? 'typed arrays (CPU)' : `TensorFlow.js ${engine} (GPU)`;
}

/** Steps per second of `step` over about `ms` milliseconds, after two untimed warm-up steps. */
export function measureRate(step: () => void, now: () => number, ms: number): number {
  step(); // warm-up: JIT, shader compilation
  step();
  const t0 = now();
  let n = 0;
  let t: number;
  do {
    step();
    n++;
    t = now();
  } while (t - t0 < ms);
  return (n * 1000) / Math.max(t - t0, 1e-3);
}
