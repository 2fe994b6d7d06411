// @vitest-environment happy-dom
/** The member form: what the ID number fills in, what is sent, and where the core's objections are shown. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Pinia } from 'pinia';
import type { Member } from '../../core/members/model';
import { answer, byTestId, callsTo, formItem, messages, mountDialog, resetFake, settle, typeText } from './fake-client';

vi.mock('../../renderer/src/api/client', (orig) => import('./fake-client').then((f) => f.clientModule(orig)));

const { default: MemberDialog } = await import('../../renderer/src/views/members/MemberDialog.vue');
const { ApiError } = await import('../../renderer/src/api/client');
const { useAppStore } = await import('../../renderer/src/stores/app');

const BRANCH = { id: 'b1', name: '第一党支部', parentId: 'c', memberCount: 3, groups: [{ id: 'g1', name: '第一党小组' }] };

let pinia: Pinia;
beforeEach(() => {
  pinia = resetFake();
  useAppStore().branches = [BRANCH];
});

async function openDialog(member: Member | null = null) {
  const w = mountDialog(MemberDialog, { pinia, props: { member } });
  await w.setProps({ modelValue: true });
  await settle();
  return w;
}

function inputOf(testId: string): HTMLInputElement {
  const host = byTestId(testId)!;
  return (host.matches('input') ? host : host.querySelector('input')) as HTMLInputElement;
}

const type = (testId: string, value: string, leave = false) => typeText(inputOf(testId), value, leave);

const checkedGender = () => [...document.querySelectorAll('.el-radio.is-checked')].map((e) => e.textContent?.trim()).find((t) => t === '男' || t === '女');

const errorUnder = (label: string) => formItem(label).querySelector('.el-form-item__error')?.textContent?.trim() ?? null;

/** Clicks 保存 and waits out the form item's 100 ms debounce before an error shows. */
async function save() {
  byTestId('mf-save')!.click();
  await settle();
  await new Promise((r) => setTimeout(r, 150));
}

/** Fills the required fields the ID number does not give. */
async function fillRequired() {
  await type('mf-name', '李华');
  await type('mf-idNumber', '110105199003074028', true);
  await type('mf-joinDate', '2015-07-01');
}

