import { execFile, execFileSync } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DUES_DEFAULTS, calcOptions, duesVersions, unitDuesVersion } from '../../core/dues/settings.ts';
import { DEFAULT_CALC, NATIONAL_DUES, applyRate, calcDues, parseYuan, yuan, type CalcOptions } from '../../core/dues/calc.ts';

const fen = (yuanText: string) => parseYuan(yuanText)!;
const inService = (base: string, opts: Partial<CalcOptions> = {}) => calcDues({ category: '在职', baseFen: fen(base) }, { ...DEFAULT_CALC, ...opts });
const retired = (base: string, opts: Partial<CalcOptions> = {}) => calcDues({ category: '离退休', baseFen: fen(base) }, { ...DEFAULT_CALC, ...opts });

describe('dues calculation: the published examples (reference §1.13)', () => {
  it.each([
    ['5100', 150, '76.50'],
    ['4900', 100, '49.00'],
    ['3200', 100, '32.00'],
    ['5400', 150, '81.00'],
    ['5800', 150, '87.00'],
    ['6300', 150, '94.50'],
    ['6900', 150, '103.50'],
    ['7500', 150, '112.50'],
    ['8400', 150, '126.00'],
    ['9500', 150, '142.50'],
    ['10000', 150, '150.00'],
    ['11500', 200, '230.00'],
    ['6500', 150, '97.50'],
  ])('在职 base %s → rate %i bp, %s 元', (base, bp, due) => {
    const r = inService(base);
    expect(r.rateBasisPoints).toBe(bp);
    expect(yuan(r.monthlyDueFen)).toBe(due);
    expect(r.capApplied).toBe(false);
  });
});

describe('dues calculation: computed boundary vectors', () => {
  it.each([
    ['3000.00', 1500],
    ['3000.01', 3000],
    ['2999.99', 1500],
    ['4321.87', 4322],
    ['5000.00', 5000],
    ['5000.01', 7500],
    ['10000.00', 15000],
    ['10000.01', 20000],
  ])('在职 %s → %i 分 (boundary in the lower bracket, whole-amount rate)', (base, due) => {
    expect(inService(base).monthlyDueFen).toBe(due);
  });

  it('caps at 1000 元 when the cap is on, and reports it', () => {
    expect(inService('60000.00')).toEqual({ baseFen: 6_000_000, rateBasisPoints: 200, monthlyDueFen: 100_000, capApplied: true });
    expect(inService('60000.00', { capEnabled: false })).toEqual({ baseFen: 6_000_000, rateBasisPoints: 200, monthlyDueFen: 120_000, capApplied: false });
    expect(inService('50000.00').capApplied).toBe(false);
    expect(inService('50000.01').capApplied).toBe(false); // 1000.0002 rounds to 1000.00: not above the cap
    expect(inService('50000.30').capApplied).toBe(true);
  });

  it('retirees: 0.5% up to 5000 inclusive, 1% above', () => {
    expect(retired('5000.00')).toMatchObject({ rateBasisPoints: 50, monthlyDueFen: 2500 });
    expect(retired('5000.01')).toMatchObject({ rateBasisPoints: 100, monthlyDueFen: 5000 });
    expect(retired('3870.40').monthlyDueFen).toBe(1935);
    expect(retired('3870.40', { rounding: 'jiao' }).monthlyDueFen).toBe(1940);
  });

  it('rounds to 角 half-up after rate × base when set', () => {
    expect(inService('4321.87', { rounding: 'jiao' }).monthlyDueFen).toBe(4320);
    expect(inService('4325.00', { rounding: 'jiao' }).monthlyDueFen).toBe(4330);
    expect(inService('5100', { rounding: 'jiao' }).monthlyDueFen).toBe(7650);
  });

  it('fixed amounts: students, laid-off, 低保 0.20 元; farmers per setting; hardship with the approved amount', () => {
    for (const category of ['学生', '下岗失业', '低保'] as const) {
      expect(calcDues({ category, baseFen: 123_456 })).toEqual({ baseFen: 123_456, rateBasisPoints: null, monthlyDueFen: 20, capApplied: false });
    }
    expect(calcDues({ category: '农民', baseFen: 0 }, { ...DEFAULT_CALC, farmerFen: 50 }).monthlyDueFen).toBe(50);
    expect(calcDues({ category: '困难减免', baseFen: 400_000 }).monthlyDueFen).toBe(0);
    expect(calcDues({ category: '困难减免', baseFen: 400_000, reducedFen: 1000 }).monthlyDueFen).toBe(1000);
  });

  it('parses yuan exactly and refuses a third decimal', () => {
    expect(parseYuan('4321.87')).toBe(432187);
    expect(parseYuan('4321.8')).toBe(432180);
    expect(parseYuan('1,000')).toBe(100000);
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('-5')).toBeNull();
    expect(() => calcDues({ category: '在职', baseFen: 1.5 })).toThrow();
  });
});

