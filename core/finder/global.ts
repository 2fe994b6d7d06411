/**
 * search/global: one box for the whole ledger (Ctrl+K). Each kind is found by its own
 * small query and answers at most `limit` hits; empty groups are left out, so the
 * dropdown shows only what matched. Reads only; nothing is logged.
 */
import type { Ctx } from '../context.ts';
import { findDossiers, findMembers } from './people.ts';
import { findActivities, findTransfers } from './records.ts';
import { findPages } from './pages.ts';
import { readQuery } from './query.ts';
import type { SearchResult } from './model.ts';

export const DEFAULT_LIMIT = 6;

export async function globalSearch(ctx: Ctx, text: string, limit = DEFAULT_LIMIT): Promise<SearchResult> {
  const q = readQuery(text);
  if (!q.text) return { q: '', groups: [] };
  const groups = [
    await findMembers(ctx, q, limit),
    await findActivities(ctx, q, limit),
    await findDossiers(ctx, q, limit),
    await findTransfers(ctx, q, limit),
    findPages(q, limit),
  ];
  return { q: q.text, groups: groups.filter((g) => g.hits.length) };
}
