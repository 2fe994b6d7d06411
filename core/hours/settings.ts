/**
 * The unit's 学时 settings (study.md 8.1 [L]: no national rule on how meetings count): which meeting types count
 * and how (from start and end time, or a fixed number of 学时 a meeting), the minutes of one 学时, whether a
 * committee post held at any time of the year counts for the 56 rule, and pro-rating for members who join mid-year.
 */
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { getSetting, setSetting } from '../settings/service.ts';
import { activityTypes } from '../activities/service.ts';
import { toTenths, type MeetingCount } from './model.ts';
import { loadHoursSettings } from './queries.ts';

export interface HoursSettings {
  meetingTypes: Record<string, MeetingCount>;
  minutesPerHour: number;
  roleDate: 'any' | 'yearEnd';
  prorate: boolean;
  /** the activity types a clerk can choose from */
  choices: string[];
}

const count = z.union([
  z.literal('time'),
  z.coerce.number({ error: '应为学时数或“按起止时间”' }).gt(0, '应大于 0').max(24, '不能大于 24').refine((v) => toTenths(v) !== null, '最多保留一位小数'),
]);

export const hoursSettingsInput = z.object({
  meetingTypes: z.record(z.string().trim().min(1, '请选择会议类型').max(30, '不能超过 30 字'), count),
  minutesPerHour: z.coerce.number({ error: '应为分钟数' }).int('应为整数').min(30, '不能少于 30 分钟').max(120, '不能多于 120 分钟'),
  roleDate: z.enum(['any', 'yearEnd'], { error: '应为 any 或 yearEnd' }),
  prorate: z.boolean(),
});

export async function hoursSettings(ctx: Ctx): Promise<HoursSettings> {
  const [s, types] = await Promise.all([loadHoursSettings(ctx.db), activityTypes(ctx.db)]);
  return { meetingTypes: s.types, minutesPerHour: s.minutesPerHour, roleDate: s.roleDate, prorate: s.prorate, choices: [...new Set([...types, ...Object.keys(s.types)])] };
}

export async function saveHoursSettings(ctx: Ctx, s: z.output<typeof hoursSettingsInput>): Promise<HoursSettings> {
  await ctx.db.transaction().execute(async (tx) => {
    const known = await activityTypes(tx);
    const before = await getSetting<Record<string, MeetingCount>>(tx, 'hours.meetingTypes');
    // a type kept from before may be one the activities list no longer offers (集中学习 of the default)
    const bad = Object.keys(s.meetingTypes).find((t) => !known.includes(t) && !(t in before));
    if (bad) throw new LedgerError(`“${bad}”不是组织生活类型`, 'meetingTypes');
    await setSetting(tx, ctx, 'hours.meetingTypes', s.meetingTypes);
    await setSetting(tx, ctx, 'hours.minutesPerHour', s.minutesPerHour);
    await setSetting(tx, ctx, 'hours.roleDate', s.roleDate);
    await setSetting(tx, ctx, 'hours.prorate', s.prorate);
  });
  return hoursSettings(ctx);
}
