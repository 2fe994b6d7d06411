/**
 * The 党委's points scheme and the scope settings. Saving a scheme adds a version (its own source and
 * effective date), never overwrites the example; saving the scope writes the four settings at once.
 */
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { setSetting } from '../settings/service.ts';
import { activityTypes } from '../activities/service.ts';
import { MEMBER_CATEGORIES } from '../../common/enums.ts';
import { text } from '../validate.ts';
import { loadPointsSettings } from './queries.ts';
import { EXAMPLE_SCHEME, schemeFor, type PointsSchemeVersion } from './scheme.ts';
import type { schemeInput } from './scheme.ts';
import type { HonoursSetting } from './model.ts';

export interface SchemeView {
  versions: (PointsSchemeVersion & { example: boolean })[];
  inForce: PointsSchemeVersion & { example: boolean };
  meetingTypes: string[];
}

export async function pointsScheme(ctx: Ctx, year?: number): Promise<SchemeView> {
  const s = await loadPointsSettings(ctx.db);
  const y = year ?? Number(ctx.platform.today().slice(0, 4));
  const f = schemeFor(y, s.versions);
  return {
    versions: [EXAMPLE_SCHEME, ...s.versions].map((v) => ({ ...v, example: v === EXAMPLE_SCHEME })),
    inForce: { ...f, example: f === EXAMPLE_SCHEME },
    meetingTypes: await activityTypes(ctx.db),
  };
}

export async function saveScheme(ctx: Ctx, input: z.output<typeof schemeInput>): Promise<SchemeView> {
  await ctx.db.transaction().execute(async (tx) => {
    const s = await loadPointsSettings(tx);
    const known = await activityTypes(tx);
    for (const it of input.items)
      if (it.source.kind === 'meeting') {
        const bad = it.source.types.find((t) => !known.includes(t) && !EXAMPLE_SCHEME.values.items.some((e) => e.source.kind === 'meeting' && e.source.types.includes(t)));
        if (bad) throw new LedgerError(`项目“${it.name}”：“${bad}”不是组织生活类型`, 'items');
      }
    const version: PointsSchemeVersion = {
      version: String(s.versions.length + 1), effectiveFrom: input.effectiveFrom, source: input.source, verified: true,
      values: { base: input.base, items: input.items.map((i) => ({ ...i, cap: i.cap ?? null })) },
    };
    await setSetting(tx, ctx, 'points.schemeVersions', [...s.versions, version]);
  });
  return pointsScheme(ctx, Number(input.effectiveFrom.slice(0, 4)));
}

export const scopeInput = z.object({
  exclusionReasons: z.array(text(20)).max(20, '最多 20 项'),
  excludedCategories: z.array(z.enum(MEMBER_CATEGORIES, { error: '应为人员类别' })).max(10, '最多 10 项'),
  includeProbationary: z.boolean(),
  honours: z.object({
    mode: z.enum(['top', 'threshold'], { error: '应为 前N名 或 分数线' }),
    count: z.coerce.number({ error: '应为人数' }).int('应为整数').min(1, '至少 1 人').max(100, '不能多于 100 人'),
    threshold: z.coerce.number({ error: '应为分数' }).int('应为整数').min(0, '不能小于 0').max(1000, '不能大于 1000'),
    scope: z.enum(['branch', 'bureau'], { error: '应为 各支部 或 全局' }),
  }),
});

export async function pointsScope(ctx: Ctx): Promise<{ exclusionReasons: string[]; excludedCategories: string[]; includeProbationary: boolean; honours: HonoursSetting }> {
  const s = await loadPointsSettings(ctx.db);
  return { exclusionReasons: s.exclusionReasons, excludedCategories: s.excludedCategories, includeProbationary: s.includeProbationary, honours: s.honours };
}

export async function saveScope(ctx: Ctx, v: z.output<typeof scopeInput>) {
  await ctx.db.transaction().execute(async (tx) => {
    await setSetting(tx, ctx, 'points.exclusionReasons', v.exclusionReasons);
    await setSetting(tx, ctx, 'points.excludedCategories', v.excludedCategories);
    await setSetting(tx, ctx, 'points.includeProbationary', v.includeProbationary);
    await setSetting(tx, ctx, 'points.honours', v.honours);
  });
  return pointsScope(ctx);
}
