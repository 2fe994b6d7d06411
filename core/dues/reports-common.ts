/** What every dues document view model shares: the unit's names and a rate in per cent. */
import type { Ctx } from '../context.ts';
import { getSetting } from '../settings/service.ts';

export async function unitNames(ctx: Ctx): Promise<{ unit: string; committee: string }> {
  const unit = (await getSetting<string>(ctx.db, 'org.unitName')) || '本单位';
  const committee = (await getSetting<string>(ctx.db, 'org.committeeName')) || `中共${unit}委员会`;
  return { unit, committee };
}

/** 收缴率: '98.5%', or '—' when nothing was due. */
export const pct = (num: number, den: number): string => (den ? `${((num / den) * 100).toFixed(1)}%` : '—');
