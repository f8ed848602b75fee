// `npm test`: every quality gate in order, then one summary line "N passed, N failed[, N skipped]".
// Exits non-zero if anything failed or nothing ran. Runs under the project's pinned Node (npm
// scripts put node_modules/.bin first on PATH).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

const out = '.test-output';
mkdirSync(out, { recursive: true });

/** @type {Array<{name: string, passed: number, failed: number, skipped: number, seconds: number}>} */
const results = [];

function run(name, cmd, args, count) {
  const started = Date.now();
  console.log(`\n━━ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  const seconds = (Date.now() - started) / 1000;
  const ok = r.status === 0;
  let counts = { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 };
  if (count) {
    const c = count(ok);
    if (c) counts = c;
  }
  results.push({ name, ...counts, seconds });
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

run('type check', 'astro', ['check']);
run('lint', 'eslint', ['.', '--max-warnings', '0']);
run('format', 'prettier', ['--check', '.', '--log-level', 'warn']);

rmSync(`${out}/vitest.json`, { force: true });
run(
  'unit tests',
  'vitest',
  ['run', '--reporter=default', '--reporter=json', `--outputFile=${out}/vitest.json`],
  (ok) => {
    const j = readJson(`${out}/vitest.json`);
    if (!j) return { passed: 0, failed: 1, skipped: 0 };
    const failed = j.numFailedTests + (ok || j.numFailedTests > 0 ? 0 : 1);
    return { passed: j.numPassedTests, failed, skipped: j.numPendingTests + j.numTodoTests };
  },
);

const built = run('build', 'astro', ['build']);

// playwright.config.ts writes its JSON next to a side-by-side build (NB_OUT_DIR) when one is set.
const pwJson = process.env.NB_OUT_DIR
  ? join(dirname(process.env.NB_OUT_DIR), out, 'playwright.json')
  : `${out}/playwright.json`;
rmSync(pwJson, { force: true });
if (built) {
  run('browser tests', 'playwright', ['test'], (ok) => {
    const j = readJson(pwJson);
    if (!j?.stats) return { passed: 0, failed: 1, skipped: 0 };
    const s = j.stats;
    const failed = s.unexpected + (ok || s.unexpected > 0 ? 0 : 1);
    return { passed: s.expected + s.flaky, failed, skipped: s.skipped };
  });
} else {
  results.push({
    name: 'browser tests (not run: build failed)',
    passed: 0,
    failed: 1,
    skipped: 0,
    seconds: 0,
  });
}

const total = results.reduce(
  (a, r) => ({
    passed: a.passed + r.passed,
    failed: a.failed + r.failed,
    skipped: a.skipped + r.skipped,
  }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log('\n━━ Summary');
for (const r of results) {
  const mark = r.failed > 0 ? 'FAIL' : 'ok  ';
  console.log(
    `${mark} ${r.name.padEnd(40)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed ${String(r.skipped).padStart(3)} skipped  ${r.seconds.toFixed(1)} s`,
  );
}
const dist = process.env.NB_OUT_DIR ?? 'dist';
if (!existsSync(`${dist}/index.html`)) console.log(`(${dist}/ has no index.html)`);
console.log(
  `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`,
);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
