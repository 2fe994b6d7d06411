import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countNumerals, dateNumerals, daysNumerals, monthNumerals, yearNumerals } from '../../core/transfers/numerals.ts';

describe('Chinese numerals for the 介绍信', () => {
  it('writes years digit by digit with 〇', () => {
    expect(yearNumerals(2026)).toBe('二〇二六');
    expect(yearNumerals(2000)).toBe('二〇〇〇');
    expect(yearNumerals(2026, 'financial')).toBe('贰零贰陆');
  });

  it('writes counts as read aloud', () => {
    const cases: [number, string][] = [
      [1, '一'], [9, '九'], [10, '十'], [11, '十一'], [15, '十五'], [20, '二十'], [28, '二十八'], [30, '三十'],
      [31, '三十一'], [90, '九十'], [100, '一百'], [101, '一百零一'], [110, '一百一十'], [180, '一百八十'], [365, '三百六十五'], [1005, '一千零五'],
    ];
    for (const [n, s] of cases) expect(countNumerals(n), String(n)).toBe(s);
  });

  it('keeps the digit before 拾 in the financial style', () => {
    expect(countNumerals(10, 'financial')).toBe('壹拾');
    expect(countNumerals(30, 'financial')).toBe('叁拾');
    expect(countNumerals(15, 'financial')).toBe('壹拾伍');
    expect(countNumerals(105, 'financial')).toBe('壹佰零伍');
  });

  it('writes the dues month, the letter date and the validity', () => {
    expect(monthNumerals('2026-11')).toBe('二〇二六年十一月');
    expect(monthNumerals('2027-01')).toBe('二〇二七年一月');
    expect(dateNumerals('2026-11-28')).toBe('二〇二六年十一月二十八日');
    expect(dateNumerals('2026-10-01')).toBe('二〇二六年十月一日');
    expect(dateNumerals('2026-12-10')).toBe('二〇二六年十二月十日');
    expect(daysNumerals(30)).toBe('三十天');
    expect(monthNumerals('2026-11', 'financial')).toBe('贰零贰陆年壹拾壹月');
  });

  it('rejects what it cannot write', () => {
    expect(() => countNumerals(-1)).toThrow();
    expect(() => countNumerals(1.5)).toThrow();
    expect(() => countNumerals(10000)).toThrow();
    expect(() => dateNumerals('2026-11')).toThrow();
    expect(() => monthNumerals('26-11')).toThrow();
  });

  it('uses no Arabic digit and never starts with 零 for any count 1–9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), (n) => {
        const s = countNumerals(n);
        expect(s).not.toMatch(/[0-9]/);
        expect(s.startsWith('零')).toBe(false);
        expect(s.endsWith('零')).toBe(false);
        expect(s).not.toContain('零零');
      }),
    );
  });
});
