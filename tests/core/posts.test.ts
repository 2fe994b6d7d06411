/**
 * Committee posts (issue 10 §1): who may hold a post (党章第七条), when an
 * appointment may start and end (no later than the ledger's today; an end after
 * the start), corrections under the same rules, one holder at a time of 书记,
 * 组织委员, 宣传委员 and 纪检委员 (periods compared, not only open rows), and the
 * post's history. A period is half-open: on the 卸任日期 the successor holds it.
 * Today is pinned to 2026-11-28.
 */
import { describe, expect, it } from 'vitest';
import { failure, testLedger } from '../support/ledger.ts';
import { bureau, member } from '../support/bureau.ts';
import { postsOn } from '../../core/org/service.ts';

const TODAY = '2026-11-28';

async function setup() {
  const l = await testLedger({ today: TODAY });
  const { rootId, branchId } = await bureau(l);
  const full = await member(l, branchId, { name: '王正式' });
  const other = await member(l, branchId, { name: '李卫东' });
  // 预备党员 since 2025-10-20, 转正 on 2026-10-20
  const promoted = await member(l, branchId, { name: '沈俊杰', joinDate: '2025-10-20', fullDate: '2026-10-20' });
  const prob = await member(l, branchId, { name: '钱预备', joinDate: '2026-06-01', fullDate: null, partyStatus: '预备' });
  const roles = async (orgId = branchId) => {
    const find = (units: Awaited<ReturnType<typeof l.call<'org/tree'>>>): (typeof units)[number] | undefined => {
      for (const u of units) {
        if (u.id === orgId) return u;
        const c = find(u.children);
        if (c) return c;
      }
    };
    return find(await l.call('org/tree', {}))!;
  };
  const audits = () => l.ctx.db.selectFrom('audit_log').select(['action', 'summary', 'before_json', 'after_json']).where('entity', '=', 'org_roles').orderBy('seq').execute();
  return { l, rootId, branchId, full, other, promoted, prob, roles, audits };
}

describe('党章第七条 holds for an appointment and for a correction', () => {
  it('a correction that makes a 预备党员 a committee member is refused: by post, by person, and by a start date before 转正', async () => {
    const { l, branchId, full, prob, promoted } = await setup();
    // 组长 is a post of a 党小组 (a branch has none)
    const { id: groupId } = await l.call('org/create', { parentId: branchId, kind: '党小组', name: '第一党小组' });
    const { id: leader } = await l.call('org/roles/add', { orgId: groupId, memberId: prob.id, role: '组长', startOn: '2026-07-01' });
    const { id: seat } = await l.call('org/roles/add', { orgId: branchId, memberId: full.id, role: '委员', startOn: '2026-07-01' });
    const toMember = await failure(l.call('org/roles/update', { id: seat, memberId: prob.id, role: '委员', startOn: '2026-07-01' }));
    expect(toMember.message).toBe('钱预备是预备党员，不能担任支部委员（党章第七条：预备党员没有被选举权）');
    expect(toMember.field).toBe('memberId');
    const { id: sec } = await l.call('org/roles/add', { orgId: branchId, memberId: full.id, role: '书记', startOn: '2025-03-01' });
    expect((await failure(l.call('org/roles/update', { id: sec, memberId: prob.id, role: '书记', startOn: '2026-07-01' }))).message).toBe(
      '钱预备是预备党员，不能担任支部书记（党章第七条：预备党员没有被选举权）',
    );
    // 沈俊杰 became 正式 on 2026-10-20: a post from that day is fine, from the day before is not
    const early = await failure(l.call('org/roles/add', { orgId: branchId, memberId: promoted.id, role: '宣传委员', startOn: '2026-10-19' }));
    expect(early.message).toBe('沈俊杰于 2026-10-20 转为正式党员，任职日期（2026-10-19）时是预备党员，不能担任支部宣传委员（党章第七条：预备党员没有被选举权）');
    expect(early.field).toBe('startOn');
    const { id: pub } = await l.call('org/roles/add', { orgId: branchId, memberId: promoted.id, role: '宣传委员', startOn: '2026-10-20' });
    expect((await failure(l.call('org/roles/update', { id: pub, memberId: promoted.id, role: '宣传委员', startOn: '2026-10-19' }))).field).toBe('startOn');
    // 组长 is not elected by 党章第七条's rule, but nobody holds a post before joining the Party
    const before = await failure(l.call('org/roles/update', { id: leader, memberId: prob.id, role: '组长', startOn: '2026-05-31' }));
    expect(before.message).toBe('“任职日期”（2026-05-31）早于钱预备的入党日期（2026-06-01）');
    await l.call('org/roles/update', { id: leader, memberId: prob.id, role: '组长', startOn: '2026-06-01' });
    await l.close();
  });

  it('a member who has left takes no post from the day of leaving; the posts held before stay correctable', async () => {
    const { l, branchId, other } = await setup();
    const { id } = await l.call('org/roles/add', { orgId: branchId, memberId: other.id, role: '纪检委员', startOn: '2025-03-01' });
    await l.call('members/leave', { id: other.id, leftType: '去世', leftDate: '2026-09-01' });
    await l.call('org/roles/update', { id, memberId: other.id, role: '纪检委员', startOn: '2025-03-01', endOn: '2026-09-01' });
    const e = await failure(l.call('org/roles/add', { orgId: branchId, memberId: other.id, role: '委员', startOn: '2026-09-01' }));
    expect(e.message).toBe('李卫东已于 2026-09-01 去世，此后不能在本单位任职');
    expect(e.field).toBe('startOn');
    await l.call('org/roles/add', { orgId: branchId, memberId: other.id, role: '委员', startOn: '2025-03-01', endOn: '2026-08-31' });
    await l.close();
  });
});