describe('MemberDialog', () => {
  it('a complete 18-digit ID number fills the birth date and gender when the clerk leaves the field', async () => {
    await openDialog();
    expect(checkedGender()).toBe('男');
    await type('mf-idNumber', '11010519900307402x', true);
    expect(inputOf('mf-birthDate').value).toBe('1990-03-07');
    expect(checkedGender()).toBe('女');

    await type('mf-idNumber', '110105198512210517', true);
    expect(inputOf('mf-birthDate').value).toBe('1985-12-21');
    expect(checkedGender()).toBe('男');
  });

  it('an incomplete number changes nothing', async () => {
    await openDialog();
    await type('mf-idNumber', '11010519900307402', true);
    expect(inputOf('mf-birthDate').value).toBe('');
    expect(checkedGender()).toBe('男');
  });

  it('sends the form as the core expects: the only branch chosen, no group as null, no 转正日期 for a 预备党员', async () => {
    answer('members/create', () => ({ id: 'm1' }));
    const w = await openDialog();
    await fillRequired();
    await type('mf-fullDate', '2016-07-01');
    (document.querySelector('input[type=radio][value="预备"]') as HTMLInputElement).click();
    await settle();
    expect(byTestId('mf-fullDate')).toBeNull();
    await save();
    expect(callsTo('members/create')).toEqual([
      expect.objectContaining({ name: '李华', idNumber: '110105199003074028', birthDate: '1990-03-07', gender: '女', joinDate: '2015-07-01', partyStatus: '预备', fullDate: null, branchId: 'b1', groupId: null }),
    ]);
    expect(w.emitted('saved')).toHaveLength(1);
    expect(w.props('modelValue')).toBe(false);
  });

  it("shows each of the core's objections under its own field and keeps the dialog open", async () => {
    answer('members/create', () => {
      throw new ApiError('“公民身份号码”与党员“张三”重复', 'idNumber', [
        { field: 'idNumber', message: '与党员“张三”重复' },
        { field: 'joinDate', message: '不能早于出生日期' },
        { field: 'idNumber', message: '第二条不显示' },
      ]);
    });
    const w = await openDialog();
    await fillRequired();
    await save();
    expect(errorUnder('公民身份号码')).toBe('与党员“张三”重复');
    expect(errorUnder('入党日期')).toBe('不能早于出生日期');
    expect(errorUnder('姓名')).toBeNull();
    expect(messages()).toContain('“公民身份号码”与党员“张三”重复');
    expect(w.props('modelValue')).toBe(true);
    expect(w.emitted('saved')).toBeUndefined();
  });

  it('places a validation failure by its path, or by the field alone when there are no details', async () => {
    let reply: InstanceType<typeof ApiError> = new ApiError('“出生日期”应为有效日期（如 2024-07-01）', 'birthDate', [{ path: ['birthDate'], message: '应为有效日期（如 2024-07-01）' }]);
    answer('members/create', () => {
      throw reply;
    });
    const w = await openDialog();
    await fillRequired();
    await save();
    expect(errorUnder('出生日期')).toBe('应为有效日期（如 2024-07-01）');

    reply = new ApiError('“所在支部”所选支部不存在', 'branchId');
    await save();
    expect(errorUnder('所在支部')).toBe('“所在支部”所选支部不存在');
    expect(errorUnder('出生日期')).toBeNull();

    await w.setProps({ modelValue: false });
    await w.setProps({ modelValue: true });
    await settle();
    await new Promise((r) => setTimeout(r, 150));
    expect(errorUnder('所在支部')).toBeNull();
  });

  // As members/list and members/get give it: the ID number masked.
  const member: Member = {
    branchName: '第一党支部', groupName: '第一党小组', leftType: null, leftDate: null, leftReason: null, createdAt: '2026-01-05T08:00:00Z', updatedAt: '2026-01-05T08:00:00Z',
    id: 'm7', name: '王强', gender: '男', ethnicity: '汉族', birthDate: '1985-12-21', idNumber: '110105********0517', nativePlace: null, education: '大学本科',
    workStartDate: null, joinDate: '2010-06-30', fullDate: '2011-06-30', partyStatus: '正式', category: '在职', workUnit: '刑侦大队', policeType: null, position: null,
    policeRank: null, phone: null, branchId: 'b1', groupId: 'g1', note: null,
  };

  it('editing sends members/update with the id and the changed field, the rest as loaded (the masked number untouched, so the core keeps it)', async () => {
    answer('members/update', () => ({ id: 'm7' }));
    await openDialog(member);
    expect(document.querySelector('.el-dialog__title')?.textContent).toBe('编辑党员：王强');
    expect(inputOf('mf-idNumber').value).toBe('110105********0517');
    expect(inputOf('mf-idNumber').readOnly).toBe(true);
    await type('mf-name', '王强强');
    await save();
    expect(callsTo('members/reveal-id')).toEqual([]);
    expect(callsTo('members/update')).toEqual([
      expect.objectContaining({ id: 'm7', name: '王强强', idNumber: '110105********0517', fullDate: '2011-06-30', groupId: 'g1', workUnit: '刑侦大队', nativePlace: '', education: '大学本科' }),
    ]);
  });

  it('显示 fetches the full number of this one member; then it can be changed and the new number is sent', async () => {
    answer('members/reveal-id', () => ({ idNumber: '110105198512210517' }));
    answer('members/update', () => ({ id: 'm7' }));
    await openDialog(member);
    byTestId('mf-reveal')!.click();
    await settle();
    expect(callsTo('members/reveal-id')).toEqual([{ id: 'm7' }]);
    expect(inputOf('mf-idNumber').value).toBe('110105198512210517');
    expect(inputOf('mf-idNumber').readOnly).toBe(false);
    expect(byTestId('mf-reveal')).toBeNull();
    await type('mf-idNumber', '11010519900307402X', true);
    expect(inputOf('mf-birthDate').value).toBe('1990-03-07');
    await save();
    expect(callsTo('members/update')).toEqual([expect.objectContaining({ id: 'm7', idNumber: '11010519900307402X', birthDate: '1990-03-07', gender: '女' })]);
  });

  it('a new member has no 显示 button and an editable number', async () => {
    await openDialog();
    expect(byTestId('mf-reveal')).toBeNull();
    expect(inputOf('mf-idNumber').readOnly).toBe(false);
  });
});
