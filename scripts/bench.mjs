// `npm run bench` (not part of `npm test`): builds the site into its own out dir (plus a small bench
// page that drives the training runtime), serves it, opens headless Chromium, and measures
//   - per backend the browser offers: steps/s of the standard workloads through the runtime worker
//     and as a plain main-thread tfjs loop over the same workload code;
//   - the longest main-thread task during 10 s of worker training (bench page and lesson widget);
//   - every module in scripts/bench/*.mjs (`export async function run({ page, baseURL })`), merged
//     under its file name.
// Writes bench/results.json and prints a table. Throughput on this machine is noisy (PITFALLS.md):
// compare numbers within one run only.
//
// Env: NB_BENCH_DIST=<dir> reuses an existing site build (skips `astro build`);
//      NB_BENCH_SECONDS=<s> measuring time per run (default 2).
/* global window, document -- used inside page.evaluate callbacks. */
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const started = Date.now();
const seconds = Number(process.env.NB_BENCH_SECONDS ?? 2);
const workDir = join(tmpdir(), 'neuronbook-bench');
const dist = process.env.NB_BENCH_DIST ? resolve(process.env.NB_BENCH_DIST) : join(workDir, 'dist');

function log(msg) {
  process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${msg}\n`);
}

// 1. Build the site (own out dir and cache, so it never touches ./dist) and the bench page.
if (!process.env.NB_BENCH_DIST) {
  log(`building the site into ${dist}`);
  const r = spawnSync('npx', ['astro', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NB_OUT_DIR: dist, NB_CACHE_DIR: join(workDir, 'cache') },
  });
  if (r.status !== 0) {
    console.error('astro build failed');
    process.exit(1);
  }
}
log('building the bench page');
const { build } = await import('vite');
await build({
  configFile: false,
  root: join(root, 'scripts/bench/page'),
  base: '/_bench/',
  logLevel: 'warn',
  worker: { format: 'es' },
  build: { outDir: join(dist, '_bench'), emptyOutDir: true, target: 'es2022' },
});

// 2. Serve dist (correct MIME types, including application/wasm).
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.xml': 'application/xml',
  '.bin': 'application/octet-stream',
};
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let file = normalize(join(dist, decodeURIComponent(url.pathname)));
  if (!file.startsWith(dist)) {
    res.writeHead(403).end();
    return;
  }
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const baseURL = `http://127.0.0.1:${server.address().port}`;
log(`serving ${dist} at ${baseURL}`);

// 3. Headless Chromium with the flags of playwright.config.ts, plus WebGPU.
// The same browser choice as the tests (CHROMIUM_PATH, system, Playwright's, the npm package);
// CHROMIUM_PATH is set to it so bench modules (Lighthouse) launch the same binary.
const { resolveChromium, describeChromium } = await import('../tests/e2e/support/chromium.ts');
const choice = await resolveChromium({
  ...process.env,
  CHROMIUM_PATH: process.env.NB_CHROMIUM ?? process.env.CHROMIUM_PATH,
});
if (!choice.ok) {
  console.error(choice.message);
  process.exit(2);
}
log(describeChromium(choice));
if (choice.path) process.env.CHROMIUM_PATH = choice.path;
const { chromium } = await import('@playwright/test');
const browser = await chromium.launch({
  executablePath: choice.path,
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
const context = await browser.newContext({ baseURL });
let page = await context.newPage();

async function openBenchPage() {
  await page.goto('/_bench/');
  await page.waitForSelector('body[data-ready="1"]');
}

/** page.evaluate with a time limit; on timeout the page is reloaded (to stop the stuck run). */
async function timed(fn, arg, limitMs) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${limitMs / 1000} s`)), limitMs);
  });
  try {
    return await Promise.race([page.evaluate(fn, arg), limit]);
  } catch (e) {
    await page.close().catch(() => {});
    page = await context.newPage();
    await openBenchPage();
    return { stepsPerSec: null, error: e instanceof Error ? e.message.split('\n')[0] : String(e) };
  } finally {
    clearTimeout(timer);
  }
}

const workloads = {
  'mlp 2-8-8-1 tanh spiral b10': {
    kind: 'mlp',
    dataset: 'spiral',
    n: 200,
    noise: 0.1,
    testFraction: 0.2,
    hidden: [8, 8],
    activation: 'tanh',
    optimizer: 'sgd',
    learningRate: 0.03,
    batchSize: 10,
    l2: 0,
  },
  'cnn lenet 28x28 b64': { kind: 'cnn', batchSize: 64, learningRate: 0.001 },
  'lstm(32) seq20 b32': {
    kind: 'lstm',
    units: 32,
    seqLength: 20,
    batchSize: 32,
    learningRate: 0.01,
  },
  'gan 2d b64': { kind: 'gan', batchSize: 64, learningRate: 0.002 },
};

const results = {
  date: new Date().toISOString(),
  machine: 'see PITFALLS.md: 2 shared cores, no GPU (WebGL/WebGPU run on SwiftShader)',
  secondsPerRun: seconds,
  userAgent: await page.evaluate(() => navigator.userAgent).catch(() => null),
  backends: [],
  throughput: {},
  longestTask: {},
  headline: {},
  modules: {},
};

await openBenchPage();
results.backends = await page.evaluate(() => window.nbBench.offered());
log(`backends offered: ${results.backends.join(', ')}`);

const limitMs = (seconds + 13) * 1000;
for (const [name, config] of Object.entries(workloads)) {
  results.throughput[name] = {};
  for (const backend of results.backends) {
    const rt = await timed(
      ([c, b, s]) => window.nbBench.runtime(c, b, s),
      [config, backend, seconds],
      limitMs,
    );
    const skipPlain = rt.stepsPerSec === null && /timed out/.test(rt.error ?? '');
    const pl = skipPlain
      ? { stepsPerSec: null, error: 'skipped: the runtime run timed out' }
      : await timed(
          ([c, b, s]) => window.nbBench.plain(c, b, s),
          [config, backend, seconds],
          limitMs,
        );
    const round = (v) => (v === null || v === undefined ? null : Math.round(v * 10) / 10);
    const entry = {
      runtimeStepsPerSec: round(rt.stepsPerSec),
      plainStepsPerSec: round(pl.stepsPerSec),
      ...(rt.backend && rt.backend !== backend ? { runtimeRanOn: rt.backend } : {}),
      ...(rt.error ? { runtimeError: rt.error } : {}),
      ...(pl.error ? { plainError: pl.error } : {}),
    };
    // The CNN is quoted in examples/s as well (batch 64).
    const perExample = (v) => (v === null ? null : Math.round(v * 64));
    if (config.kind === 'cnn') {
      Object.assign(entry, {
        runtimeExamplesPerSec: perExample(entry.runtimeStepsPerSec),
        plainExamplesPerSec: perExample(entry.plainStepsPerSec),
      });
    }
    results.throughput[name][backend] = entry;
    log(
      `${name} on ${backend}: runtime ${entry.runtimeStepsPerSec ?? '—'} steps/s, plain ${entry.plainStepsPerSec ?? '—'}`,
    );
  }
}

log('longest main-thread task during 10 s of worker training');
results.longestTask.benchPage = await timed(
  (c) => window.nbBench.longestTask(c, 10),
  workloads['mlp 2-8-8-1 tanh spiral b10'],
  40_000,
);
// The same on the lesson page, through the real widget (its drawing included).
try {
  const lesson = await context.newPage();
  await lesson.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  await lesson.goto('/foundations/what-is-deep-learning/');
  const demo = lesson.locator('nb-training-demo').first();
  await demo.scrollIntoViewIfNeeded();
  await lesson.waitForFunction(
    () => document.querySelector('nb-training-demo')?.quizState?.().backend != null,
    null,
    { timeout: 30_000 },
  );
  await lesson.waitForTimeout(2000);
  // Fastest speed setting, so the widget trains (and redraws) as hard as it can.
  await demo.getByRole('combobox', { name: /speed/i }).selectOption({ index: 4 });
  await demo.getByRole('button', { name: 'Play', exact: true }).click();
  await lesson.waitForTimeout(500);
  const r = await lesson.evaluate(async () => {
    window.__longTasks.length = 0;
    const s0 = document.querySelector('nb-training-demo').quizState().step;
    await new Promise((res) => setTimeout(res, 10_000));
    const st = document.querySelector('nb-training-demo').quizState();
    const d = window.__longTasks;
    return {
      backend: st.backend,
      steps: st.step - s0,
      longTasks: d.length,
      longestMs: d.length ? Math.max(...d) : 0,
    };
  });
  results.longestTask.lessonWidget = r;
  await lesson.close();
} catch (e) {
  results.longestTask.lessonWidget = {
    error: e instanceof Error ? e.message.split('\n')[0] : String(e),
  };
}

// 4. Other helpers' bench modules.
const modDir = join(root, 'scripts/bench');
for (const file of readdirSync(modDir)
  .filter((f) => f.endsWith('.mjs'))
  .sort()) {
  const key = basename(file, '.mjs');
  log(`module ${key}`);
  const p = await context.newPage();
  try {
    const mod = await import(pathToFileURL(join(modDir, file)).href);
    const out = await mod.run({ page: p, baseURL });
    results.modules[key] = out;
    // A module may name headline numbers (the keys the issues ask for) in `out.headline`.
    if (out && typeof out === 'object' && out.headline && typeof out.headline === 'object')
      Object.assign(results.headline, out.headline);
  } catch (e) {
    results.modules[key] = { error: e instanceof Error ? e.message.split('\n')[0] : String(e) };
  } finally {
    await p.close().catch(() => {});
  }
}

await browser.close();
server.close();
results.totalSeconds = Math.round((Date.now() - started) / 1000);

mkdirSync(join(root, 'bench'), { recursive: true });
writeFileSync(join(root, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');

// 5. The table.
const pad = (s, n) => String(s).padEnd(n);
const num = (v) => (v === null || v === undefined ? '—' : String(v));
const lines = [
  `${pad('workload', 30)}${pad('backend', 14)}${pad('runtime/s', 12)}${pad('plain/s', 12)}runtime vs plain`,
];
for (const [name, byBackend] of Object.entries(results.throughput)) {
  for (const [backend, e] of Object.entries(byBackend)) {
    const ratio =
      e.runtimeStepsPerSec && e.plainStepsPerSec
        ? `${Math.round((e.runtimeStepsPerSec / e.plainStepsPerSec) * 100)}%`
        : '';
    const unit =
      e.runtimeExamplesPerSec !== undefined
        ? ` (${num(e.runtimeExamplesPerSec)} / ${num(e.plainExamplesPerSec)} ex/s)`
        : '';
    const ran = e.runtimeRanOn ? `${backend}→${e.runtimeRanOn}` : backend;
    lines.push(
      `${pad(name, 30)}${pad(ran, 14)}${pad(num(e.runtimeStepsPerSec), 12)}${pad(num(e.plainStepsPerSec), 12)}${ratio}${unit}`,
    );
  }
}
const lt = results.longestTask;
lines.push('');
lines.push(
  `longest main-thread task, 10 s of worker training: bench page ${num(lt.benchPage?.longestMs)} ms (${num(lt.benchPage?.longTasks)} tasks > 50 ms), lesson widget ${num(lt.lessonWidget?.longestMs)} ms (${num(lt.lessonWidget?.longTasks)} tasks > 50 ms)`,
);
for (const [k, v] of Object.entries(results.modules))
  lines.push(`module ${k}: ${JSON.stringify(v).slice(0, 200)}`);
lines.push(`total ${results.totalSeconds} s; written bench/results.json`);
console.log(lines.join('\n'));