describe('dates of an appointment against the ledger’s today', () => {
  it('任职日期 may be today, not tomorrow; on add and on correction', async () => {
    const { l, branchId, full } = await setup();
    const e = await failure(l.call('org/roles/add', { orgId: branchId, memberId: full.id, role: '书记', startOn: '2026-11-29' }));
    expect(e.message).toBe('“任职日期”不能晚于今天（2026-11-28）：尚未开始的任职不能登记');
    expect(e.field).toBe('startOn');
    const { id } = await l.call('org/roles/add', { orgId: branchId, memberId: full.id, role: '书记', startOn: TODAY });
    expect((await failure(l.call('org/roles/update', { id, memberId: full.id, role: '书记', startOn: '2026-11-29' }))).field).toBe('startOn');
    await l.close();
  });

  it('卸任日期: after the 任职日期 (the same day is an empty period), not after today; a second 卸任 is refused', async () => {
    const { l, branchId, full } = await setup();
    const { id } = await l.call('org/roles/add', { orgId: branchId, memberId: full.id, role: '书记', startOn: '2025-03-01' });
    const before = await failure(l.call('org/roles/end', { id, endOn: '2025-02-28' }));
    expect(before.message).toBe('“卸任日期”（2025-02-28）应晚于“任职日期”（2025-03-01）');
    expect(before.field).toBe('endOn');
    expect((await failure(l.call('org/roles/end', { id, endOn: '2025-03-01' }))).message).toBe('“卸任日期”（2025-03-01）应晚于“任职日期”（2025-03-01）');
    const future = await failure(l.call('org/roles/end', { id, endOn: '2026-11-29' }));
    expect(future.message).toBe('“卸任日期”不能晚于今天（2026-11-28）：请在卸任后登记');
    expect(future.field).toBe('endOn');
    expect((await failure(l.call('org/roles/end', { id, endOn: '2026-13-01' }))).field).toBe('endOn');
    await l.call('org/roles/end', { id, endOn: TODAY });
    const again = await failure(l.call('org/roles/end', { id, endOn: TODAY }));
    expect(again.message).toBe('“王正式”已于 2026-11-28 卸任书记；如日期有误，请用“更正”');
    // the same rules for a past holder entered in one go and for a correction
    expect((await failure(l.call('org/roles/add', { orgId: branchId, memberId: full.id, role: '委员', startOn: '2024-01-01', endOn: '2023-12-31' }))).field).toBe('endOn');
    expect((await failure(l.call('org/roles/update', { id, memberId: full.id, role: '书记', startOn: '2025-03-01', endOn: '2026-11-29' }))).field).toBe('endOn');
    await l.close();
  });
});

