import { describe, expect, it } from 'vitest';
import { importTf, loadTf, setTfBackend } from '../../../src/lib/ml/tf';

describe('loadTf', () => {
  it('returns core + layers with the requested cpu backend ready', async () => {
    const tf = await loadTf({ backend: 'cpu' });
    expect(tf.getBackend()).toBe('cpu');
    expect(typeof tf.sequential).toBe('function');
    expect(typeof tf.layers.dense).toBe('function');
    const y = tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(2)).dataSync()[0]);
    expect(y).toBe(3);
  });

  it('falls through an order whose first backend cannot start', async () => {
    const tf = await loadTf({ order: ['webgl', 'cpu'] });
    expect(tf.getBackend()).toBe('cpu');
  });

  it('imports tfjs only once', async () => {
    expect(await importTf()).toBe(await importTf());
  });

  it('setTfBackend reports failure for a backend that cannot run here', async () => {
    const tf = await importTf();
    expect(await setTfBackend(tf, 'webgpu')).toBe(false);
    expect(await setTfBackend(tf, 'cpu')).toBe(true);
  });
});
