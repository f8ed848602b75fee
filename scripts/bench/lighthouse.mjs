// Bench module (scripts/bench.mjs): Lighthouse on every built page, with the same Chromium as the
// tests (CHROMIUM_PATH, which bench.mjs sets to its choice; else /usr/bin/chromium). Lighthouse's
// default mobile setup: Moto G Power-sized screen, simulated slow 4G and 4× CPU slowdown.
// Per page: performance, accessibility, best-practices and SEO scores (0–100), LCP and TBT (ms).
// headline: the lowest score of each category over all pages, and the worst LCP and TBT
// (targets, issue 10: performance ≥ 95, the other three 100, on every page).
//
// Run alone against a build: `node scripts/bench/lighthouse.mjs <dist dir> [path …]`.
import { existsSync } from 'node:fs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** The site's page paths, from the sitemap Astro writes (site URL replaced by baseURL). */
async function sitePaths(baseURL) {
  const index = await (await fetch(`${baseURL}/sitemap-index.xml`)).text();
  const paths = new Set(['/']);
  for (const [, loc] of index.matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const xml = await (await fetch(`${baseURL}${new URL(loc).pathname}`)).text();
    for (const [, page] of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) paths.add(new URL(page).pathname);
  }
  return [...paths].sort();
}

function chromiumPath() {
  const env = process.env.CHROMIUM_PATH;
  if (env && existsSync(env)) return env;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  throw new Error('No Chromium for Lighthouse: set CHROMIUM_PATH');
}

/** Lighthouse results for one URL on an already running Chromium (debugging port). */
async function audit(lighthouse, url, port) {
  const runner = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: CATEGORIES,
  });
  const lhr = runner?.lhr;
  if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
  const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const failing = (id) =>
    (lhr.categories[id]?.auditRefs ?? [])
      .filter((r) => r.weight > 0 && (lhr.audits[r.id]?.score ?? 1) < 1)
      .map((r) => r.id);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN),
    tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? NaN),
    // What keeps a score under 100 (audit ids), so a regression says where to look.
    notPassing: {
      performance: failing('performance'),
      accessibility: failing('accessibility'),
      bestPractices: failing('best-practices'),
      seo: failing('seo'),
    },
    ...(lhr.runtimeError ? { runtimeError: lhr.runtimeError.message } : {}),
  };
}

/** `paths` limits the pages (default: every page in the sitemap). */
export async function run({ baseURL, paths }) {
  const { default: lighthouse } = await import('lighthouse');
  const { launch } = await import('chrome-launcher');
  const list = paths ?? (await sitePaths(baseURL));
  const chrome = await launch({
    chromePath: chromiumPath(),
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const pages = {};
  try {
    for (const path of list) {
      try {
        pages[path] = await audit(lighthouse, `${baseURL}${path}`, chrome.port);
      } catch (e) {
        pages[path] = { error: e instanceof Error ? e.message.split('\n')[0] : String(e) };
      }
    }
  } finally {
    await chrome.kill();
  }
  const ok = Object.values(pages).filter((p) => !('error' in p));
  const min = (k) => (ok.length ? Math.min(...ok.map((p) => p[k])) : null);
  const max = (k) => (ok.length ? Math.max(...ok.map((p) => p[k])) : null);
  return {
    headline: {
      lighthouseMinPerformance: min('performance'),
      lighthouseMinAccessibility: min('accessibility'),
      lighthouseMinBestPractices: min('bestPractices'),
      lighthouseMinSeo: min('seo'),
      lighthouseMaxLcpMs: max('lcpMs'),
      lighthouseMaxTbtMs: max('tbtMs'),
    },
    formFactor: 'mobile (Lighthouse default: simulated slow 4G, 4× CPU slowdown)',
    pages,
  };
}

// Standalone: serve a built dist and print the results.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [dist, ...paths] = process.argv.slice(2);
  if (!dist) {
    console.error('usage: node scripts/bench/lighthouse.mjs <dist dir> [path …]');
    process.exit(2);
  }
  const { createServer } = await import('node:http');
  const { createReadStream, statSync } = await import('node:fs');
  const { extname, join, normalize, resolve } = await import('node:path');
  const root = resolve(dist);
  const types = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
    '.webmanifest': 'application/manifest+json',
    '.wasm': 'application/wasm',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.woff2': 'font/woff2',
    '.xml': 'application/xml',
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let file = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const baseURL = `http://127.0.0.1:${server.address().port}`;
  try {
    const out = await run({ baseURL, paths: paths.length ? paths : undefined });
    console.log(JSON.stringify(out, null, 2));
  } finally {
    server.close();
  }
}
