// Loads TensorFlow.js on demand (dynamic imports only, so the bundler splits tfjs-core, layers and
// each backend into their own chunks) and brings up a backend. Runs in pages and in workers.
import type { BackendName, DeviceFacts } from './backend-order';
import { backendOrder, isSoftwareRenderer } from './backend-order';

export type { BackendName } from './backend-order';

/** The tfjs namespace as Neuronbook uses it: tfjs-core plus tfjs-layers. */
export type Tf = typeof import('@tensorflow/tfjs-core') & typeof import('@tensorflow/tfjs-layers');

export interface LoadTfOptions {
  /** A backend to use, or 'auto' (default) for the first that comes up in `order`. */
  backend?: BackendName | 'auto';
  /** Candidate order for 'auto'; defaults to backendOrder(detectDevice(), { conv }). */
  order?: readonly BackendName[];
  /** The workload trains convolutions (keeps it off wasm unless its conv-gradient is registered). */
  conv?: boolean;
}

let tfPromise: Promise<Tf> | undefined;

/** Imports tfjs-core and tfjs-layers once and returns them as one namespace (no backend yet). */
export function importTf(): Promise<Tf> {
  tfPromise ??= (async () => {
    // tfjs-core first, on its own: its flag registrations (flags.js) land in core's chunk, and
    // layers or a backend evaluated before it would read flags that do not exist yet.
    const core = await import('@tensorflow/tfjs-core');
    const [layers] = await Promise.all([
      import('@tensorflow/tfjs-layers'),
      // Gradients live outside tfjs-core's index; layers imports them too, but say so explicitly.
      import('@tensorflow/tfjs-core/dist/register_all_gradients'),
      // Tensor methods (t.sum(), t.square() …) as in the full @tensorflow/tfjs bundle: notebook
      // cells and readers' code expect the chained API.
      import('@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops'),
      // cpu is always registered: it is the last resort and the fallback after a lost context.
      import('@tensorflow/tfjs-backend-cpu'),
    ]);
    return { ...core, ...layers };
  })();
  return tfPromise;
}

const imported = new Map<BackendName, Promise<void>>();

/** Imports (registers) one backend's package. Idempotent. */
export function importBackend(name: BackendName, tf: Tf): Promise<void> {
  let p = imported.get(name);
  if (!p) {
    p = loaders[name](tf);
    imported.set(name, p);
  }
  return p;
}

const loaders: Record<BackendName, (tf: Tf) => Promise<void>> = {
  cpu: async () => {
    await import('@tensorflow/tfjs-backend-cpu');
  },
  webgl: async () => {
    await import('@tensorflow/tfjs-backend-webgl');
  },
  webgpu: async () => {
    await import('@tensorflow/tfjs-backend-webgpu');
  },
  wasm: async (tf) => {
    const [wasm, plain, simd, threaded] = await Promise.all([
      import('@tensorflow/tfjs-backend-wasm'),
      import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url'),
      import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url'),
      import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url'),
    ]);
    // Absolute URLs: inside a worker a root-relative path would not resolve against the page.
    const abs = (u: string) => new URL(u, globalThis.location.href).href;
    wasm.setWasmPaths({
      'tfjs-backend-wasm.wasm': abs(plain.default),
      'tfjs-backend-wasm-simd.wasm': abs(simd.default),
      'tfjs-backend-wasm-threaded-simd.wasm': abs(threaded.default),
    });
    // Threads only when the page is cross-origin isolated and has cores to spare; tfjs caps them
    // at hardwareConcurrency/2, and one thread on a 2-core machine ran 3–15× slower than none.
    const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
    const cores = globalThis.navigator?.hardwareConcurrency ?? 1;
    if (!isolated || cores < 4) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    const { registerWasmConvGrad } = await import('./wasm-conv-grad');
    registerWasmConvGrad(tf);
  },
};

/**
 * Switches tfjs to `name`, importing its package first. Resolves to true only if tfjs really runs
 * on that backend afterwards (tf.setBackend can fall back silently).
 */
export async function setTfBackend(tf: Tf, name: BackendName): Promise<boolean> {
  try {
    await importBackend(name, tf);
    const ok = await tf.setBackend(name);
    await tf.ready();
    return ok && tf.getBackend() === name;
  } catch {
    return false;
  }
}

let devicePromise: Promise<DeviceFacts> | undefined;

/** Looks at what the device offers (WebGPU adapter, WebGL renderer, wasm); cached. */
export function detectDevice(): Promise<DeviceFacts> {
  devicePromise ??= probeDevice();
  return devicePromise;
}

interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { isFallbackAdapter?: boolean; vendor?: string; architecture?: string };
}
interface GpuLike {
  requestAdapter(): Promise<GpuAdapterLike | null>;
}

async function probeDevice(): Promise<DeviceFacts> {
  const facts: DeviceFacts = {
    webgpu: false,
    webgpuSoftware: false,
    webgl: false,
    webglSoftware: false,
    wasm: typeof WebAssembly === 'object',
  };
  const gpu = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu;
  if (gpu) {
    try {
      const adapter = await gpu.requestAdapter();
      if (adapter) {
        facts.webgpu = true;
        const info = adapter.info;
        facts.webgpuSoftware =
          adapter.isFallbackAdapter === true ||
          info?.isFallbackAdapter === true ||
          /swiftshader/i.test(`${info?.vendor ?? ''} ${info?.architecture ?? ''}`);
      }
    } catch {
      /* no WebGPU */
    }
  }
  try {
    const canvas =
      typeof OffscreenCanvas === 'function'
        ? new OffscreenCanvas(1, 1)
        : globalThis.document?.createElement('canvas');
    const gl = canvas?.getContext('webgl2') as WebGL2RenderingContext | null | undefined;
    if (gl) {
      facts.webgl = true;
      const dbg = gl.getExtension('WEBGL_debug_renderer_info');
      const renderer = String(
        gl.getParameter(dbg ? dbg.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '',
      );
      facts.webglSoftware = isSoftwareRenderer(renderer);
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    /* no WebGL */
  }
  return facts;
}

/**
 * Loads tfjs and brings up a backend: the one asked for, or for 'auto' the first of `order` (by
 * default WebGPU → WebGL → WASM → CPU, software GPUs moved after wasm/cpu) that comes up. Falls
 * back along the order if the requested backend fails; cpu always works.
 */
export async function loadTf(opts: LoadTfOptions = {}): Promise<Tf> {
  const tf = await importTf();
  const order =
    opts.order ??
    backendOrder(await detectDevice(), { conv: opts.conv ?? false, wasmConvGrad: true });
  const wanted = opts.backend && opts.backend !== 'auto' ? [opts.backend] : [];
  for (const name of [...wanted, ...order, 'cpu' as const]) {
    if (await setTfBackend(tf, name)) return tf;
  }
  throw new Error('No TensorFlow.js backend could be started.');
}
