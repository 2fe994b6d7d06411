#!/usr/bin/env node
// Builds the Node side (core/, db/, templates/, common/) ahead of time with esbuild, so the command line and
// browser mode start from plain JavaScript instead of transpiling TypeScript at every start (tsx):
//   dist/node/cli.js     party-ledger (bin/party-ledger.mjs loads it when it is newer than the sources)
//   dist/node/host.js    browser mode (npm start without Electron)
//   dist/node/worker.js  the workbook reader's worker thread (core/xlsx/parse.ts starts it beside itself)
// Small pure-JS dependencies (kysely, zod, fflate) are bundled in; better-sqlite3 (native) stays outside.
// docx and exceljs stay outside too and load on first use: a listing never pays their ~0.3 s of loading;
// so does pinyin-pro (its dictionary, ~70 ms), loaded by the first global search.
// Runs from `npm install` (prepare) and from `npm start` / `npm test` when a source is newer than the build.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { coreBuildFresh, ENTRIES, OUT, ROOT as root } from './core-build-state.mjs';

const require = createRequire(path.join(root, 'package.json'));
const LAZY = ['docx', 'exceljs', 'pinyin-pro'];

/** A module standing for `name` whose exports are getters that require the real package on first use. */
function lazyModule(name) {
  const keys = Object.keys(require(name)).filter((k) => k !== 'default' && k !== '__esModule');
  const props = keys.map((k) => `  ${JSON.stringify(k)}: { enumerable: true, get: () => load()[${JSON.stringify(k)}] },`).join('\n');
  return `let real;\nconst load = () => (real ??= require(${JSON.stringify(name)}));\nmodule.exports = Object.defineProperties({}, {\n${props}\n});\n`;
}

const lazy = {
  name: 'lazy-documents',
  setup(b) {
    const filter = new RegExp(`^(${LAZY.join('|')})$`);
    b.onResolve({ filter }, (a) => (a.namespace === 'lazy' ? { path: a.path, external: true } : { path: a.path, namespace: 'lazy' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, (a) => ({ contents: lazyModule(a.path), loader: 'js', resolveDir: root }));
  },
};

/**
 * zod's namespace carries every locale (`z.locales`, 64 languages, a third of the bundle) although
 * the ledger only ever uses the built-in English default, under its own Chinese messages (core/labels.ts):
 * the bundle keeps `en` (and `zhCN`) and drops the rest, so there is less to parse at every start.
 */
const zodLocales = {
  name: 'zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (a) => (/[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(a.importer) ? { path: path.join(path.dirname(a.importer), '..', 'locales', 'index.js'), namespace: 'zod-locales' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (a) => ({
      contents: `export { default as en } from ${JSON.stringify(path.join(path.dirname(a.path), 'en.js'))};\nexport { default as zhCN } from ${JSON.stringify(path.join(path.dirname(a.path), 'zh-CN.js'))};\n`,
      loader: 'js',
      resolveDir: path.dirname(a.path),
    }));
  },
};

export async function buildCore() {
  const tmp = `${OUT}.${process.pid}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  const common = {
    absWorkingDir: root,
    outdir: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    plugins: [lazy, zodLocales],
    // bundled CommonJS (and the lazy modules) call require: give the ES module one
    banner: { js: "import { createRequire as __plCreateRequire } from 'node:module';\nconst require = __plCreateRequire(import.meta.url);" },
    // smaller source parses faster; identifiers are kept, so stack traces and class names stay readable
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'linked',
    logLevel: 'warning',
  };
  const { worker, ...hosts } = ENTRIES;
  await build({ ...common, entryPoints: hosts });
  // the worker exists to read workbooks: it loads exceljs at once, so a warmed-up worker is ready for the first file
  await build({ ...common, entryPoints: { worker }, plugins: [zodLocales] });
  // the whole folder appears at once: a process starting meanwhile sees the old build or the new one
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.renameSync(tmp, OUT);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t = Date.now();
  if (process.argv.includes('--if-stale') && coreBuildFresh()) process.exit(0);
  await buildCore();
  console.log(`已构建 dist/node（${Date.now() - t} ms）`);
}
