/** The paged 组织生活记录 list: the total, a later page, the same order and filters as the whole list, a page past the end. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, testLedger, type TestLedger } from '../support/ledger.ts';

describe('activities/page', () => {
  let l: TestLedger;
  beforeAll(async () => {
    l = await testLedger({ demo: true });
  });
  afterAll(() => l.close());

  it('answers a page of the list, newest first, and the total', async () => {
    const all = await l.call('activities/list', {});
    expect(all.length).toBeGreaterThan(200);
    const first = await l.call('activities/page', { pageSize: 50 });
    expect(first.total).toBe(all.length);
    expect(first.page).toBe(1);
    expect(first.rows.map((r) => r.id)).toEqual(all.slice(0, 50).map((r) => r.id));
    const second = await l.call('activities/page', { page: 2, pageSize: 50 });
    expect(second.page).toBe(2);
    expect(second.rows.map((r) => r.id)).toEqual(all.slice(50, 100).map((r) => r.id));
    // a row carries what the list row carries (quorum, attendance counts)
    expect(second.rows[0]).toEqual(all[50]);
  });

  it('filters as the whole list does, and a page past the end answers the last page', async () => {
    const q = { type: '支部委员会', from: '2026-01-01', to: '2026-12-31' };
    const all = await l.call('activities/list', q);
    const last = Math.ceil(all.length / 20);
    const past = await l.call('activities/page', { ...q, page: last + 5, pageSize: 20 });
    expect(past.total).toBe(all.length);
    expect(past.page).toBe(last);
    expect(past.rows.map((r) => r.id)).toEqual(all.slice((last - 1) * 20).map((r) => r.id));
    const none = await l.call('activities/page', { search: '不存在的会议主题词' });
    expect(none).toMatchObject({ rows: [], total: 0, page: 1 });
  });

  it('refuses a page size over 500 in Chinese', async () => {
    expect((await failure(l.call('activities/page', { pageSize: 10_000 }))).message).toContain('每页条数不能超过 500');
  });
});
