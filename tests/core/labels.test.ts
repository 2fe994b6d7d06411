/**
 * Every field a handler can name in a validation error has a Chinese label in
 * that handler's area: the schemas are walked, not listed by hand, so a new
 * field without a label fails here. And the messages the attack found with
 * English field names (“pageSize”, “content”, “months.0”) now read in Chinese.
 */
import { describe, expect, it } from 'vitest';
import { handlers } from '../../core/api.ts';
import { pathLabel } from '../../core/labels.ts';
import { labelsFor } from '../../core/area.ts';
import { failure, testLedger } from '../support/ledger.ts';
import { fieldPaths } from '../support/schema-walk.ts';
import type { z } from 'zod';

describe('field labels', () => {
  it('every field of every handler input has a Chinese label (lists read as 第1个…, 第1项的…)', () => {
    const untranslated: string[] = [];
    let fields = 0;
    for (const [name, h] of Object.entries(handlers)) {
      const labels = labelsFor(name);
      for (const p of fieldPaths((h as { input: z.ZodType }).input)) {
        fields++;
        const label = pathLabel(p, labels);
        if (!label || /[A-Za-z]/.test(label)) untranslated.push(`${name} ${p.join('.')} → ${label}`);
      }
    }
    expect(fields).toBeGreaterThan(400);
    expect(untranslated).toEqual([]);
  });

  it('the same field name reads as its own area says: 所在支部 for a member, 编入支部 for a transfer in', () => {
    expect(pathLabel(['branchId'], labelsFor('members/create'))).toBe('所在支部');
    expect(pathLabel(['branchId'], labelsFor('transfers/in'))).toBe('编入支部');
    expect(pathLabel(['months', 0], labelsFor('dues/pay'))).toBe('第1个缴纳月份');
    expect(pathLabel(['months'], labelsFor('development/extend'))).toBe('延长月数');
    expect(pathLabel(['attendance', 2, 'memberName'], labelsFor('activities/create'))).toBe('出席名单第3项的姓名');
  });

  it('the messages that named “pageSize”, “content” and “months.0” now name the field in Chinese', async () => {
    const l = await testLedger({ demo: true });
    const [member] = (await l.call('members/list', { pageSize: 1 })).rows;
    expect((await failure(l.call('members/list', { pageSize: 0 }))).message).toBe('“每页条数”不能小于 1');
    expect((await failure(l.invoke('members/list', { pageSize: '二十' }))).message).toBe('“每页条数”应为数字');
    const [a] = await l.call('activities/list', {});
    const long = await failure(l.call('activities/create', { orgId: a.orgId, type: '党课', heldOn: '2026-11-01', content: '学'.repeat(50_001) }));
    expect(long.message).toBe('“会议内容”不能超过 50000 字');
    expect(long.field).toBe('content');
    const month = await failure(l.call('dues/pay', { memberId: member.id, months: ['2026-10', '2026-13'], paidOn: '2026-11-01', method: '现金' }));
    expect(month.message).toBe('“第2个缴纳月份”应为年月（如 2024-07）');
    expect(month.field).toBe('months.1');
    const att = await failure(l.call('activities/create', { orgId: a.orgId, type: '党课', heldOn: '2026-11-01', attendance: [{ memberName: '', status: '出席' }] }));
    expect(att.message).toBe('“出席名单第1项的姓名”不能为空');
    const [root] = await l.call('org/tree', {});
    const founded = await failure(l.call('org/create', { parentId: root.id, kind: '党支部', name: '新支部', establishedOn: '2024-13-01' }));
    expect(founded.message).toBe('“成立日期”应为有效日期（如 2024-07-01）');
    const transferIn = await failure(l.invoke('transfers/in', { mode: 'new', member: { name: '王五' } }));
    expect(transferIn.message).toBe('“性别”不能为空');
    await l.close();
  });

  it('transfers/in with an empty branchId names transfers’ own field (编入支部), not the member form’s (所在支部)', async () => {
    const l = await testLedger({ demo: true });
    const letter = { mode: 'rejoin', memberId: 'x', letterNo: '2026001', fromOrg: '市局党委', letterDate: '2026-11-01', transferDate: '2026-11-02' };
    for (const branchId of ['', undefined]) {
      const e = await failure(l.invoke('transfers/in', { ...letter, branchId }));
      expect(e.message).toBe('“编入支部”不能为空');
      expect(e.field).toBe('branchId');
    }
    await l.close();
  });

  it('an area’s labels stay in its area: 备份文件 and 备份密码 name backup fields only', () => {
    expect(pathLabel(['fileName'], labelsFor('backup/restore'))).toBe('备份文件');
    expect(pathLabel(['fileName'], labelsFor('attachments/add'))).toBe('文件名');
    expect(pathLabel(['password'], labelsFor('lock/unlock'))).toBe('密码');
    expect(pathLabel(['jobId'], labelsFor('members/import-preview'))).toBe('读取任务编号');
  });
});
