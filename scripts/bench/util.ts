/** Timing helpers for npm run bench. */
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