describe('one holder at a time of 书记, 组织委员, 宣传委员 and 纪检委员', () => {
  it('compares periods: a handover on the 卸任日期 is fine, a day of overlap is not, and the history counts too', async () => {
    const { l, branchId, full, other, promoted } = await setup();
    const { id: a } = await l.call('org/roles/add', { orgId: branchId, memberId: full.id, role: '书记', startOn: '2023-04-10' });
    // while 王正式 is 书记, nobody else is
    const open = await failure(l.call('org/roles/add', { orgId: branchId, memberId: other.id, role: '书记', startOn: '2025-03-01' }));
    expect(open.message).toBe('该组织已有书记“王正式”（2023-04-10起，现任），与本次任职时间重叠，请先为其办理卸任');
    await l.call('org/roles/end', { id: a, endOn: '2025-03-01' });
    const dayEarly = await failure(l.call('org/roles/add', { orgId: branchId, memberId: other.id, role: '书记', startOn: '2025-02-28' }));
    expect(dayEarly.message).toBe('该组织已有书记“王正式”（2023-04-10至2025-03-01），与本次任职时间重叠，请核对任职日期和卸任日期');
    expect(dayEarly.field).toBe('startOn');
    // no 任职日期 would read as "held since ever", beside 王正式's years
    expect((await failure(l.call('org/roles/add', { orgId: branchId, memberId: other.id, role: '书记', startOn: null }))).message).toBe(
      '该组织已有书记“王正式”（2023-04-10至2025-03-01），与本次任职时间重叠，请填写任职日期',
    );
    const { id: b } = await l.call('org/roles/add', { orgId: branchId, memberId: other.id, role: '书记', startOn: '2025-03-01' });
    // a predecessor entered as history must end by the day 王正式 began
    expect((await failure(l.call('org/roles/add', { orgId: branchId, personName: '张老书记', role: '书记', startOn: '2020-01-01', endOn: '2023-04-11' }))).message).toMatch(
      /^该组织已有书记“王正式”（2023-04-10至2025-03-01）/,
    );
    await l.call('org/roles/add', { orgId: branchId, personName: '张老书记', role: '书记', startOn: '2020-01-01', endOn: '2023-04-10' });
    // reopening 王正式's row would give the branch two secretaries
    expect((await failure(l.call('org/roles/update', { id: a, memberId: full.id, role: '书记', startOn: '2023-04-10', endOn: null }))).message).toBe(
      '该组织已有书记“李卫东”（2025-03-01起，现任），与本次任职时间重叠，请先为其办理卸任',
    );
    // a post with several holders: two 副书记 at once are fine, one person twice is not
    await l.call('org/roles/add', { orgId: branchId, memberId: promoted.id, role: '副书记', startOn: '2026-11-01' });
    const { id: dep } = await l.call('org/roles/add', { orgId: branchId, memberId: full.id, role: '副书记', startOn: '2025-03-01' });
    const twice = await failure(l.call('org/roles/add', { orgId: branchId, memberId: full.id, role: '副书记', startOn: '2026-01-01' }));
    expect(twice.message).toBe('“王正式”已登记为该组织副书记（2025-03-01起，现任），任职时间重叠，请先为其办理卸任');
    // changing a 副书记 into the 书记 the branch already has is refused
    expect((await failure(l.call('org/roles/update', { id: dep, memberId: full.id, role: '书记', startOn: '2025-03-01' }))).message).toMatch(/^该组织已有书记“李卫东”/);
    expect(b).toBeTruthy();
    await l.close();
  });

  it('the same post in another unit is another post', async () => {
    const { l, rootId, branchId, full } = await setup();
    await l.call('org/roles/add', { orgId: branchId, memberId: full.id, role: '纪检委员', startOn: '2025-03-01' });
    await l.call('org/roles/add', { orgId: rootId, memberId: full.id, role: '纪检委员', startOn: '2025-03-01' });
    await l.close();
  });
});

