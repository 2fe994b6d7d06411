/** Timing helpers for npm run bench. */
import type { ChildProcess } from 'node:child_process';

export async function time<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: Math.round((performance.now() - t0) * 100) / 100, value };
}

/** Median of `runs` timings after one warm-up run. */
export async function median(fn: () => Promise<unknown> | unknown, runs = 5): Promise<number> {
  await fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) t.push((await time(fn)).ms);
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)];
}

/** Waits for browser mode's launch URL (http://127.0.0.1:PORT/?code=…) on a host child's output; rejects with the log on exit or timeout. */
export function hostLaunchUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${log}`)), timeoutMs);
    const onData = (d: Buffer) => {
      log += d.toString();
      const m = log.match(/(http:\/\/127\.0\.0\.1:\d+\/\?code=[0-9a-f]+)/);
      if (m) clearTimeout(timer), resolve(m[1]);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (c) => reject(new Error(`host exited ${c}:\n${log}`)));
  });
}
