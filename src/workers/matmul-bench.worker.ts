// Worker entry: the hardware lesson's matrix-multiplication benchmark runs here, so timing
// products of up to 1024×1024 never blocks the page. For each backend asked for: switch tfjs to
// it (reporting if it does not come up), then time each size in turn.
import { importTf, setTfBackend } from '../lib/ml/tf.ts';
import { measureMatmul } from '../lib/matmul-bench/measure.ts';
import type { BenchCommand, BenchReport } from '../lib/matmul-bench/protocol.ts';

const post = (m: BenchReport): void => postMessage(m);

async function run(cmd: BenchCommand): Promise<void> {
  const tf = await importTf();
  for (const backend of cmd.backends) {
    if (!(await setTfBackend(tf, backend))) {
      post({ type: 'backend', backend, ok: false, reason: 'not available in this browser' });
      continue;
    }
    post({ type: 'backend', backend, ok: true });
    for (const n of cmd.sizes) {
      try {
        post({
          type: 'point',
          point: await measureMatmul(tf, backend, n, { budgetMs: cmd.budgetMs }),
        });
      } catch (err) {
        post({
          type: 'backend',
          backend,
          ok: false,
          reason: `failed at ${n}×${n}: ${String(err)}`,
        });
        break;
      }
    }
  }
  post({ type: 'done' });
}

addEventListener('message', (e: MessageEvent<BenchCommand>) => {
  if (e.data.type === 'run')
    run(e.data).catch((err: unknown) => post({ type: 'error', message: String(err) }));
});
