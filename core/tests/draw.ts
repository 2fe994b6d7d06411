/**
 * 抽测: N participants drawn at random from the participants of a test (e.g. the
 * 全员普测), or from the roster of chosen branches, optionally only those of
 * chosen 党支部 or 部门. The pool is put in a fixed order (branch or 部门, name,
 * id) and shuffled by a generator seeded from the seed's text, so the same seed
 * over the same pool gives the same names: the draw is recorded with its seed and
 * can be shown again and checked (`reproduced`).
 */
import { randomInt } from 'node:crypto';
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { audit } from '../audit/service.ts';
import { seeded } from '../demo/random.ts';

export interface DrawPerson {
  memberId: string | null;
  name: string;
  branch: string | null;
  department: string | null;
}

export interface DrawInput {
  name?: string;
  fromTestId?: string;
  /** 党支部 or 部门 names; empty: everyone of the test (a test is required then) */
  scope: string[];
  count: number;
  seed?: string;
}

export interface Draw {
  id: string;
  name: string;
  drawnOn: string;
  seed: string;
  count: number;
  fromTestId: string | null;
  scope: string[];
  poolSize: number;
  picked: DrawPerson[];
  /** drawing again with the seed over today's pool gives the same names */
  reproduced: boolean;
}

/** FNV-1a of the seed's text: the generator's start. */
export function seedNumber(seed: string): number {
  let h = 0x811c9dc5;
  for (const ch of seed) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const order = (a: DrawPerson, b: DrawPerson) =>
  (a.branch ?? a.department ?? '').localeCompare(b.branch ?? b.department ?? '', 'zh-Hans-CN') ||
  a.name.localeCompare(b.name, 'zh-Hans-CN') ||
  (a.memberId ?? a.department ?? '').localeCompare(b.memberId ?? b.department ?? '');

/** The first `count` of the pool shuffled by the seed (a partial Fisher–Yates). */
export function drawFrom(pool: readonly DrawPerson[], count: number, seed: string): DrawPerson[] {
  const list = [...pool].sort(order);
  const rng = seeded(seedNumber(seed));
  for (let i = 0; i < Math.min(count, list.length); i++) {
    const j = i + Math.floor(rng.next() * (list.length - i));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list.slice(0, count);
}

async function poolOf(ctx: Ctx, fromTestId: string | null, scope: string[]): Promise<DrawPerson[]> {
  const want = new Set(scope);
  if (fromTestId) {
    const t = await ctx.db.selectFrom('political_tests').select('id').where('id', '=', fromTestId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!t) throw new LedgerError('找不到要从中抽取的测试，可能已被删除');
    const rows = await ctx.db
      .selectFrom('political_test_results as r')
      .leftJoin('org_units as o', 'o.id', 'r.branch_id')
      .select(['r.member_id', 'r.name', 'r.department', 'o.name as branch', 'o.short_name'])
      .where('r.test_id', '=', fromTestId)
      .execute();
    return rows
      .filter((r) => !want.size || want.has(r.department ?? '') || want.has(r.branch ?? '') || want.has(r.short_name ?? ''))
      .map((r) => ({ memberId: r.member_id, name: r.name, branch: r.branch ?? null, department: r.department }));
  }
  if (!want.size) throw new LedgerError('请选择要抽取的党支部，或选择从哪次测试的参加人员中抽取');
  const branches = await ctx.db.selectFrom('org_units').select(['id', 'name', 'short_name']).where('kind', '=', '党支部').where('deleted_at', 'is', null).execute();
  const chosen = branches.filter((b) => want.has(b.name) || (b.short_name && want.has(b.short_name)));
  const unknown = scope.filter((s) => !chosen.some((b) => b.name === s || b.short_name === s));
  if (unknown.length) throw new LedgerError(`没有名为“${unknown.join('、')}”的党支部`);
  const today = ctx.platform.today();
  const members = await ctx.db
    .selectFrom('members')
    .select(['id', 'name', 'work_unit', 'branch_id'])
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('left_date', 'is', null), eb('left_date', '>', today)]))
    .where('branch_id', 'in', chosen.map((b) => b.id))
    .execute();
  const name = new Map(chosen.map((b) => [b.id, b.name]));
  return members.map((m) => ({ memberId: m.id, name: m.name, branch: name.get(m.branch_id) ?? null, department: m.work_unit }));
}

type DrawRecord = { id: string; name: string; drawn_on: string; seed: string; count: number; from_test_id: string | null; scope_json: string; pool_size: number; picked_json: string };

async function asDraw(ctx: Ctx, r: DrawRecord): Promise<Draw> {
  const scope = JSON.parse(r.scope_json) as string[];
  const picked = JSON.parse(r.picked_json) as DrawPerson[];
  let reproduced = false;
  try {
    const again = drawFrom(await poolOf(ctx, r.from_test_id, scope), r.count, r.seed);
    reproduced = again.length === picked.length && again.every((p, i) => p.name === picked[i].name && p.memberId === picked[i].memberId);
  } catch {
    reproduced = false;
  }
  return { id: r.id, name: r.name, drawnOn: r.drawn_on, seed: r.seed, count: r.count, fromTestId: r.from_test_id, scope, poolSize: r.pool_size, picked, reproduced };
}

export async function makeDraw(ctx: Ctx, input: DrawInput): Promise<Draw> {
  const pool = await poolOf(ctx, input.fromTestId ?? null, input.scope);
  if (input.count > pool.length) throw new LedgerError(`抽取人数（${input.count}）超过可抽取的人数（${pool.length}）`);
  const seed = input.seed?.trim() || String(randomInt(100000, 1000000));
  const picked = drawFrom(pool, input.count, seed);
  const today = ctx.platform.today();
  const record: DrawRecord = {
    id: ctx.platform.newId(), name: input.name?.trim() || `${today} 抽测名单`, drawn_on: today, seed, count: input.count, from_test_id: input.fromTestId ?? null,
    scope_json: JSON.stringify(input.scope), pool_size: pool.length, picked_json: JSON.stringify(picked),
  };
  await ctx.db.transaction().execute(async (tx) => {
    await tx.insertInto('political_test_draws').values({ ...record, created_at: ctx.platform.now(), deleted_at: null }).execute();
    await audit(tx, ctx, { entity: 'political_test_draws', entityId: record.id, action: '抽取', summary: `抽测：从 ${pool.length} 人中抽取 ${input.count} 人（随机种子 ${seed}）`, after: { ...record, picked } });
  });
  return { ...(await asDraw(ctx, record)) };
}

export async function getDraw(ctx: Ctx, id: string): Promise<Draw> {
  const r = await ctx.db.selectFrom('political_test_draws').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!r) throw new LedgerError('找不到这份抽测名单，可能已被删除');
  return asDraw(ctx, r);
}

export async function listDraws(ctx: Ctx): Promise<Omit<Draw, 'picked' | 'reproduced'>[]> {
  const rows = await ctx.db.selectFrom('political_test_draws').selectAll().where('deleted_at', 'is', null).orderBy('created_at', 'desc').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, drawnOn: r.drawn_on, seed: r.seed, count: r.count, fromTestId: r.from_test_id, scope: JSON.parse(r.scope_json) as string[], poolSize: r.pool_size }));
}
