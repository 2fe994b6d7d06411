/**
 * Areas are modules (core/area.ts): core/api.ts composes them, refuses a name
 * two areas define, and derives the demo steps and the ledger's tables from them.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { areaOf, areas, handlers } from '../../core/api.ts';
import { composeAreas, defineArea, installedAreas } from '../../core/area.ts';
import { handler } from '../../core/handler.ts';
import { demoSteps, ledgerTables } from '../../core/demo/index.ts';
import { inChunks } from '../../db/chunks.ts';
import { testLedger } from '../support/ledger.ts';

const area = (name: string, handlerNames: string[], more: Partial<Parameters<typeof defineArea>[0]> = {}) =>
  defineArea({
    name,
    title: name,
    handlers: Object.fromEntries(handlerNames.map((n) => [n, handler(z.object({}), () => ({ ok: true }))])),
    summaries: {},
    labels: {},
    recyclable: [],
    settingDefaults: {},
    tables: [],
    ...more,
  });

describe('areas as modules', () => {
  it('a handler name defined by two areas stops the start-up, naming both areas', () => {
    expect(() => composeAreas([area('alpha', ['alpha/list', 'shared/get']), area('beta', ['beta/list', 'shared/get'])])).toThrow(
      'handler "shared/get" is defined by two areas: "alpha" and "beta"',
    );
    expect(() => composeAreas([area('alpha', []), area('alpha', [])])).toThrow(/area "alpha".*"alpha" and "alpha"/);
    expect(() => composeAreas([area('a', [], { tables: ['members'] }), area('b', [], { tables: ['members'] })])).toThrow(/table "members".*"a" and "b"/);
    expect(() => composeAreas([area('a', [], { settingDefaults: { k: 1 } }), area('b', [], { settingDefaults: { k: 2 } })])).toThrow(/setting "k".*"a" and "b"/);
    expect(composeAreas([area('alpha', ['alpha/list']), area('beta', ['beta/list'])]).byHandler.get('beta/list')?.name).toBe('beta');
  });

  it('the handler map is the union of the modules, each handler in its area', () => {
    const total = areas.reduce((n, a) => n + Object.keys(a.handlers).length, 0);
    expect(Object.keys(handlers)).toHaveLength(total);
    expect(areaOf('transfers/in')).toBe('transfers');
    expect(areaOf('recycle/list')).toBe('audit');
    expect(areaOf('settings/get')).toBe('setup');
    expect(areaOf('no/such')).toBeUndefined();
    for (const a of areas) for (const name of Object.keys(a.handlers)) expect(areaOf(name)).toBe(a.name);
  });

  it('the demo steps come from the modules, in the order the demo builds on', () => {
    expect(demoSteps().map((s) => s.name)).toEqual(['组织', '党员', '组织关系转接', '组织生活', '发展党员', '党费', '档案', '政治理论测试', '理论学习中心组', '学时', '民主评议党员', '走访慰问', '不合格党员处置', '党员积分', '整改台账', '党建工作提醒', '评星定级', '党建工作总结']);
  });

  it('the ledger tables are every table of the schema but the audit chain, and --force empties them all', async () => {
    const l = await testLedger({ demo: true });
    const rows = await l.ctx.db.selectFrom('sqlite_master' as never).select('name' as never).where('type' as never, '=', 'table' as never).execute();
    const schema = (rows as { name: string }[]).map((r) => r.name).filter((n) => !n.startsWith('sqlite_') && !n.startsWith('kysely_') && !n.startsWith('audit_'));
    expect([...ledgerTables()].sort()).toEqual(schema.sort());
    expect(ledgerTables().at(-1)).toBe('settings');
    const before = await l.call('members/list', { pageSize: 1 });
    await l.call('setup/demo', { force: true });
    expect((await l.call('members/list', { pageSize: 1 })).total).toBe(before.total);
    await l.close();
  });

  it('settings defaults, recyclable tables and attachment owners are the modules’ data', () => {
    const r = installedAreas();
    expect(r.settingDefaults.get('org.unitName')).toBe('');
    expect(r.settingDefaults.get('development.noticeWorkingDays')).toBe(5);
    expect([...r.recyclable.keys()].sort()).toEqual(['activities', 'attachments', 'care_visits', 'development_files', 'disposal_cases', 'dues_expenses', 'dues_payments', 'dues_remittances', 'evaluations', 'inspection_items', 'members', 'org_units', 'points_entries', 'points_exclusions', 'political_tests', 'rect_items', 'star_entries', 'study_group_members', 'study_online_imports', 'study_plan_topics', 'study_trainings', 'summary_drafts', 'transfers']);
    expect([...r.attachmentOwners.keys()].sort()).toEqual(['activities', 'archive_items', 'care_visits', 'development_files', 'disposal_cases', 'disposal_steps', 'points_entries', 'rect_items', 'star_entries', 'study_trainings']);
  });

  it('inChunks calls back once per slice, in order, never for an empty list', async () => {
    const seen: number[][] = [];
    await inChunks([1, 2, 3, 4, 5], 2, async (c) => void seen.push(c));
    expect(seen).toEqual([[1, 2], [3, 4], [5]]);
    await inChunks([], 500, async () => void seen.push([]));
    expect(seen).toHaveLength(3);
  });
});
