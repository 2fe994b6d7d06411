import { describe, expect, it } from 'vitest';
import { idCheckDigit, idNumberProblem, makeIdNumber, genderFromId } from '../../core/members/idcard.ts';

describe('公民身份号码', () => {
  it('accepts the GB 11643 example and computes its check digit', () => {
    // The standard's published example: 11010519491231002X.
    expect(idCheckDigit('11010519491231002')).toBe('X');
    expect(idNumberProblem('11010519491231002X')).toBeNull();
    expect(idNumberProblem('11010519491231002x')).toBeNull();
  });
  it('rejects a wrong check digit, a wrong length and an impossible birth date', () => {
    expect(idNumberProblem('110105194912310021')).toMatch(/校验码/);
    expect(idNumberProblem('1101051949123100')).toMatch(/18 位/);
    expect(idNumberProblem('110105194902301234')).toMatch(/出生日期/);
    expect(idNumberProblem('11010519491231002A')).toMatch(/末位/);
  });
  it('makes valid numbers whose gender digit matches', () => {
    const male = makeIdNumber('370102', '1980-02-29', 17, true);
    const female = makeIdNumber('370102', '1980-02-29', 17, false);
    expect(idNumberProblem(male)).toBeNull();
    expect(idNumberProblem(female)).toBeNull();
    expect(genderFromId(male)).toBe('男');
    expect(genderFromId(female)).toBe('女');
  });
});
