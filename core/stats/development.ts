/**
 * The development funnel by stage (申请人 → 入党积极分子 → 发展对象 → 预备党员 →
 * 正式党员), from the development files and their steps (core/development/
 * roster.ts `loadAll`, model.ts `stageOf`). Only steps dated by the as-of day
 * count. For each stage: how many files had reached it by then (the funnel,
 * counting those who later left the process too), how many stood at it on that
 * day (still in the process), and how many entered it during the year.
 */
import type { Ctx } from '../context.ts';
import { loadAll } from '../development/roster.ts';
import { stageOf } from '../development/model.ts';
import { STAGE_TITLES, STEP, type StageTitle } from '../development/steps.ts';
import { asOfFor } from './common.ts';

/** The step that opens each stage. */
export const STAGE_STEP: Record<StageTitle, number> = {
  申请人: STEP.application,
  入党积极分子: STEP.activist,
  发展对象: STEP.candidate,
  预备党员: STEP.branchMeeting,
  正式党员: STEP.conversionApproval,
};

export interface StageFigure {
  stage: StageTitle;
  /** reached this stage by the as-of day (cumulative) */
  reached: number;
  /** at this stage on the as-of day and not left */
  current: number;
  /** entered this stage during the year */
  enteredInYear: number;
}

export interface DevelopmentStats {
  year: number;
  asOf: string;
  stages: StageFigure[];
  /** files with a step by the as-of day */
  files: number;
  /** of them, left the process by the as-of day (撤回申请, 不再培养, …) */
  left: number;
}

export async function developmentStats(ctx: Ctx, year: number, asOf?: string): Promise<DevelopmentStats> {
  const day = asOfFor(year, ctx.platform.today(), asOf);
  const stages: StageFigure[] = STAGE_TITLES.map((stage) => ({ stage, reached: 0, current: 0, enteredInYear: 0 }));
  let files = 0;
  let left = 0;
  for (const { file, steps } of await loadAll(ctx.db, { scope: 'all' })) {
    const by = steps.filter((s) => s.date <= day);
    if (!by.length) continue;
    files++;
    const gone = Boolean(file.leftDate && file.leftDate <= day);
    if (gone) left++;
    const at = stageOf(by);
    const dates = new Map(by.map((s) => [s.step, s.date]));
    stages.forEach((f, i) => {
      // everyone with a step has applied; later stages open with their step
      const date = i === 0 ? (dates.get(STEP.application) ?? by[0].date) : dates.get(STAGE_STEP[f.stage]);
      if (i > 0 && !date) return;
      f.reached++;
      if (date?.startsWith(`${year}-`)) f.enteredInYear++;
    });
    if (!gone) stages[STAGE_TITLES.indexOf(at)].current++;
  }
  return { year, asOf: day, stages, files, left };
}
