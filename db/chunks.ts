/**
 * SQLite limits the number of bound values in one statement, so long id lists
 * (`where id in (…)`) and multi-row inserts go in batches: `inChunks(ids, 500, fn)`
 * calls `fn` once per slice, in order, one after the other (never for an empty list).
 */
export async function inChunks<T>(items: readonly T[], size: number, fn: (chunk: T[]) => Promise<unknown>): Promise<void> {
  if (!(size >= 1)) throw new RangeError(`inChunks: size must be at least 1, got ${size}`);
  for (let i = 0; i < items.length; i += size) await fn(items.slice(i, i + size));
}
