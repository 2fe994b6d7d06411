/**
 * The demo bureau's organization: a fictional 公安分局党委 with 11 branches
 * (two with 党小组) and the names printed on its documents, made through the
 * organization service like the clerk's own. Dated relative to the ledger's
 * "today". The roster of each branch (members/demo.ts) follows `DEMO_BRANCHES`.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../context.ts';
import type { Rng } from '../demo/random.ts';
import type { DemoState } from '../demo/types.ts';
import { setSetting } from '../settings/service.ts';
import { createUnit } from './service.ts';

export interface DemoBranchPlan {
  name: string;
  unit: string;
  policeType: string;
  positions: string[];
  size: number;
  groups: string[];
  retired?: boolean;
}

export const DEMO_BRANCHES: DemoBranchPlan[] = [
  { name: '机关第一党支部', unit: '分局政治处', policeType: '政工', positions: ['主任', '副主任', '科员', '一级主任科员'], size: 10, groups: [] },
  { name: '机关第二党支部', unit: '分局指挥中心', policeType: '指挥', positions: ['主任', '值班长', '民警', '四级高级警长'], size: 9, groups: [] },
  { name: '刑侦大队党支部', unit: '刑侦大队', policeType: '刑侦', positions: ['大队长', '教导员', '中队长', '侦查员'], size: 13, groups: ['第一党小组', '第二党小组'] },
  { name: '治安大队党支部', unit: '治安大队', policeType: '治安', positions: ['大队长', '教导员', '民警'], size: 9, groups: [] },
  { name: '城关派出所党支部', unit: '城关派出所', policeType: '派出所', positions: ['所长', '教导员', '副所长', '社区民警', '民警'], size: 11, groups: ['社区警务党小组', '案件办理党小组'] },
  { name: '东城派出所党支部', unit: '东城派出所', policeType: '派出所', positions: ['所长', '教导员', '副所长', '社区民警', '民警'], size: 8, groups: [] },
  { name: '西城派出所党支部', unit: '西城派出所', policeType: '派出所', positions: ['所长', '教导员', '副所长', '社区民警'], size: 8, groups: [] },
  { name: '南关派出所党支部', unit: '南关派出所', policeType: '派出所', positions: ['所长', '教导员', '民警'], size: 7, groups: [] },
  { name: '交警中队党支部', unit: '交警中队', policeType: '交警', positions: ['中队长', '指导员', '民警'], size: 8, groups: [] },
  { name: '巡特警大队党支部', unit: '巡特警大队', policeType: '特警', positions: ['大队长', '教导员', '中队长', '队员'], size: 8, groups: [] },
  { name: '退休党支部', unit: '分局', policeType: '', positions: ['退休民警'], size: 8, groups: [], retired: true },
];

/** The 党委's current term began two years ago on 18 June. */
export function committeeTermStart(thisYear: number): string {
  return `${thisYear - 2}-06-18`;
}

/** Two branches are due for 换届 this year or next, so the term column has something to show. */
export function branchTermStart(bi: number, thisYear: number): string {
  return bi === 3 ? `${thisYear - 3}-04-10` : bi === 8 ? `${thisYear - 2}-12-20` : `${thisYear - 1 - (bi % 2)}-0${(bi % 9) + 1}-15`;
}

export async function demoOrganization(ctx: Ctx, tx: Transaction<DB>, _rng: Rng, state: DemoState): Promise<void> {
  const thisYear = Number(ctx.platform.today().slice(0, 4));
  const settings: [string, string][] = [
    ['org.unitName', '江城市公安局临江分局'],
    ['org.committeeName', '中共江城市公安局临江分局委员会'],
    ['org.sealText', '中共江城市公安局临江分局委员会'],
    // the address block of the 介绍信 (a made-up address of the demo bureau)
    ['org.committeeAddress', '江城市临江区滨江路88号'],
    ['org.committeePhone', '0710-3216001'],
    ['org.committeeFax', '0710-3216002'],
    ['org.committeePostcode', '441000'],
  ];
  for (const [key, v] of settings) await setSetting(tx, ctx, key, v);
  const unit = (kind: '党委' | '党支部' | '党小组', name: string, parentId: string | null, sortOrder: number, establishedOn: string, termStartOn: string | null) =>
    createUnit(ctx, { parentId, kind, name, shortName: null, establishedOn, termYears: null, termStartOn, sortOrder, note: null }, tx);
  state.committeeId = await unit('党委', '中共江城市公安局临江分局委员会', null, 0, '1984-03-01', committeeTermStart(thisYear));
  for (const [bi, plan] of DEMO_BRANCHES.entries()) {
    const branchId = await unit('党支部', plan.name, state.committeeId, (bi + 1) * 10, `${1985 + bi * 3}-07-01`, branchTermStart(bi, thisYear));
    const groupIds: string[] = [];
    for (const [gi, g] of plan.groups.entries()) groupIds.push(await unit('党小组', g, branchId, gi + 1, `${2010 + gi}-03-01`, null));
    state.branches.push({ id: branchId, name: plan.name, groupIds, members: [] });
  }
}
