// Which engine trains the character model: the typed-array engine unless a hardware GPU backend
// measures faster (lesson 3.2: "the model also runs on tfjs for readers with a GPU, chosen by the
// runtime's probe"). The choice is pure; the probe is run with Node's tfjs cpu standing in for a
// GPU backend.
import { describe, it, expect } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { bothGpu, none, swiftshader, webglGpu } from '../support/devices.ts';
import {
  chooseCharEngine,
  engineLabel,
  gpuCandidates,
} from '../../../src/lib/charlm/engine-choice.ts';
import { probeCharEngine } from '../../../src/lib/charlm/engine-probe.ts';
import { createModel } from '../../../src/lib/ml/lstm/index.ts';
import { createRng } from '../../../src/lib/ml/rng.ts';
import type { Tf } from '../../../src/lib/ml/tf.ts';

describe('character model engine choice', () => {
  it('only hardware GPU backends are candidates', () => {
    expect(gpuCandidates(none)).toEqual([]);
    expect(gpuCandidates(swiftshader)).toEqual([]);
    expect(gpuCandidates(webglGpu)).toEqual(['webgl']);
    expect(gpuCandidates(bothGpu)).toEqual(['webgpu', 'webgl']);
    expect(gpuCandidates({ ...bothGpu, webgpuSoftware: true })).toEqual(['webgl']);
  });

  it.each([
    ['no GPU', none, {}, 'typed'],
    ['no GPU, even if a tfjs rate was given', none, { typed: 10, webgl: 99 }, 'typed'],
    ['software GPU', swiftshader, { typed: 10, webgl: 99, webgpu: 99 }, 'typed'],
    ['hardware WebGL slower than typed', webglGpu, { typed: 20, webgl: 8 }, 'typed'],
    ['hardware WebGL faster than typed', webglGpu, { typed: 20, webgl: 45 }, 'webgl'],
    ['WebGPU fastest', bothGpu, { typed: 20, webgl: 45, webgpu: 60 }, 'webgpu'],
    ['WebGL beats WebGPU', bothGpu, { typed: 20, webgl: 45, webgpu: 30 }, 'webgl'],
    ['GPU failed to run (no rate)', bothGpu, { typed: 20 }, 'typed'],
    ['NaN rate ignored', webglGpu, { typed: 20, webgl: NaN }, 'typed'],
  ] as const)('%s → %s', (_, device, rates, want) => {
    expect(chooseCharEngine(device, rates)).toBe(want);
  });

  it('labels say where training runs', () => {
    expect(engineLabel('typed')).toBe('typed arrays (CPU)');
    expect(engineLabel('webgl')).toBe('TensorFlow.js webgl (GPU)');
  });
});

describe('character model engine probe', () => {
  const spec = { cell: 'lstm' as const, inputSize: 12, hiddenSize: 8, outputSize: 12 };
  const model = createModel(spec, createRng(5));
  const ids = Int32Array.from({ length: 400 }, (_, i) => (i * 7) % 12);

  it('without a hardware GPU: typed at once, tfjs never asked for', async () => {
    let asked = 0;
    const r = await probeCharEngine(model, ids, {
      detect: () => Promise.resolve(swiftshader),
      tfOn: () => {
        asked++;
        return Promise.resolve(null);
      },
      now: () => performance.now(),
    });
    expect(r).toEqual({ engine: 'typed', rates: {}, tf: null });
    expect(asked).toBe(0);
  });

  it('with a GPU: measures both paths and keeps the faster; tensors are freed', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    const deps = {
      detect: () => Promise.resolve(webglGpu),
      // tfjs's cpu backend stands in for WebGL here.
      tfOn: () => Promise.resolve(tf as unknown as Tf),
      now: () => performance.now(),
    };
    const opts = { ms: 30, batchSize: 2, steps: 6 };
    const r = await probeCharEngine(model, ids, deps, opts);
    expect(r.rates.typed).toBeGreaterThan(0);
    expect(r.rates.webgl).toBeGreaterThan(0);
    expect(r.engine).toBe(chooseCharEngine(webglGpu, r.rates));
    expect(r.tf === null).toBe(r.engine === 'typed');
    expect(tf.memory().numTensors).toBe(before);
    // A backend that does not come up leaves the typed-array engine.
    const failed = await probeCharEngine(
      model,
      ids,
      { ...deps, tfOn: () => Promise.resolve(null) },
      opts,
    );
    expect(failed.engine).toBe('typed');
    expect(failed.rates.webgl).toBeUndefined();
  });
});
