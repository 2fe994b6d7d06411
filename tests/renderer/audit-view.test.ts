// @vitest-environment happy-dom
/** 操作日志 → 校验日志: the chain check's answer in Chinese, naming the first broken row. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Pinia } from 'pinia';
import { answer, byTestId, callsTo, mountReal, resetFake, settle } from './fake-client';

vi.mock('../../renderer/src/api/client', (orig) => import('./fake-client').then((f) => f.clientModule(orig)));

const { default: AuditView } = await import('../../renderer/src/views/system/AuditView.vue');

let pinia: Pinia;
beforeEach(() => {
  pinia = resetFake();
  answer('audit/log', () => ({ total: 1, rows: [{ id: 'a1', at: '2026-11-28T08:00:00.000Z', actor: '测试', entity: 'members', entityId: 'm1', action: '修改', summary: '修改党员“张三”的信息', before: null, after: null }] }));
});

async function verifyWith(report: unknown): Promise<string> {
  answer('audit/verify', () => report);
  mountReal(AuditView, { pinia });
  await settle();
  expect(byTestId('audit-verify-result')).toBeNull();
  byTestId('audit-verify')!.click();
  await settle();
  expect(callsTo('audit/verify')).toEqual([{}]);
  return byTestId('audit-verify-result')?.textContent?.trim() ?? '';
}

describe('AuditView 校验日志', () => {
  it('says the log holds, with the number of rows', async () => {
    expect(await verifyWith({ ok: true, rows: 42 })).toContain('操作日志完好：共 42 条记录');
  });

  it('names the first broken row (its place, id and reason)', async () => {
    const text = await verifyWith({ ok: false, rows: 7, firstBroken: { id: 'id-000007', at: '2026-11-28T08:00:00.000Z', seq: 7, reason: '该条记录的内容被改动（哈希不符）' } });
    expect(text).toContain('操作日志被改动：第 7 条记录');
    expect(text).toContain('编号 id-000007');
    expect(text).toContain('该条记录的内容被改动（哈希不符）');
  });

  it('says so when the newest rows were removed', async () => {
    const text = await verifyWith({ ok: false, rows: 5, firstBroken: { id: null, at: null, seq: 6, reason: '日志末尾的 2 条记录被删除（应有 7 条）' } });
    expect(text).toContain('第 6 条及以后的记录不再可信');
    expect(text).toContain('日志末尾的 2 条记录被删除');
  });
});
