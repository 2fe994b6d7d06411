/** The test vectors of archives.md 7.10: 档号, 件号 bounds, 8-digit dates, self-made titles, the box rule. */
import { describe, expect, it } from 'vitest';
import { boxRefusal, boxSpine, catalogDate, catalogTitle, composeArchiveNo, DEFAULT_CATEGORIES, itemNoText } from '../../common/archive.ts';

const base = { fonds: 'Z123', classCode: 'WS', year: 2026 };

describe('档号 (archives.md 7.10)', () => {
  it('composes each level with - and the 门类·年度 with ·', () => {
    expect(composeArchiveNo({ ...base, retentionCode: 'Y', level: 'DJB', itemNo: 1 })).toEqual({ ok: true, archiveNo: 'Z123-WS·2026-Y-DJB-0001', warning: null });
    expect(composeArchiveNo({ ...base, retentionCode: 'D30', level: 'DJB', itemNo: 7 })).toEqual({ ok: true, archiveNo: 'Z123-WS·2026-D30-DJB-0007', warning: null });
    expect(composeArchiveNo({ ...base, retentionCode: 'D10', level: '', itemNo: 12 })).toEqual({ ok: true, archiveNo: 'Z123-WS·2026-D10-0012', warning: null });
  });
  it('never invents a 全宗号: without one the number starts at the 门类 and warns', () => {
    const r = composeArchiveNo({ ...base, fonds: ' ', retentionCode: 'Y', level: 'DJB', itemNo: 1 });
    expect(r.ok && r.archiveNo).toBe('WS·2026-Y-DJB-0001');
    expect(r.ok && r.warning).toContain('未设置全宗号');
  });
  it('refuses a 件号 of more than 4 digits', () => {
    const r = composeArchiveNo({ ...base, retentionCode: 'Y', level: 'DJB', itemNo: 10000 });
    expect(r).toEqual({ ok: false, message: expect.stringContaining('超出 4 位') });
    expect(itemNoText(9999)).toBe('9999');
    expect(itemNoText(0)).toBeNull();
  });
});

describe('归档文件目录 values', () => {
  it('writes dates as 8 digits', () => {
    expect(catalogDate('2026-03-05')).toBe('20260305');
    expect(catalogDate('2026-12-31')).toBe('20261231');
    expect(catalogDate(null)).toBe('');
  });
  it('puts a self-made title, or its self-made part, inside [ ]', () => {
    expect(catalogTitle('', '关于2026年第一季度党费收缴情况')).toBe('[关于2026年第一季度党费收缴情况]');
    expect(catalogTitle('通知', '市局党委关于开展主题党日活动的')).toBe('[市局党委关于开展主题党日活动的]通知');
    expect(catalogTitle('关于印发制度的通知')).toBe('关于印发制度的通知');
  });
});

describe('档案盒', () => {
  const box = Array.from({ length: 40 }, (_, i) => ({ year: 2026, retention: '30年', level: 'B', itemNo: i + 1 }));
  it('shows 起止件号 on the spine', () => {
    expect(boxSpine(box)).toEqual({ from: '0001', to: '0040' });
  });
  it('refuses another 保管期限 or another year in one box', () => {
    expect(boxRefusal(box, { year: 2026, retention: '永久', level: 'B', itemNo: 1 })).toContain('保管期限');
    expect(boxRefusal(box, { year: 2027, retention: '30年', level: 'B', itemNo: 1 })).toContain('2027');
    expect(boxRefusal(box, { year: 2026, retention: '30年', level: 'B', itemNo: 41 })).toBeNull();
  });
});

describe('default categories', () => {
  it('are the eleven binders A–K with a 保管期限 each and their source', () => {
    const v = DEFAULT_CATEGORIES[DEFAULT_CATEGORIES.length - 1];
    expect(v.values.map((c) => c.code).join('')).toBe('ABCDEFGHIJK');
    expect(v.values[0].name).toBe('组织建设');
    expect(v.values[10].name).toBe('党务公开及其他');
    for (const c of v.values) expect(['永久', '30年', '10年']).toContain(c.defaultRetention);
    expect(v.source).toContain('archives.md');
  });
});
