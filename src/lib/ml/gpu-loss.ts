// Noticing a lost GPU: a WebGL context reports isContextLost(); a WebGPU device resolves its
// `lost` promise. Used by the training engine (engine.ts) to fall back to the next backend.
import type { BackendName } from './backend-order';
import type { Tf } from './tf';

interface GpuBackendLike {
  gpgpu?: { gl?: WebGLRenderingContext };
  device?: { lost?: Promise<unknown>; destroy?: () => void };
}

export interface GpuLossWatch {
  /** Starts watching the backend tf now runs (call after every backend switch). */
  watch(tf: Tf): void;
  /** True when the GPU backend in use has lost its context or device. */
  lost(tf: Tf | undefined, backend: BackendName): boolean;
  /** Loses the context on purpose (the "simulate" message, for tests and demonstrations). */
  simulate(tf: Tf, backend: BackendName): void;
}

export function gpuLossWatch(): GpuLossWatch {
  let deviceLost = false;
  return {
    watch(tf) {
      deviceLost = false;
      const b = tf.backend() as GpuBackendLike;
      void b.device?.lost?.then(() => {
        deviceLost = true;
      });
    },
    lost(tf, backend) {
      if (!tf || (backend !== 'webgl' && backend !== 'webgpu')) return false;
      if (deviceLost) return true;
      try {
        const gl = (tf.backend() as GpuBackendLike).gpgpu?.gl;
        return gl?.isContextLost() ?? false;
      } catch {
        return true;
      }
    },
    simulate(tf, backend) {
      const b = tf.backend() as GpuBackendLike;
      b.gpgpu?.gl?.getExtension('WEBGL_lose_context')?.loseContext();
      b.device?.destroy?.();
      deviceLost = backend === 'webgpu';
    },
  };
}
