/**
 * One writer per table: each table is written only by its own area, the roster
 * only by the members service (development and transfers call it), and the
 * rules the clerk meets hold for the demo too — above all 党章第七条: a
 * 预备党员 holds no committee post (书记, 副书记, any 委员).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { failure, testLedger, type TestLedger } from '../support/ledger.ts';
import { makeIdNumber } from '../../core/members/idcard.ts';
import { ROLES } from '../../core/org/service.ts';

const CORE = path.resolve(__dirname, '../../core');

/** The folder (under core/) whose files may write each table. */
const WRITER: Record<string, string[]> = {
  members: ['members'],
  org_units: ['org'],
  org_roles: ['org'],
  transfers: ['transfers'],
  activities: ['activities'],
  activity_attendance: ['activities'],
  development_files: ['development'],
  development_steps: ['development'],
  attachments: ['attachments'],
  political_tests: ['tests'],
  political_test_results: ['tests'],
  political_test_draws: ['tests'],
  study_trainings: ['hours'],
  study_online_imports: ['hours'],
  study_online_hours: ['hours'],
  points_entries: ['points'],
  points_exclusions: ['points'],
  archive_categories: ['archive'],
  archive_items: ['archive'],
  audit_log: ['audit'],
  audit_head: ['audit'],
  // the app lock's hash is one settings row that only core/lock writes (setSetting refuses it)
  settings: ['settings', 'lock'],
  inspection_items: ['inspect'],
  study_plan_topics: ['study'],
  study_group_members: ['study'],
  evaluations: ['evaluation'],
  evaluation_ratings: ['evaluation'],
  care_visits: ['care'],
  disposal_cases: ['disposal'],
  disposal_steps: ['disposal'],
  star_entries: ['stars'],
  star_reviews: ['stars'],
  rect_plans: ['rectification'],
  rect_items: ['rectification'],
  rect_progress: ['rectification'],
  rect_evidence: ['rectification'],
  rules_docs: ['rectification'],
  theme_day_plans: ['notices'],
  monthly_notices: ['notices'],
  notice_numbers: ['notices'],
  summary_drafts: ['summary'],
  summary_versions: ['summary'],
};
const writerOf = (table: string) => WRITER[table] ?? (table.startsWith('dues_') ? ['dues'] : []);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

const TIMELINE: Record<number, string> = {
  1: '2023-03-01', 2: '2023-03-20', 3: '2023-09-05', 4: '2023-09-20', 5: '2023-09-20', 6: '2024-03-05',
  7: '2024-09-10', 8: '2024-09-20', 9: '2024-09-25', 10: '2024-10-20', 11: '2024-10-25', 12: '2024-11-05',
  13: '2024-11-15', 14: '2024-11-20', 15: '2024-12-01', 16: '2024-12-20', 17: '2025-01-15', 18: '2025-01-25',
  19: '2025-01-20', 20: '2025-02-01', 21: '2025-06-01', 22: '2025-11-20', 23: '2025-12-01', 24: '2026-01-10',
};

async function branchLedger() {
  const l = await testLedger();
  await l.call('setup/create', { unitName: '测试分局', committeeName: '中共测试分局委员会' });
  const [root] = await l.call('org/tree', {});
  const { id: branchId } = await l.call('org/create', { parentId: root.id, kind: '党支部', name: '刑侦大队党支部', termStartOn: '2025-03-01' });
  const { id: groupId } = await l.call('org/create', { parentId: branchId, kind: '党小组', name: '第一党小组' });
  const member = async (name: string, seq: number, partyStatus: '正式' | '预备') =>
    l.call('members/create', {
      name, gender: '男', ethnicity: '汉族', birthDate: '1990-05-05', idNumber: makeIdNumber('370102', '1990-05-05', seq, true),
      joinDate: partyStatus === '正式' ? '2012-07-01' : '2026-06-01', fullDate: partyStatus === '正式' ? '2013-07-01' : null, partyStatus, category: '在职', branchId,
    });
  return { l, rootId: root.id, branchId, groupId, member };
}

function detailsFor(step: number, introducers: string[], groupId: string) {
  if (step === 6) return { assessments: ['2024-03-05', '2024-09-05'] };
  if (step === 9) return { introducers: introducers.map((memberId) => ({ memberId, name: '?' })) };
  if (step === 10) return { conclusion: '政治审查合格' };
  if (step === 11) return { trainingDays: 3, trainingHours: 24 };
  if (step === 15) return { meeting: { due: 16, present: 14, for: 13 } };
  if (step === 19) return { groupId };
  if (step === 23) return { meeting: { due: 17, present: 15, for: 15 } };
  return {};
}

