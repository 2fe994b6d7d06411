/**
 * Helpers for the crash tests: a seeded random source (so every run kills at the
 * same points), a real child process killed with SIGKILL after a delay counted
 * from a moment it reaches (the ledger opened, a line printed), a small pool so
 * two children run at once on two cores, and what is left in a folder afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'party-ledger.mjs');

/** mulberry32: a tiny seeded generator, uniform in [0, 1). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Run {
  child: ChildProcess;
  stdout: string[];
  /** Resolves with the exit code, or null when the process was killed. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

const live = new Set<ChildProcess>();

/** Kills every child still running (by its own handle), for afterAll. */
export function stopAll(): void {
  for (const c of live) c.kill('SIGKILL');
}

export function start(args: string[], env: Record<string, string> = {}): Run {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  child.on('exit', () => live.delete(child));
  const stdout: string[] = [];
  let stderr = '';
  let partial = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    const lines = (partial + d).split('\n');
    partial = lines.pop()!;
    stdout.push(...lines);
  });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, stdout, exited };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `ready()` holds or the process has ended; returns whether it holds. */
export async function waitFor(run: Run, ready: () => boolean, timeoutMs = 300_000): Promise<boolean> {
  let ended = false;
  void run.exited.then(() => (ended = true));
  const until = Date.now() + timeoutMs;
  while (!ready()) {
    if (ended || Date.now() > until) return ready();
    await sleep(5);
  }
  return true;
}

export interface Kill {
  killed: boolean;
  code: number | null;
  stderr: string;
  /** What `probe` saw just before the kill (e.g. the WAL's size), when given. */
  seen?: number;
}

/** SIGKILL when `trigger` resolves; `killed` is false when the process had already finished by itself. */
export async function killWhen(run: Run, trigger: Promise<unknown>, probe?: () => number): Promise<Kill> {
  const first = await Promise.race([trigger.then(() => 'trigger' as const), run.exited.then(() => 'exit' as const)]);
  let seen: number | undefined;
  if (first === 'trigger') {
    seen = probe?.();
    run.child.kill('SIGKILL');
  }
  const r = await run.exited;
  return { killed: r.signal === 'SIGKILL', code: r.code, stderr: r.stderr, seen };
}

/** SIGKILL after `ms`. */
export function killAfter(run: Run, ms: number, probe?: () => number): Promise<Kill> {
  return killWhen(run, sleep(ms), probe);
}

/** Resolves as soon as a file whose name passes `match` appears in `dir` (inotify, not polling), or never. */
export function appears(dir: string, match: (name: string) => boolean): { seen: Promise<void>; stop: () => void } {
  fs.mkdirSync(dir, { recursive: true });
  let stop = () => {};
  const seen = new Promise<void>((resolve) => {
    const w = fs.watch(dir, (_e, name) => {
      if (name && match(String(name))) resolve();
    });
    stop = () => w.close();
  });
  return { seen, stop };
}

/** Size of a file, 0 when absent. */
export function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** Runs the jobs with at most `n` at a time, results in job order. */
export async function pool<T>(jobs: (() => Promise<T>)[], n: number): Promise<T[]> {
  const out: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, jobs.length) }, worker));
  return out;
}

/** Every file under `dir` (relative paths), recursively. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** Temporary files of ours or of SQLite's rollback journal. */
export function temporaryFiles(dir: string): string[] {
  return filesUnder(dir).filter((f) => /\.tmp$|-journal$/.test(f));
}

/** Sets the modification time of every file under `dir` back by `ms`, as if that much time had passed. */
export function age(dir: string, ms: number): void {
  // from each file's own time, not the process clock: housekeeping measures ages on the file system's clock
  for (const f of filesUnder(dir)) {
    const file = path.join(dir, f);
    const t = new Date(fs.statSync(file).mtimeMs - ms);
    fs.utimesSync(file, t, t);
  }
}
