import { describe, expect, it } from 'vitest';
import type { DeviceFacts } from '../../../src/lib/ml/backend-order';
import {
  backendOrder,
  fastest,
  isSoftwareRenderer,
  probeCandidates,
} from '../../../src/lib/ml/backend-order';

const gpu: DeviceFacts = {
  webgpu: true,
  webgpuSoftware: false,
  webgl: true,
  webglSoftware: false,
  wasm: true,
};
const swiftshader: DeviceFacts = {
  webgpu: true,
  webgpuSoftware: true,
  webgl: true,
  webglSoftware: true,
  wasm: true,
};

describe('backendOrder', () => {
  it('prefers WebGPU → WebGL → WASM → CPU on a real GPU', () => {
    expect(backendOrder(gpu, { conv: false })).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
  });

  it('puts software GPUs after wasm and cpu', () => {
    expect(backendOrder(swiftshader, { conv: false })).toEqual(['wasm', 'cpu', 'webgpu', 'webgl']);
  });

  it('keeps convolutional training off wasm unless its filter-gradient kernel is registered', () => {
    expect(backendOrder(gpu, { conv: true })).toEqual(['webgpu', 'webgl', 'cpu']);
    expect(backendOrder(gpu, { conv: true, wasmConvGrad: true })).toEqual([
      'webgpu',
      'webgl',
      'wasm',
      'cpu',
    ]);
    // software WebGL still beats cpu on convolutions; software WebGPU does not
    expect(backendOrder(swiftshader, { conv: true })).toEqual(['webgl', 'cpu', 'webgpu']);
  });

  it('leaves out what the device lacks', () => {
    const bare: DeviceFacts = {
      webgpu: false,
      webgpuSoftware: false,
      webgl: false,
      webglSoftware: false,
      wasm: false,
    };
    expect(backendOrder(bare, { conv: false })).toEqual(['cpu']);
  });
});

describe('isSoftwareRenderer', () => {
  it('recognises SwiftShader, llvmpipe and friends', () => {
    expect(
      isSoftwareRenderer(
        'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)',
      ),
    ).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11)')).toBe(false);
  });
});

describe('fastest and probeCandidates', () => {
  it('picks the highest rate; undefined for an empty probe', () => {
    expect(fastest({ cpu: 900, wasm: 2100, webgl: 300 })).toBe('wasm');
    expect(fastest({})).toBeUndefined();
  });

  it('measures at most three non-software backends, or the first one if all are software', () => {
    expect(probeCandidates(swiftshader, ['wasm', 'cpu', 'webgpu', 'webgl'])).toEqual([
      'wasm',
      'cpu',
    ]);
    expect(probeCandidates(gpu, ['webgpu', 'webgl', 'wasm', 'cpu'])).toEqual([
      'webgpu',
      'webgl',
      'wasm',
    ]);
    expect(probeCandidates(swiftshader, ['webgl'])).toEqual(['webgl']);
  });
});
