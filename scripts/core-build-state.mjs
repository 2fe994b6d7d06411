// Whether dist/node (the ahead-of-time build of core/, db/, templates/, common/) is current, and how to start
// a Node entry from it. No dependencies, so bin/party-ledger.mjs can ask at every start for a few milliseconds.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SOURCES = ['core', 'db', 'templates', 'common'];
export const OUT = path.join(ROOT, 'dist', 'node');
/** The built entries and the TypeScript they come from. */
export const ENTRIES = { cli: 'core/cli/main.ts', host: 'core/host/main.ts', worker: 'core/xlsx/worker.ts' };

/** Newest modification time (ms) under a folder: its files and folders (a deleted file changes its folder); 0 when it is missing. */
export function newestMtime(dir) {
  if (!fs.existsSync(dir)) return 0;
  let t = fs.statSync(dir).mtimeMs;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

/** Newest modification time (ms) of the sources of dist/node, and package.json. */
export function newestSource(root = ROOT) {
  return Math.max(fs.statSync(path.join(root, 'package.json')).mtimeMs, ...SOURCES.map((d) => newestMtime(path.join(root, d))));
}

/** True when every entry is built and no source is newer than the build. */
export function coreBuildFresh(root = ROOT) {
  const built = Object.keys(ENTRIES).map((e) => path.join(root, 'dist', 'node', `${e}.js`));
  if (!built.every((f) => fs.existsSync(f))) return false;
  const oldest = Math.min(...built.map((f) => fs.statSync(f).mtimeMs));
  return newestSource(root) <= oldest;
}

/**
 * Node arguments that run an entry: the built JavaScript when it is current, else the TypeScript through tsx
 * (development: a source edited since the last build).
 */
export function nodeArgs(entry, root = ROOT) {
  return coreBuildFresh(root) ? [path.join(root, 'dist', 'node', `${entry}.js`)] : ['--import', 'tsx', path.join(root, ENTRIES[entry])];
}