describe('a correction and the post’s history', () => {
  it('corrects person, post and dates, audited with before and after; an unchanged row writes nothing', async () => {
    const { l, branchId, full, other, roles, audits } = await setup();
    const { id } = await l.call('org/roles/add', { orgId: branchId, memberId: full.id, role: '组织委员', startOn: '2025-03-02' });
    await l.call('org/roles/update', { id, memberId: other.id, role: '宣传委员', startOn: '2025-03-01' });
    const after = (await roles()).roles;
    expect(after.map((r) => [r.role, r.personName, r.memberId, r.startOn, r.endOn])).toEqual([['宣传委员', '李卫东', other.id, '2025-03-01', null]]);
    let log = await audits();
    expect(log.at(-1)!.action).toBe('修改');
    expect(log.at(-1)!.summary).toBe('更正“王正式”的组织委员任职：姓名 王正式→李卫东；职务 组织委员→宣传委员；任职日期 2025-03-02→2025-03-01');
    expect(JSON.parse(log.at(-1)!.before_json!)).toMatchObject({ member_id: full.id, person_name: '王正式', role: '组织委员', start_on: '2025-03-02', end_on: null });
    expect(JSON.parse(log.at(-1)!.after_json!)).toMatchObject({ member_id: other.id, person_name: '李卫东', role: '宣传委员', start_on: '2025-03-01', end_on: null });
    const n = log.length;
    await l.call('org/roles/update', { id, memberId: other.id, role: '宣传委员', startOn: '2025-03-01' });
    expect(await audits()).toHaveLength(n);
    // a 卸任 entered by mistake is corrected away; the row is held again
    await l.call('org/roles/end', { id, endOn: '2026-11-01' });
    expect((await roles()).roles).toEqual([]);
    await l.call('org/roles/update', { id, memberId: other.id, role: '宣传委员', startOn: '2025-03-01', endOn: null });
    log = await audits();
    expect(log.at(-1)!.summary).toBe('更正“李卫东”的宣传委员任职：卸任日期 2026-11-01→未填');
    expect((await roles()).roles.map((r) => r.personName)).toEqual(['李卫东']);
    expect((await failure(l.call('org/roles/update', { id: 'no-such-row', personName: '某人', role: '委员', startOn: null }))).message).toBe('找不到该职务，可能已被删除');
    await l.close();
  });

  it('org/tree shows the current posts and the 卸任 holders with their periods, latest first', async () => {
    const { l, branchId, full, other, promoted, roles } = await setup();
    const { id: a } = await l.call('org/roles/add', { orgId: branchId, memberId: full.id, role: '书记', startOn: '2022-03-01' });
    await l.call('org/roles/end', { id: a, endOn: '2025-03-01' });
    await l.call('org/roles/add', { orgId: branchId, memberId: other.id, role: '书记', startOn: '2025-03-01' });
    await l.call('org/roles/add', { orgId: branchId, personName: '张老书记', role: '书记', startOn: '2019-03-01', endOn: '2022-03-01' });
    await l.call('org/roles/add', { orgId: branchId, memberId: promoted.id, role: '组织委员', startOn: '2026-10-20', endOn: TODAY });
    await l.call('org/roles/add', { orgId: branchId, memberId: full.id, role: '组织委员', startOn: TODAY });
    const u = await roles();
    expect(u.roles.map((r) => `${r.role}:${r.personName}:${r.startOn}`)).toEqual(['书记:李卫东:2025-03-01', '组织委员:王正式:2026-11-28']);
    expect(u.history!.map((r) => `${r.role}:${r.personName}:${r.startOn}—${r.endOn}`)).toEqual([
      '书记:王正式:2022-03-01—2025-03-01',
      '书记:张老书记:2019-03-01—2022-03-01',
      '组织委员:沈俊杰:2026-10-20—2026-11-28',
    ]);
    await l.close();
  });

  it('postsOn reads the same half-open period: the 卸任日期 belongs to the successor', async () => {
    const { l, branchId, full, other } = await setup();
    const { id: a } = await l.call('org/roles/add', { orgId: branchId, memberId: full.id, role: '书记', startOn: '2022-03-01' });
    await l.call('org/roles/end', { id: a, endOn: '2025-03-01' });
    await l.call('org/roles/add', { orgId: branchId, memberId: other.id, role: '书记', startOn: '2025-03-01' });
    const on = async (day: string) => (await postsOn(l.ctx.db, [branchId], day)).map((p) => p.personName);
    expect(await on('2022-02-28')).toEqual([]);
    expect(await on('2022-03-01')).toEqual(['王正式']);
    expect(await on('2025-02-28')).toEqual(['王正式']);
    expect(await on('2025-03-01')).toEqual(['李卫东']);
    await l.close();
  });
});

