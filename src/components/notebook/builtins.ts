// Browser: the names every notebook cell can use. Heavy ones are functions the Observable runtime
// calls only when a cell first reads them, so a notebook without `tf` never loads TensorFlow.js.
import { Library } from '@observablehq/stdlib';

type Dispose = () => void;

/** A generator of `root`'s content width that removes its ResizeObserver when the cell is done. */
function widthOf(
  root: HTMLElement,
  observe: (init: (change: (v: number) => void) => Dispose) => unknown,
) {
  return () =>
    observe((change) => {
      change(root.clientWidth);
      const ro = new ResizeObserver(() => change(root.clientWidth));
      ro.observe(root);
      return () => ro.disconnect();
    });
}

// Helper modules of src/lib a cell may load: `activations = lib("ml/activations")`.
const libModules = import.meta.glob([
  '../../lib/ml/*.ts',
  '../../lib/viz/*.ts',
  '../../lib/conv/*.ts',
  '!**/*.d.ts',
]);

/** Loads a src/lib helper module by path relative to src/lib, without the extension. */
export function loadLib(path: string): Promise<unknown> {
  const load = libModules[`../../lib/${path}.ts`];
  if (!load) {
    const known = Object.keys(libModules).map((k) => k.slice('../../lib/'.length, -3));
    return Promise.reject(
      new Error(`lib("${path}"): no such module. Available: ${known.join(', ')}`),
    );
  }
  return load();
}

/** The builtins object for `new Runtime(builtins)`. `root` is the notebook element (for width). */
export function createBuiltins(root: HTMLElement): Record<string, unknown> {
  const std = new Library();
  const observe = std.Generators['observe'] as (
    init: (change: (v: number) => void) => Dispose,
  ) => unknown;
  return {
    Generators: std.Generators,
    Promises: std.Promises,
    DOM: std.DOM,
    html: std.html,
    svg: std.svg,
    now: std.now,
    width: widthOf(root, observe),
    Inputs: () => import('./inputs').then((m) => m.Inputs),
    d3: () => import('d3'),
    tex: () => import('./tex').then((m) => m.tex),
    tf: () => import('../../lib/ml/tf').then((m) => m.loadTf()),
    plotFunction: () => import('./plot').then((m) => m.plotFunction),
    lib: () => loadLib,
  };
}
