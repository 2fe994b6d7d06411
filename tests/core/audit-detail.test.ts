/**
 * 操作日志 → 详情 reads as the clerk would say it: Chinese field labels, names
 * instead of ids, local times, 是/否, amounts in 元, no internal columns. Real
 * SQLite, real handlers; every row the demo bureau writes is checked too.
 */
import { describe, expect, it } from 'vitest';
import { localDateTime } from '../../common/dates.ts';
import { testLedger } from '../support/ledger.ts';
import { bureau, member, memberInput } from '../support/bureau.ts';
import { asciiWords } from '../support/ascii-words.ts';

async function lastLog(l: Awaited<ReturnType<typeof testLedger>>, entity: string) {
  const { rows } = await l.call('audit/log', { entity, pageSize: 1 });
  return l.call('audit/detail', { id: rows[0].id });
}

describe('localDateTime', () => {
  it('an instant reads as local date and minutes: 2026-12-01T12:02Z at UTC+8 is 2026-12-01 20:02', () => {
    expect(localDateTime('2026-12-01T12:02:59.000Z', 480)).toBe('2026-12-01 20:02');
    expect(localDateTime('2026-12-31T18:30:00.000Z', 480)).toBe('2027-01-01 02:30');
    expect(localDateTime('2026-12-01T12:02:00.000Z', 0)).toBe('2026-12-01 12:02');
    expect(localDateTime('')).toBe('');
    expect(localDateTime('不是时间')).toBe('不是时间');
  });
});

describe('audit detail', () => {
  it('a member’s change names the field in Chinese, the branches by name, and hides id and times', async () => {
    const l = await testLedger();
    const b = await bureau(l, { branches: 2 });
    const f = memberInput({ name: '张文华' });
    const m = await l.call('members/create', { ...f, branchId: b.branchIds[0] });
    const created = await lastLog(l, 'members');
    expect(created.entityTitle).toBe('党员');
    expect(created.at).toBe(localDateTime('2026-11-28T08:00:00.000Z'));
    expect(created.at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const labels = created.fields.map((f) => f.label);
    expect(labels).toContain('姓名');
    expect(labels).toContain('所在支部');
    expect(labels).not.toContain('编号');
    for (const f of created.fields) expect(asciiWords(f.label)).toEqual([]);
    expect(created.fields.find((f) => f.label === '姓名')?.after).toBe('张文华');
    expect(created.fields.some((f) => f.after.includes(m.id))).toBe(false);
    expect(created.fields.some((f) => /T\d{2}:\d{2}/.test(f.after))).toBe(false);

    await l.call('members/update', { ...f, id: m.id, branchId: b.branchIds[1] });
    const moved = await lastLog(l, 'members');
    expect(moved.fields).toEqual([{ label: '所在支部', before: b.branches[0].name, after: b.branches[1].name }]);
    await l.close();
  });

  it('a post names the organization and the member by name, never by id (org_id hidden)', async () => {
    const l = await testLedger();
    const b = await bureau(l);
    const m = await member(l, b.branchId, { name: '李红' });
    await l.call('org/roles/add', { orgId: b.branchId, memberId: m.id, role: '书记', startOn: '2025-03-01' });
    const d = await lastLog(l, 'org_roles');
    const text = JSON.stringify(d.fields);
    expect(text).not.toContain(b.branchId);
    expect(text).not.toContain(m.id);
    expect(d.fields).toContainEqual({ label: '所属组织', before: '', after: b.branches[0].name });
    expect(d.fields).toContainEqual({ label: '职务', before: '', after: '书记' });
    expect(d.fields.map((f) => f.label)).not.toContain('其他内容');
    await l.close();
  });

  it('a setting reads under its own label; amounts in 元; rates in %; codes in Chinese', async () => {
    const l = await testLedger({ demo: true });
    const { rows } = await l.call('audit/log', { entity: 'settings', pageSize: 100 });
    const details = await Promise.all(rows.map((r) => l.call('audit/detail', { id: r.id })));
    const fields = details.flatMap((d) => d.fields);
    expect(details.every((d) => d.entityTitle === '设置')).toBe(true);
    expect(fields).toContainEqual({ label: '单位名称', before: '', after: '江城市公安局临江分局' });
    expect(fields.some((f) => /^\d+\.\d{2} 元$/.test(f.after))).toBe(true);
    const texts = fields.map((f) => f.after).join('\n');
    expect(texts).not.toMatch(/\b(true|false|fen|annual|income)\b/);
    await l.close();
  });

  it('every row of the demo bureau reads without programmer text', async () => {
    const l = await testLedger({ demo: true });
    const { rows, total } = await l.call('audit/log', { pageSize: 500 });
    expect(total).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const r of rows) {
      const d = await l.call('audit/detail', { id: r.id });
      for (const f of d.fields) {
        const bad = [f.label, f.before, f.after].filter((t) => /\b(true|false|null|undefined)\b|id-\d{6}|\d{4}-\d{2}-\d{2}T\d/.test(t) || asciiWords(f.label).length);
        if (bad.length || f.label === '其他内容') problems.push(`${r.entity} ${f.label}: ${f.before} → ${f.after}`);
      }
    }
    expect([...new Set(problems)].slice(0, 30)).toEqual([]);
    await l.close();
  }, 60_000);

  it('an attendance list shows names with their status and 是/否 for 迟到, never 1/0 or true/false', async () => {
    const l = await testLedger();
    const b = await bureau(l);
    const m1 = await member(l, b.branchId, { name: '王一' });
    const m2 = await member(l, b.branchId, { name: '赵二' });
    await l.call('activities/create', {
      orgId: b.branchId, type: '支部党员大会', heldOn: '2026-11-10',
      attendance: [{ memberId: m1.id, memberName: '王一', status: '出席', late: true }, { memberId: m2.id, memberName: '赵二', status: '请假' }],
    });
    const d = await lastLog(l, 'activities');
    expect(d.entityTitle).toBe('组织生活记录');
    const text = JSON.stringify(d.fields);
    expect(text).not.toMatch(/"(0|1|true|false)"|id-\d/);
    expect(text).toContain('王一（出席，迟到）、赵二（请假）');
    await l.close();
  });
});
