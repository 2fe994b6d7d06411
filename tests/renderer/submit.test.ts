// @vitest-environment happy-dom
/** The one mapping of the core's objections to form fields, and the submit helper around it. */
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../renderer/src/api/client', (orig) => import('./fake-client').then((f) => f.clientModule(orig)));

const { ApiError } = await import('../../renderer/src/api/client');
const { fieldErrors, useSubmit } = await import('../../renderer/src/composables/submit');

describe('fieldErrors', () => {
  it('places every detail under its own field (by field or by zod path), the first per field winning', () => {
    const e = new ApiError('“公民身份号码”与党员“张三”重复', 'idNumber', [
      { field: 'idNumber', message: '与党员“张三”重复' },
      { path: ['joinDate'], message: '不能早于出生日期' },
      { field: 'idNumber', message: '第二条不显示' },
    ]);
    expect(fieldErrors(e)).toEqual({ idNumber: '与党员“张三”重复', joinDate: '不能早于出生日期' });
  });

  it('falls back to the message under the named field; nothing for an error without a field or not from the core', () => {
    expect(fieldErrors(new ApiError('“所在支部”所选支部不存在', 'branchId'))).toEqual({ branchId: '“所在支部”所选支部不存在' });
    expect(fieldErrors(new ApiError('内部错误'))).toEqual({});
    expect(fieldErrors(new Error('x'))).toEqual({});
  });

  it('drops the prefix of a nested input (transfers/in: member.name → name)', () => {
    const e = new ApiError('“姓名”不能为空', 'member.name', [{ path: ['member', 'name'], message: '不能为空' }]);
    expect(fieldErrors(e, 'member.')).toEqual({ name: '不能为空' });
    expect(fieldErrors(new ApiError('请选择要编入的党支部', 'branchId'), 'member.')).toEqual({ branchId: '请选择要编入的党支部' });
  });
});

describe('useSubmit', () => {
  it('is busy while the action runs, keeps the objections on failure and clears them on the next try', async () => {
    const { errors, saving, submit } = useSubmit();
    let release!: () => void;
    const running = submit(() => new Promise<void>((r) => (release = r)));
    expect(saving.value).toBe(true);
    release();
    expect(await running).toBe(true);
    expect(saving.value).toBe(false);

    expect(await submit(async () => Promise.reject(new ApiError('“姓名”不能为空', 'name')))).toBe(false);
    expect(errors.value).toEqual({ name: '“姓名”不能为空' });
    expect(saving.value).toBe(false);
    expect(await submit(async () => undefined)).toBe(true);
    expect(errors.value).toEqual({});
  });
});