async function recordSteps(l: TestLedger, fileId: string, from: number, to: number, introducers: string[], groupId: string) {
  for (let step = from; step <= to; step++)
    await l.call('development/record-step', { fileId, step, date: TIMELINE[step], details: detailsFor(step, introducers, groupId), documents: [] });
}

describe('one writer per table', () => {
  it('no file under core/ writes a table outside its own area', () => {
    const found: string[] = [];
    for (const file of sources(CORE)) {
      const area = path.relative(CORE, file).split(path.sep)[0];
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/\b(insertInto|updateTable|deleteFrom)\('(\w+)'/g))
        if (!writerOf(m[2]).includes(area)) found.push(`${path.relative(CORE, file)}: ${m[1]}('${m[2]}')`);
    }
    expect(found).toEqual([]);
  });
});

describe('党章第七条: a 预备党员 holds no committee post', () => {
  it('refuses a 预备党员 as 书记, 副书记 or any 委员, naming the member; 组长 and a 正式党员 are fine', async () => {
    const { l, rootId, branchId, groupId, member } = await branchLedger();
    const prob = await member('钱预备', 11, '预备');
    const full = await member('王正式', 13, '正式');
    const posts = ROLES.filter((r) => r !== '组长' && r !== '副组长');
    expect(posts).toEqual(['书记', '副书记', '组织委员', '宣传委员', '纪检委员', '青年委员', '委员']);
    for (const role of posts) {
      const e = await failure(l.call('org/roles/add', { orgId: branchId, memberId: prob.id, role }));
      expect(e.message).toBe(`钱预备是预备党员，不能担任支部${role}（党章第七条：预备党员没有被选举权）`);
      expect(e.field).toBe('memberId');
    }
    expect((await failure(l.call('org/roles/add', { orgId: rootId, memberId: prob.id, role: '委员' }))).message).toBe('钱预备是预备党员，不能担任党委委员（党章第七条：预备党员没有被选举权）');
    await l.call('org/roles/add', { orgId: groupId, memberId: prob.id, role: '组长' });
    await l.call('org/roles/add', { orgId: branchId, memberId: full.id, role: '书记' });
    // after 转正 the same member may be elected
    await l.call('members/update', { ...prob, id: prob.id, idNumber: makeIdNumber('370102', '1990-05-05', 11, true), partyStatus: '正式', fullDate: '2026-11-01' });
    await l.call('org/roles/add', { orgId: branchId, memberId: prob.id, role: '组织委员' });
    const [root] = await l.call('org/tree', {});
    expect(root.children[0].roles.map((r) => `${r.role}:${r.personName}`)).toEqual(['书记:王正式', '组织委员:钱预备']);
    await l.close();
  });

  it('the demo bureau meets the rule and enters its roster through the members service', async () => {
    const l = await testLedger({ demo: true });
    const holders = await l.ctx.db
      .selectFrom('org_roles as r')
      .innerJoin('members as m', 'm.id', 'r.member_id')
      .select(['r.role', 'm.name', 'm.party_status'])
      .where('r.end_on', 'is', null)
      .execute();
    // 47 committee posts and the 4 党小组 leaders (组长) who host their groups' meetings
    expect(holders.length).toBe(51);
    expect(holders.filter((h) => h.party_status !== '正式')).toEqual([]);
    const log = await l.ctx.db.selectFrom('audit_log').select(['entity', 'action', 'summary']).execute();
    const created = log.filter((r) => r.entity === 'members' && r.action === '新增');
    // 99 members of the bureau, one transferred in, and the development files' 预备党员 accepted by a 支部大会
    expect(created.filter((r) => r.summary.startsWith('新增党员“'))).toHaveLength(100);
    expect(created.filter((r) => r.summary.includes('经支部大会接收为预备党员')).length).toBeGreaterThan(0);
    expect(log.filter((r) => r.entity === 'org_roles')).toHaveLength(51);
    expect(log.filter((r) => r.entity === 'members' && r.action === '离开')).toHaveLength(1);
    await l.close();
  });
});