describe('the demo bureau', () => {
  it('every post of the demo passes the rules again as a correction (no change, nothing written)', async () => {
    const l = await testLedger({ today: TODAY, demo: true });
    const rows = await l.ctx.db.selectFrom('org_roles').selectAll().where('deleted_at', 'is', null).execute();
    expect(rows.length).toBeGreaterThanOrEqual(47);
    const before = (await l.ctx.db.selectFrom('audit_log').select('seq').execute()).length;
    for (const r of rows) await l.call('org/roles/update', { id: r.id, memberId: r.member_id, personName: r.person_name, role: r.role as '书记', startOn: r.start_on, endOn: r.end_on });
    expect((await l.ctx.db.selectFrom('audit_log').select('seq').execute()).length).toBe(before);
    expect(rows.every((r) => r.start_on && r.start_on <= TODAY)).toBe(true);
    expect(await l.call('org/roles/check', {})).toEqual([]);
    await l.close();
  });
});

describe('org/roles/check: rows that break the rules, for ledgers kept before them', () => {
  it('reports a 预备党员 in a committee post, dates after today or out of order, and overlapping holders once; a clean ledger has none', async () => {
    const { l, branchId, full, other, promoted, prob } = await setup();
    await l.call('org/roles/add', { orgId: branchId, memberId: full.id, role: '书记', startOn: '2025-03-01' });
    await l.call('org/roles/add', { orgId: branchId, memberId: promoted.id, role: '组织委员', startOn: '2026-10-20' });
    expect(await l.call('org/roles/check', {})).toEqual([]);
    // rows as an older version of the ledger could have written them
    const row = (id: string, memberId: string | null, personName: string, role: string, startOn: string | null, endOn: string | null) =>
      l.ctx.db.insertInto('org_roles').values({ id, org_id: branchId, member_id: memberId, person_name: personName, role, start_on: startOn, end_on: endOn, created_at: '2026-01-01T00:00:00Z', deleted_at: null }).execute();
    await row('old-1', other.id, '李卫东', '书记', '2026-01-01', null);
    await row('old-2', prob.id, '钱预备', '委员', '2026-07-01', null);
    await row('old-3', null, '张三', '宣传委员', '2026-12-01', null);
    await row('old-4', null, '李四', '纪检委员', '2025-05-01', '2025-04-01');
    const found = await l.call('org/roles/check', {});
    expect(found.map((f) => [f.roleId, f.message])).toEqual([
      ['old-4', '刑侦大队党支部纪检委员“李四”（2025-05-01至2025-04-01）：“卸任日期”（2025-04-01）应晚于“任职日期”（2025-05-01）'],
      ['old-1', '刑侦大队党支部书记“李卫东”（2026-01-01起，现任）：与“王正式”（2025-03-01起，现任）任职时间重叠，同一时间只能有一名书记'],
      ['old-2', '刑侦大队党支部委员“钱预备”（2026-07-01起，现任）：钱预备是预备党员，不能担任支部委员（党章第七条：预备党员没有被选举权）'],
      ['old-3', '刑侦大队党支部宣传委员“张三”（2026-12-01起，现任）：“任职日期”不能晚于今天（2026-11-28）：尚未开始的任职不能登记'],
    ]);
    // party-ledger check reports the same rows, as 任职矛盾
    const check = (await l.call('activities/check', { year: 2026 })).filter((f) => f.status === 'post-integrity');
    expect(check.map((f) => f.message)).toEqual(found.map((f) => f.message));
    expect(check.every((f) => f.severity === 'high')).toBe(true);
    // a 转正 date corrected later in the roster makes an appointment wrong: the check finds it
    await l.ctx.db.updateTable('members').set({ full_date: '2026-10-21' }).where('id', '=', promoted.id).execute();
    expect((await l.call('org/roles/check', {})).filter((f) => f.personName === '沈俊杰').map((f) => f.message)).toEqual([
      '刑侦大队党支部组织委员“沈俊杰”（2026-10-20起，现任）：沈俊杰于 2026-10-21 转为正式党员，任职日期（2026-10-20）时是预备党员，不能担任支部组织委员（党章第七条：预备党员没有被选举权）',
    ]);
    await l.close();
  });
});

