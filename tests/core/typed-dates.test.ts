/** Dates and months as a clerk types them (common/dates.ts): every usual spelling kept, impossible dates refused. */
import { describe, expect, it } from 'vitest';
import { parseTypedDate, parseTypedMonth } from '../../common/dates';

describe('parseTypedDate', () => {
  it('keeps 2026-10-15 in every usual spelling', () => {
    for (const s of ['2026-10-15', '2026/10/15', '2026.10.15', '20261015', '2026年10月15日', '2026年10月15', ' 2026 - 10 - 15 ', '2026-10-15'])
      expect(parseTypedDate(s), s).toBe('2026-10-15');
    expect(parseTypedDate('2026/1/5')).toBe('2026-01-05');
    expect(parseTypedDate('2026年1月5日')).toBe('2026-01-05');
    expect(parseTypedDate('2024-02-29')).toBe('2024-02-29');
  });

  it('refuses text that is no date and dates that do not exist', () => {
    for (const s of ['2026-13-45', '2026-02-30', '2025-02-29', '2026-00-10', '2026-10-00', '20261315', '2026-10', '15.10.2026', 'abc', '', '2026年10月32日', '0026-10-15', '202610151'])
      expect(parseTypedDate(s), s).toBeNull();
  });
});

describe('parseTypedMonth', () => {
  it('keeps 2026-10 in every usual spelling', () => {
    for (const s of ['2026-10', '2026/10', '2026.10', '202610', '2026年10月', '2026年10'])
      expect(parseTypedMonth(s), s).toBe('2026-10');
    expect(parseTypedMonth('2026/3')).toBe('2026-03');
  });

  it('refuses months that do not exist and full dates', () => {
    for (const s of ['2026-13', '2026-00', '202613', '2026-10-15', '20261015', 'x', ''])
      expect(parseTypedMonth(s), s).toBeNull();
  });
});