describe('dues calculation: properties', () => {
  const brackets = NATIONAL_DUES.values.inService;
  const lows = [0, 300_001, 500_001, 1_000_001];
  const highs = [300_000, 500_000, 1_000_000, 50_000_000];

  it('is monotone within a bracket (both roundings)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 ** 20 }), fc.integer({ min: 0, max: 2 ** 20 }), fc.constantFrom('fen', 'jiao'), (b, x, y, rounding) => {
        const span = highs[b] - lows[b];
        const a = lows[b] + (x % (span + 1));
        const c = lows[b] + (y % (span + 1));
        const [lo, hi] = a <= c ? [a, c] : [c, a];
        const o = { ...DEFAULT_CALC, rounding: rounding as 'fen' | 'jiao', capEnabled: false };
        const rl = calcDues({ category: '在职', baseFen: lo }, o);
        const rh = calcDues({ category: '在职', baseFen: hi }, o);
        expect(rl.rateBasisPoints).toBe(brackets[b].rateBasisPoints);
        expect(rh.rateBasisPoints).toBe(brackets[b].rateBasisPoints);
        expect(rl.monthlyDueFen).toBeLessThanOrEqual(rh.monthlyDueFen);
      }),
    );
  });

  it('never exceeds the cap when the cap is on', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.constantFrom('在职', '离退休'), fc.integer({ min: 1, max: 200_000 }), (baseFen, category, capFen) => {
        const r = calcDues({ category: category as '在职' | '离退休', baseFen }, { ...DEFAULT_CALC, capFen });
        expect(r.monthlyDueFen).toBeLessThanOrEqual(capFen);
        expect(r.capApplied).toBe(applyRate(baseFen, r.rateBasisPoints!, 'fen') > capFen);
      }),
    );
  });

  it('matches exact decimal arithmetic for half-up rounding to 分', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom(50, 100, 150, 200), (baseFen, bp) => {
        const exact = baseFen * bp; // in 1/10000 分, exact as an integer
        const expected = Math.floor(exact / 10000) + (exact % 10000 >= 5000 ? 1 : 0);
        expect(applyRate(baseFen, bp, 'fen')).toBe(expected);
      }),
    );
  });
});

describe('party-ledger dues calc', () => {
  const run = (...args: string[]) => JSON.parse(execFileSync('npx', ['party-ledger', 'dues', 'calc', ...args, '--json'], { encoding: 'utf8' }));
  it('prints exactly the four keys', () => {
    expect(run('--category', '在职', '--base', '5000.01')).toEqual({ baseFen: 500001, rateBasisPoints: 150, monthlyDueFen: 7500, capApplied: false });
    expect(run('--category', '在职', '--base', '60000', '--no-cap')).toEqual({ baseFen: 6000000, rateBasisPoints: 200, monthlyDueFen: 120000, capApplied: false });
    expect(run('--category', '离退休', '--base', '3870.40', '--rounding', 'jiao')).toEqual({ baseFen: 387040, rateBasisPoints: 50, monthlyDueFen: 1940, capApplied: false });
    expect(run('--category', '低保', '--base', '1200')).toEqual({ baseFen: 120000, rateBasisPoints: null, monthlyDueFen: 20, capApplied: false });
  });

  it('gives the reference\'s worked examples and boundary vectors (§1.13) from the command line', async () => {
    const bin = path.resolve(import.meta.dirname, '..', '..', 'bin', 'party-ledger.mjs');
    const calc = async (category: string, base: string, ...extra: string[]) =>
      JSON.parse((await promisify(execFile)(process.execPath, [bin, 'dues', 'calc', '--category', category, '--base', base, ...extra, '--json'], { encoding: 'utf8' })).stdout);
    const cases: [string, string, string[], number | null, number, boolean][] = [
      ['在职', '5100', [], 150, 7650, false],
      ['在职', '4900', [], 100, 4900, false],
      ['在职', '10000', [], 150, 15000, false],
      ['在职', '2999.99', [], 50, 1500, false],
      ['在职', '4321.87', [], 100, 4322, false],
      ['在职', '10000.01', [], 200, 20000, false],
      ['在职', '60000.00', [], 200, 100000, true],
      ['离退休', '5000.00', [], 50, 2500, false],
      ['困难减免', '4000', [], null, 0, false],
    ];
    const got = await Promise.all(cases.map(([c, b, extra]) => calc(c, b, ...extra)));
    got.forEach((g, i) => {
      const [, base, , bp, due, cap] = cases[i];
      expect(g).toEqual({ baseFen: parseYuan(base), rateBasisPoints: bp, monthlyDueFen: due, capApplied: cap });
    });
  }, 60_000);
});

describe('dues rules as versions', () => {
  it('a unit dues version has its own source and does not alter the national one', () => {
    const before = JSON.stringify(NATIONAL_DUES);
    expect(NATIONAL_DUES).toMatchObject({ effectiveFrom: '2008-04-01', verified: true });
    expect(NATIONAL_DUES.source).toContain('中组发〔2008〕3号');
    expect(unitDuesVersion(DUES_DEFAULTS)).toBeNull();
    expect(duesVersions(DUES_DEFAULTS)).toEqual([NATIONAL_DUES]);
    expect(calcOptions(DUES_DEFAULTS, '2026-03')).toEqual(DEFAULT_CALC);

    const local = { ...DUES_DEFAULTS, capFen: 80_000, farmerFen: 50, rounding: 'jiao' as const };
    const unit = unitDuesVersion(local)!;
    expect(unit.source).toBe('本单位规定：每月党费一般不超过 800.00 元；农民党员每月 0.50 元；四舍五入到角');
    expect(duesVersions(local)).toEqual([NATIONAL_DUES, unit]);
    const opts = calcOptions(local, '2026-03');
    expect(opts).toMatchObject({ capFen: 80_000, farmerFen: 50, rounding: 'jiao' });
    expect(calcDues({ category: '在职', baseFen: 6_000_000 }, opts)).toMatchObject({ monthlyDueFen: 80_000, capApplied: true });
    expect(calcDues({ category: '在职', baseFen: 6_000_000 })).toMatchObject({ monthlyDueFen: 100_000, capApplied: true });
    // The national record is untouched: same numbers, same source.
    expect(JSON.stringify(NATIONAL_DUES)).toBe(before);
    expect(NATIONAL_DUES.values.capFen).toBe(100_000);
    expect(unitDuesVersion({ ...DUES_DEFAULTS, capEnabled: false })!.source).toBe('本单位规定：每月党费不设上限');
  });
});
