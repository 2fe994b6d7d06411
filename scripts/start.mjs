#!/usr/bin/env node
// npm start: the desktop window when Electron's binary is present, else the same UI in browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestMtime } from './core-build-state.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Path of Electron's binary, or null when its download was skipped or failed. */
function electronBinary() {
  try {
    const p = require('electron');
    return typeof p === 'string' && fs.existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

const built = path.join(root, 'dist', 'renderer', 'index.html');
// the renderer imports common/ too: a change there needs a new build as well
const rendererNewest = Math.max(newestMtime(path.join(root, 'renderer')), newestMtime(path.join(root, 'common')));
if (!fs.existsSync(built) || rendererNewest > fs.statSync(built).mtimeMs || process.env.PARTY_LEDGER_REBUILD === '1') {
  console.log('正在构建界面（首次启动或界面代码有更新）…');
  run(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn']);
}

// the command line and browser mode run from JavaScript built ahead (dist/node): rebuild it when a source is newer
run(process.execPath, [path.join(root, 'scripts', 'build-core.mjs'), '--if-stale']);

const electron = process.env.PARTY_LEDGER_BROWSER === '1' ? null : electronBinary();
if (electron) {
  run(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.node.json']);
  const child = spawn(electron, [root], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('未找到 Electron 程序文件（本机无法下载），改用浏览器模式：界面与桌面版相同，在本机浏览器中打开。');
  const child = spawn(process.execPath, [path.join(root, 'dist', 'node', 'host.js')], { cwd: root, stdio: 'inherit' });
  const forward = (sig) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}