describe('the posts an organization has follow its kind', () => {
  it('a 党委 or 党支部 is not offered 组长; a 党小组 only 组长 and 副组长 (支部工作条例 第十一条)', async () => {
    const { l, rootId, branchId, full, other } = await setup();
    const { rolesFor } = await import('../../common/enums.ts');
    expect(rolesFor('党小组')).toEqual(['组长', '副组长']);
    expect(rolesFor('党委')).not.toContain('组长');
    expect(rolesFor('党支部')).toEqual(['书记', '副书记', '组织委员', '宣传委员', '纪检委员', '青年委员', '委员']);
    const root = await failure(l.call('org/roles/add', { orgId: rootId, memberId: full.id, role: '组长' }));
    expect(root.message).toBe('党委不设组长，可任命：书记、副书记、组织委员、宣传委员、纪检委员、青年委员、委员');
    expect(root.field).toBe('role');
    expect((await failure(l.call('org/roles/add', { orgId: branchId, memberId: full.id, role: '副组长' }))).message).toMatch(/^党支部不设副组长/);
    const { id: groupId } = await l.call('org/create', { parentId: branchId, kind: '党小组', name: '第一党小组' });
    expect((await failure(l.call('org/roles/add', { orgId: groupId, memberId: full.id, role: '书记' }))).message).toBe('党小组不设书记，可任命：组长、副组长');
    await l.call('org/roles/add', { orgId: groupId, memberId: full.id, role: '组长' });
    await l.call('org/roles/add', { orgId: groupId, memberId: other.id, role: '副组长' });
    expect(await l.call('org/roles/check', {})).toEqual([]);
    // a 党委 组长 or a 党小组 书记 written by an older version is a finding of the check
    const row = (id: string, orgId: string, personName: string, role: string) =>
      l.ctx.db.insertInto('org_roles').values({ id, org_id: orgId, member_id: null, person_name: personName, role, start_on: '2025-01-01', end_on: null, created_at: '2026-01-01T00:00:00Z', deleted_at: null }).execute();
    await row('old-root', rootId, '张三', '组长');
    await row('old-group', groupId, '李四', '书记');
    expect((await l.call('org/roles/check', {})).map((f) => [f.roleId, f.message.replace(/^.*：(?=\S+不设)/, '')])).toEqual([
      ['old-root', '党委不设组长，可任命：书记、副书记、组织委员、宣传委员、纪检委员、青年委员、委员'],
      ['old-group', '党小组不设书记，可任命：组长、副组长'],
    ]);
    await l.close();
  });
});
