// Device facts for the engine-choice tests: no GPU, only software GPUs (SwiftShader offers both
// WebGL and WebGPU in software), a hardware WebGL GPU, and hardware WebGL plus WebGPU.
import type { DeviceFacts } from '../../../src/lib/ml/backend-order.ts';

export const none: DeviceFacts = {
  webgpu: false,
  webgpuSoftware: false,
  webgl: false,
  webglSoftware: false,
  wasm: true,
};
export const swiftshader: DeviceFacts = {
  ...none,
  webgl: true,
  webglSoftware: true,
  webgpu: true,
  webgpuSoftware: true,
};
export const webglGpu: DeviceFacts = { ...none, webgl: true };
export const bothGpu: DeviceFacts = { ...none, webgl: true, webgpu: true };
