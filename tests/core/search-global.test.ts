/** search/global on a small real ledger: pinyin, ID and phone tails (masked), meeting words, letter numbers, pages, limit. */
import { beforeAll, describe, expect, it } from 'vitest';
import { failure, testLedger, type TestLedger } from '../support/ledger.ts';
import { bureau, member } from '../support/bureau.ts';
import { makeIdNumber } from '../../core/members/idcard.ts';
import type { SearchResult } from '../../core/finder/model.ts';
import { readingOf } from '../../core/finder/pinyin.ts';

const kinds = (r: SearchResult) => r.groups.map((g) => g.kind);
const hits = (r: SearchResult, kind: string) => r.groups.find((g) => g.kind === kind)?.hits ?? [];
const titles = (r: SearchResult, kind: string) => hits(r, kind).map((h) => h.title);

describe('search/global', () => {
  let l: TestLedger;
  let zhang: { id: string };
  let meetingId: string;
  let letterNo: string;
  const zhangId = makeIdNumber('370102', '1985-06-15', 37, true);

  beforeAll(async () => {
    l = await testLedger({ today: '2026-11-28' });
    const { branchId } = await bureau(l, { branches: [{ establishedOn: '2000-01-01', termStartOn: null }] });
    zhang = await member(l, branchId, { name: '张文华', idNumber: zhangId, phone: '13912345678' });
    await member(l, branchId, { name: '赵卫红', phone: '13800000001' });
    await member(l, branchId, { name: '单小明' });
    const leaving = await member(l, branchId, { name: '张伟', phone: '13800000002' });
    for (let i = 0; i < 5; i++) await member(l, branchId, { name: `王${'一二三四五'[i]}` });
    const attendance = await l.call('activities/suggest-attendance', { orgId: branchId, type: '支部委员会', heldOn: '2026-10-15' });
    const a = await l.call('activities/create', {
      orgId: branchId, type: '支部委员会', heldOn: '2026-10-15', attendance, hostName: '张文华', recorderName: '赵卫红',
      topic: '研究第三季度发展党员工作', content: '会议讨论了积极分子培养情况，决定开展帮扶走访。',
    });
    meetingId = a.id;
    await l.call('development/create', {
      name: '钱晓东', idNumber: makeIdNumber('370102', '1998-04-12', 21, true), branchId, workUnit: '刑侦大队', position: '侦查员', applicationDate: '2026-03-01',
    });
    const t = await l.call('transfers/out', { memberId: leaving.id, toOrg: '某街道党工委', transferDate: '2026-11-20', duesPaidTo: '2026-11' });
    letterNo = t.letterNo;
  });

  it('finds 张文华 by 拼音首字母 and by full pinyin, and opens the roster with her id', async () => {
    const r = await l.call('search/global', { q: 'zwh' });
    expect(titles(r, 'member')).toEqual(['张文华', '赵卫红']);
    expect(hits(r, 'member')[0].link).toEqual({ path: '/members', query: { open: zhang.id } });
    expect(titles(await l.call('search/global', { q: 'zhangwenhua' }), 'member')).toEqual(['张文华']);
    expect(titles(await l.call('search/global', { q: 'Zhang Wen' }), 'member')).toEqual(['张文华']);
    // a surname read as a surname: 单 → shan
    expect(titles(await l.call('search/global', { q: 'shanxiao' }), 'member')).toEqual(['单小明']);
    // a member transferred out is still found, after those on the roster, and says so
    const z = await l.call('search/global', { q: 'zw' });
    expect(titles(z, 'member')).toEqual(['张文华', '赵卫红', '张伟']);
    expect(hits(z, 'member')[2].subtitle).toContain('已转出');
  });

  it('finds by the last digits of the ID number or the phone, showing only masked values', async () => {
    const byId = await l.call('search/global', { q: zhangId.slice(-6) });
    expect(titles(byId, 'member')).toEqual(['张文华']);
    expect(hits(byId, 'member')[0].subtitle).toContain(`身份证号 ${zhangId.slice(0, 6)}********${zhangId.slice(-4)}`);
    expect(JSON.stringify(byId)).not.toContain(zhangId);
    const byPhone = await l.call('search/global', { q: '5678' });
    expect(titles(byPhone, 'member')).toEqual(['张文华']);
    expect(hits(byPhone, 'member')[0].subtitle).toContain('电话 139****5678');
    expect(JSON.stringify(byPhone)).not.toContain('13912345678');
  });

  it('finds a meeting by its theme and by a word of its content, and links to that record', async () => {
    const byTopic = await l.call('search/global', { q: '第三季度' });
    expect(hits(byTopic, 'activity').map((h) => h.id)).toEqual([meetingId]);
    const byContent = await l.call('search/global', { q: '帮扶走访' });
    const [hit] = hits(byContent, 'activity');
    expect(hit).toMatchObject({ id: meetingId, title: '支部委员会：研究第三季度发展党员工作', link: { path: '/activities', query: { open: meetingId } } });
    expect(hit.subtitle).toContain('2026-10-15');
    expect(hit.subtitle).toContain('帮扶走访');
  });

  it('finds a dossier by name or pinyin, a transfer by its letter number, a settings section by name', async () => {
    const d = await l.call('search/global', { q: 'qxd' });
    expect(hits(d, 'development')[0]).toMatchObject({ title: '钱晓东', link: { path: '/development/file' } });
    const t = await l.call('search/global', { q: letterNo });
    expect(hits(t, 'transfer')[0]).toMatchObject({ title: `介绍信第${letterNo}号`, link: { path: '/transfers' } });
    expect(hits(t, 'transfer')[0].subtitle).toContain('张伟');
    const s = await l.call('search/global', { q: '单位设置' });
    expect(hits(s, 'page')[0]).toMatchObject({ title: '单位设置', link: { path: '/settings', query: {} } });
    const letter = await l.call('search/global', { q: '介绍信' });
    expect(hits(letter, 'page').map((h) => h.title)).toContain('介绍信设置');
    expect(hits(letter, 'page').find((h) => h.title === '介绍信设置')?.link).toEqual({ path: '/settings', query: { section: 'letter' } });
    expect(titles(await l.call('search/global', { q: 'dfsj' }), 'page')).toEqual(['党费收缴']);
  });

  it('keeps each group to the limit and says there are more; an empty text finds nothing', async () => {
    const r = await l.call('search/global', { q: '王', limit: 2 });
    const g = r.groups.find((x) => x.kind === 'member')!;
    expect(g.hits).toHaveLength(2);
    expect(g.more).toBe(true);
    expect((await l.call('search/global', { q: '王' })).groups.find((x) => x.kind === 'member')!.hits).toHaveLength(5);
    expect(await l.call('search/global', { q: '   ' })).toEqual({ q: '', groups: [] });
    expect(kinds(await l.call('search/global', { q: '没有这个人' }))).toEqual([]);
    expect((await failure(l.call('search/global', { q: 'x'.repeat(101) }))).message).toMatch(/搜索内容/);
    expect((await failure(l.call('search/global', { q: 'a', limit: 0 }))).message).toMatch(/每类条数/);
  });

  it('a renamed member is found by the new name, not the old one', async () => {
    const m = await l.call('members/get', { id: zhang.id });
    const { id, ...rest } = m;
    await l.call('members/update', { ...(rest as object), id, name: '张文辉' } as never);
    expect(titles(await l.call('search/global', { q: 'zhangwenhua' }), 'member')).toEqual([]);
    expect(titles(await l.call('search/global', { q: 'zhangwenhui' }), 'member')).toEqual(['张文辉']);
    expect(readingOf('张文辉')).toEqual({ initials: 'zwh', full: 'zhangwenhui' });
  });
});