describe('development changes the roster through the members service', () => {
  it('接收预备党员, 更正 the meeting date, 编入党小组 and 转正: each an audited change of the member record', async () => {
    const { l, branchId, groupId, member } = await branchLedger();
    const introducers = [(await member('王建国', 21, '正式')).id, (await member('李卫东', 23, '正式')).id];
    const { id: fileId } = await l.call('development/create', {
      name: '赵晓东', idNumber: makeIdNumber('370102', '1998-04-12', 31, true), branchId, workUnit: '刑侦大队', position: '侦查员', applicationDate: TIMELINE[1],
    });
    await recordSteps(l, fileId, 2, 15, introducers, groupId);
    const m = (await l.call('members/list', { search: '赵晓东' })).rows[0];
    expect(m).toMatchObject({ partyStatus: '预备', joinDate: '2024-12-01', fullDate: null, groupId: null, note: '由发展档案转入' });
    // a 预备党员 from a development file is refused a committee post like any other
    expect((await failure(l.call('org/roles/add', { orgId: branchId, memberId: m.id, role: '宣传委员' }))).message).toBe('赵晓东是预备党员，不能担任支部宣传委员（党章第七条：预备党员没有被选举权）');
    await l.call('development/record-step', { fileId, step: 15, date: '2024-12-02', details: detailsFor(15, introducers, groupId), documents: [] });
    expect((await l.call('members/get', { id: m.id })).joinDate).toBe('2024-12-02');
    await l.call('development/record-step', { fileId, step: 15, date: TIMELINE[15], details: detailsFor(15, introducers, groupId), documents: [] });
    await recordSteps(l, fileId, 16, 24, introducers, groupId);
    expect(await l.call('members/get', { id: m.id })).toMatchObject({ partyStatus: '正式', fullDate: '2025-12-01', groupId, groupName: '第一党小组' });
    const rows = await l.ctx.db.selectFrom('audit_log').select(['action', 'summary', 'after_json']).where('entity', '=', 'members').where('entity_id', '=', m.id).orderBy('seq').execute();
    expect(rows.map((r) => `${r.action} ${r.summary}`)).toEqual([
      '新增 “赵晓东”经支部大会接收为预备党员（2024-12-01），编入“刑侦大队党支部”',
      '修改 更正预备党员“赵晓东”的入党日期为 2024-12-02（支部大会日期）',
      '修改 更正预备党员“赵晓东”的入党日期为 2024-12-01（支部大会日期）',
      '修改 “赵晓东”编入党小组',
      '修改 预备党员“赵晓东”转为正式党员，转正日期 2025-12-01',
    ]);
    expect(JSON.parse(rows.at(-1)!.after_json!)).toMatchObject({ partyStatus: '正式', fullDate: '2025-12-01' });
    await l.call('org/roles/add', { orgId: branchId, memberId: m.id, role: '宣传委员' });
    await l.close();
  });

  it('a 预备党员 already on the roster is checked and linked; 取消预备党员资格 takes the member off the roster', async () => {
    const { l, branchId, groupId, member } = await branchLedger();
    const introducers = [(await member('王建国', 21, '正式')).id, (await member('李卫东', 23, '正式')).id];
    const idNumber = makeIdNumber('370102', '1998-04-12', 31, true);
    const { id: fileId } = await l.call('development/create', { name: '赵晓东', idNumber, branchId, applicationDate: TIMELINE[1] });
    await recordSteps(l, fileId, 2, 14, introducers, groupId);
    // someone already on the roster as 预备党员 of another branch: the admission is refused, nothing is written
    const [root] = await l.call('org/tree', {});
    const { id: other } = await l.call('org/create', { parentId: root.id, kind: '党支部', name: '治安大队党支部' });
    const stray = await l.call('members/create', {
      name: '赵晓东', gender: '男', ethnicity: '汉族', birthDate: '1998-04-12', idNumber, joinDate: '2024-06-01', fullDate: null, partyStatus: '预备', category: '在职', branchId: other,
    });
    const e = await failure(l.call('development/record-step', { fileId, step: 15, date: TIMELINE[15], details: detailsFor(15, introducers, groupId), documents: [] }));
    expect(e.message).toBe('预备党员“赵晓东”在册于“治安大队党支部”，与发展档案的支部不同，请先核对');
    expect((await l.call('development/get', { id: fileId })).file.memberId).toBeNull();
    // moved to the file's branch, the record is linked and its join date becomes the meeting's
    await l.call('members/update', { ...stray, id: stray.id, branchId });
    await recordSteps(l, fileId, 15, 15, introducers, groupId);
    const m = await l.call('members/get', { id: stray.id });
    expect(m).toMatchObject({ joinDate: TIMELINE[15], partyStatus: '预备', branchId });
    expect((await l.call('development/get', { id: fileId })).file.memberId).toBe(stray.id);
    await l.call('development/leave', { id: fileId, leftType: '取消预备党员资格', leftDate: '2025-06-01', leftReason: '预备期内不履行党员义务' });
    expect(await l.call('members/get', { id: m.id })).toMatchObject({ leftType: '取消预备党员资格', leftDate: '2025-06-01', partyStatus: '预备' });
    const last = await l.ctx.db.selectFrom('audit_log').select(['action', 'summary']).where('entity', '=', 'members').where('entity_id', '=', m.id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(last).toEqual({ action: '离开', summary: '预备党员“赵晓东”取消预备党员资格（2025-06-01），离开党员花名册' });
    await l.close();
  });
});
