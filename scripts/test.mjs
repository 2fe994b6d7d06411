#!/usr/bin/env node
// npm test: typecheck, unit and core tests (vitest on real SQLite), then e2e in Debian's Chromium against browser mode.
// Ends with one plain summary line: "tests: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (p) => path.join(root, 'node_modules', p);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const totals = { passed: 0, failed: 0, skipped: 0 };
let failedSteps = [];

function step(title, cmd, args, env = {}) {
  console.log(`\n=== ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) failedSteps.push(title);
  return r.status === 0;
}

function vitest(title, config) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pl-vitest-')), 'report.json');
  const ok = step(title, process.execPath, [bin('vitest/vitest.mjs'), 'run', '-c', config, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (fs.existsSync(out)) {
    const r = JSON.parse(fs.readFileSync(out, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + r.numTodoTests;
    if (r.numTotalTests === 0) failedSteps.push(`${title}: no tests ran`);
  } else if (!ok) totals.failed += 1;
  return ok;
}

// the CLI and browser mode the tests spawn run from the ahead-of-time build, as after `npm install`
step('build core (esbuild → dist/node)', process.execPath, [path.join(root, 'scripts', 'build-core.mjs'), '--if-stale']);
step('typecheck (vue-tsc)', process.execPath, [bin('vue-tsc/bin/vue-tsc.js'), '--noEmit', '-p', 'tsconfig.json']);
vitest('core, renderer and shell tests (vitest)', 'vitest.config.ts');

if (fs.existsSync(chromium)) {
  step('build renderer (vite)', process.execPath, [bin('vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
  vitest('e2e in Chromium (vitest + playwright-core)', 'vitest.e2e.config.ts');
} else if (process.env.CI === 'true') {
  console.log(`\n=== e2e: Chromium not found at ${chromium}; under CI this is a failure (.ci/run installs it).`);
  failedSteps.push('e2e: Chromium missing');
  totals.failed += 1;
} else {
  console.log(`\n=== e2e NOT RUN: Chromium not found at ${chromium} (install: apt-get install -y --no-install-recommends chromium).`);
}

console.log('');
if (failedSteps.length) console.log(`failed steps: ${failedSteps.join('; ')}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
