// Bench module for the digits CNN (issue 12), called by `npm run bench` as
// `await run({ page, baseURL })`. Builds a small page (scripts/bench/cnn-page) with Vite, serves it
// under /_bench-cnn/ through Playwright routing (the site's own build is untouched), and measures:
//   - typed-array engine in workers: examples/s of the lesson's CNN from seed 1, one worker and a
//     batch split across two workers (the default on ≥ 2 cores);
//   - time to 97% test accuracy on the 2,000 held-out digits from the default seed (seed 1, batch
//     32, Adam 0.003), training time with evaluation excluded, and wall time including it;
//   - tfjs paths (cpu, wasm with the registered filter-gradient kernel, webgl, webgpu where they
//     come up): the same network built by buildTfModel, Adam, batch 32, main-thread loop.
// headline: cnnExamplesPerSec (two workers), cnnSecondsTo97.
//
// Alone: NB_BENCH_DIST=<built site> node scripts/bench/cnn.mjs   (builds nothing else)
/* global window */
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const out = join(tmpdir(), 'neuronbook-bench-cnn');
const seconds = Number(process.env.NB_BENCH_SECONDS ?? 4);
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
};

async function buildPage() {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root: join(root, 'scripts/bench/cnn-page'),
    base: '/_bench-cnn/',
    logLevel: 'warn',
    worker: { format: 'es' },
    build: { outDir: out, emptyOutDir: true, target: 'es2022' },
  });
}

export async function run({ page }) {
  await buildPage();
  await page.route('**/_bench-cnn/**', (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\/_bench-cnn\/?/, '');
    const file = normalize(join(out, path || 'index.html'));
    if (!file.startsWith(out) || !existsSync(file)) return route.fulfill({ status: 404 });
    return route.fulfill({
      status: 200,
      contentType: types[extname(file)] ?? 'application/octet-stream',
      body: readFileSync(file),
    });
  });
  await page.goto('/_bench-cnn/');
  await page.waitForSelector('body[data-ready="1"]');
  const ev = (fn, arg) => page.evaluate(fn, arg);
  const results = { paths: {}, notes: [] };
  const ms = seconds * 1000;

  for (const workers of [1, 2]) {
    const r = await ev((a) => window.nbCnnBench.typed(a), { workers, ms });
    results.paths[`typed-array ${workers} worker${workers > 1 ? 's' : ''}`] = {
      examplesPerSec: r.examplesPerSec,
      examples: r.examples,
    };
  }
  for (const backend of ['wasm', 'cpu', 'webgl', 'webgpu']) {
    const r = await ev((a) => window.nbCnnBench.tfjs(a.backend, a.ms), {
      backend,
      ms: Math.min(ms, 3000),
    });
    results.paths[`tfjs ${backend}`] = r;
  }
  const to97 = await ev((a) => window.nbCnnBench.typed(a), {
    workers: 2,
    ms: 30_000,
    until: 0.97,
    evalEveryMs: 500,
  });
  results.to97 = {
    workers: to97.workers,
    trainSeconds: to97.secondsTo,
    wallSeconds: to97.wallSecondsTo,
    examplesPerSec: to97.examplesPerSec,
    curve: to97.curve,
  };
  const best = results.paths['typed-array 2 workers'];
  results.headline = {
    cnnExamplesPerSec: best?.examplesPerSec ?? null,
    cnnSecondsTo97: to97.secondsTo,
  };
  results.notes.push(
    'typed-array: src/lib/ml/cnn engine in src/workers/cnn.worker.ts (2 workers: batch split, gradients summed over a MessageChannel); tfjs: main-thread loop, same spec and Adam, batch 32; secondsTo97 is training time (evaluation on the 2,000 test digits every 0.5 s excluded).',
  );
  return results;
}

// Stand-alone: serve NB_BENCH_DIST and run this module only.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { createServer } = await import('node:http');
  const dist = resolve(process.env.NB_BENCH_DIST ?? join(root, 'dist'));
  const mime = {
    ...types,
    '.json': 'application/json',
    '.bin': 'application/octet-stream',
    '.svg': 'image/svg+xml',
  };
  const server = createServer((req, res) => {
    let file = normalize(
      join(dist, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)),
    );
    if (!file.startsWith(dist) || !existsSync(file)) return res.writeHead(404).end();
    if (file.endsWith('/')) file = join(file, 'index.html');
    res.writeHead(200, { 'content-type': mime[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(Number(process.env.E2E_PORT ?? 0), '127.0.0.1', r));
  const baseURL = `http://127.0.0.1:${server.address().port}`;
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({
    executablePath: process.env.NB_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--enable-unsafe-webgpu',
    ],
  });
  try {
    const page = await (await browser.newContext({ baseURL })).newPage();
    page.on('console', (m) => m.type() === 'error' && process.stderr.write(`[page] ${m.text()}\n`));
    const r = await run({ page });
    console.log(
      JSON.stringify({ ...r, to97: { ...r.to97, curve: r.to97.curve.slice(0, 12) } }, null, 2),
    );
  } finally {
    await browser.close();
    server.close();
  }
}
