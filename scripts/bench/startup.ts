/**
 * Whole-process start-up figures (issue 9): a CLI listing and browser mode's first page, measured from the
 * spawn of `node` to the end (CLI) or to the first page served (host), as a clerk or a script meets them.
 * Both run the ahead-of-time build (dist/node); it is built first when a source is newer.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { coreBuildFresh } from '../core-build-state.mjs';
import { hostLaunchUrl, median } from './util.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(ROOT, 'bin', 'party-ledger.mjs');

/** One CLI run; a failure stops the bench. */
function runCli(args: string[], env: NodeJS.ProcessEnv): void {
  const r = spawnSync(process.execPath, [CLI, ...args], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`party-ledger ${args.join(' ')} failed: ${r.stderr}`);
}

/** Peak memory (MB) of one CLI run, from GNU time where the machine has it. */
function peakRssMb(args: string[], env: NodeJS.ProcessEnv): number | string {
  if (!fs.existsSync('/usr/bin/time')) return 'n/a';
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, CLI, ...args], { env, encoding: 'utf8' });
  return Math.round(Number(r.stderr.trim().split('\n').at(-1)) / 1024);
}

/** From spawning browser mode to the first page (the launch URL) answered 200. */
async function hostFirstPage(env: NodeJS.ProcessEnv): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'node', 'host.js')], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await hostLaunchUrl(child, 30_000);
    const res = await fetch(url, { redirect: 'manual' });
    await res.arrayBuffer();
    if (res.status >= 400) throw new Error(`first page: HTTP ${res.status}`);
    return performance.now() - t0;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

export async function bench(): Promise<Record<string, number | string>> {
  if (!coreBuildFresh()) spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-core.mjs')], { stdio: 'inherit' });
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-bench-startup-'));
  const env = { ...process.env, PARTY_LEDGER_HOME: home, PARTY_LEDGER_NO_BROWSER: '1', PARTY_LEDGER_TODAY: '2026-11-28' };
  try {
    runCli(['demo'], env);
    // median of 5 after a warm-up run (scripts/bench/util.ts)
    const out: Record<string, number | string> = {
      cliBranchesListWallMs: Math.round(await median(() => runCli(['branches', 'list'], env))),
      cliBranchesListPeakRssMb: peakRssMb(['branches', 'list'], env),
      cliNodeBareWallMs: Math.round(await median(() => spawnSync(process.execPath, ['-e', '0']))),
    };
    if (fs.existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'))) {
      // the figure is spawn → first page, not the shutdown after it: the middle of three
      const pages = [await hostFirstPage(env), await hostFirstPage(env), await hostFirstPage(env)].sort((a, b) => a - b);
      out.browserModeFirstPageMs = Math.round(pages[1]);
    } else out.browserModeFirstPageMs = 'not measured: renderer not built (npm start or vite build)';
    out.target = 'cliBranchesListWallMs ≤ 300, browserModeFirstPageMs ≤ 1000 (whole process, median)';
    return out;
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}
