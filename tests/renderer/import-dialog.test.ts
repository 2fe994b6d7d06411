// @vitest-environment happy-dom
/** Importing a roster: the check's summary, the problem list, the commit button, and an abandoned check. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Pinia } from 'pinia';
import type { ImportPreview } from '../../core/members/import';
import { answer, byTestId, callsTo, messages, mountDialog, resetFake, settle } from './fake-client';

vi.mock('../../renderer/src/api/client', (orig) => import('./fake-client').then((f) => f.clientModule(orig)));

const { default: ImportDialog } = await import('../../renderer/src/views/members/ImportDialog.vue');
const { ApiError } = await import('../../renderer/src/api/client');

const row = (n: number, name: string, action: '新增' | '更新', ok: boolean) => ({ row: n, name, idNumber: `1101051990030740${n}X`, action, ok });

/** Five rows: two new and one update are fine, two have problems. */
const MIXED: ImportPreview = {
  sheetName: '花名册',
  headerRow: 2,
  recognized: ['姓名', '公民身份号码', '入党日期', '所在支部'],
  ignored: ['序号'],
  rows: [row(3, '张三', '新增', true), row(4, '李四', '更新', true), row(5, '王五', '新增', false), row(6, '赵六', '新增', true), row(7, '钱七', '新增', false)],
  problems: [
    { row: 5, column: '公民身份号码', message: '校验码不正确，请核对号码' },
    { row: 7, column: '所在支部', message: '没有名为“第九党支部”的支部' },
  ],
  problemCount: 2,
  notes: [],
  validCount: 3,
  invalidCount: 2,
};

const ALL_GOOD: ImportPreview = { ...MIXED, rows: MIXED.rows.map((r) => ({ ...r, ok: true })), problems: [], problemCount: 0, validCount: 5, invalidCount: 0, ignored: [] };

let pinia: Pinia;
beforeEach(() => {
  pinia = resetFake();
});

async function openDialog() {
  const w = mountDialog(ImportDialog, { pinia });
  await w.setProps({ modelValue: true });
  await settle();
  return w;
}

/** The clerk picks a file in the real file input; readPickedFile (real) reads it. */
async function pick(name: string, content = 'xlsx bytes') {
  const input = byTestId<HTMLInputElement>('import-file')!;
  Object.defineProperty(input, 'files', { configurable: true, value: [new File([content], name)] });
  input.dispatchEvent(new Event('change'));
  await settle();
}

/** El-alert's root is a transition, so the test id sits on the wrapper in a test mount. */
const summary = () => {
  const e = byTestId('import-summary');
  return e && (e.matches('.el-alert') ? e : e.querySelector('.el-alert'));
};
const commitButton = () => byTestId<HTMLButtonElement>('import-commit')!;
const footerButton = (text: string) => [...document.querySelectorAll<HTMLButtonElement>('.el-dialog__footer button')].find((b) => b.textContent?.trim() === text);

describe('ImportDialog', () => {
  it('summarizes the check, lists the problems and offers to import only the correct rows', async () => {
    answer('members/import-preview', () => MIXED);
    answer('members/import-commit', () => ({ created: 2, updated: 1, invalidCount: 2 }));
    const w = await openDialog();
    expect(commitButton().disabled).toBe(true);

    await pick('花名册.xlsx', 'roster');
    expect(callsTo('members/import-preview')).toEqual([{ fileName: '花名册.xlsx', contentBase64: btoa('roster'), jobId: expect.any(String) }]);
    expect(byTestId('import-summary')!.textContent).toContain('共 5 行：3 行正确（新增 2，更新 1），2 行有误');
    expect(summary()!.classList.contains('el-alert--warning')).toBe(true);
    expect(document.body.textContent).toContain('工作表“花名册”，第 2 行为表头；识别的列：姓名、公民身份号码、入党日期、所在支部；未使用的列：序号');
    const problems = [...byTestId('import-problems')!.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()));
    expect(problems).toEqual([
      ['5', '公民身份号码', '校验码不正确，请核对号码'],
      ['7', '所在支部', '没有名为“第九党支部”的支部'],
    ]);
    expect(commitButton().textContent?.trim()).toBe('只导入正确的 3 行');
    expect(commitButton().disabled).toBe(false);

    commitButton().click();
    await settle();
    expect(callsTo('members/import-commit')).toEqual([{ fileName: '花名册.xlsx', contentBase64: btoa('roster'), validOnly: true, expectValid: 3 }]);
    expect(messages()).toContain('已导入：新增 2 人，更新 1 人，跳过有误的 2 行');
    expect(w.emitted('imported')).toHaveLength(1);
    expect(w.props('modelValue')).toBe(false);
  });

  it('a clean file shows no problem table and a plain import button', async () => {
    answer('members/import-preview', () => ALL_GOOD);
    await openDialog();
    await pick('好.xlsx');
    expect(byTestId('import-summary')!.textContent).toContain('共 5 行：5 行正确（新增 4，更新 1），0 行有误');
    expect(summary()!.classList.contains('el-alert--success')).toBe(true);
    expect(byTestId('import-problems')).toBeNull();
    expect(commitButton().textContent?.trim()).toBe('导入 5 行');
  });

  it('nothing to import when no row is correct', async () => {
    answer('members/import-preview', () => ({ ...MIXED, rows: MIXED.rows.map((r) => ({ ...r, ok: false })), validCount: 0, invalidCount: 5 }));
    await openDialog();
    await pick('坏.xlsx');
    expect(commitButton().textContent?.trim()).toBe('只导入正确的 0 行');
    expect(commitButton().disabled).toBe(true);
  });

  it("a file the core cannot read is reported and leaves nothing to import", async () => {
    answer('members/import-preview', () => {
      throw new ApiError('没有找到表头：工作表前 10 行中应有“姓名”和“公民身份号码（身份证号）”两列');
    });
    await openDialog();
    await pick('空.xlsx');
    expect(messages()).toEqual(['没有找到表头：工作表前 10 行中应有“姓名”和“公民身份号码（身份证号）”两列']);
    expect(byTestId('import-summary')).toBeNull();
    expect(commitButton().disabled).toBe(true);
  });

  it('while checking, the button says 取消; a second file picked meanwhile wins over the slow first answer', async () => {
    const pending: Record<string, (p: ImportPreview) => void> = {};
    answer('members/import-preview', (input) => new Promise<ImportPreview>((r) => (pending[input.fileName as string] = r)));
    await openDialog();
    await pick('旧.xlsx');
    expect(footerButton('取消')).toBeDefined();
    expect(commitButton().disabled).toBe(true);
    await pick('新.xlsx');
    pending['新.xlsx'](ALL_GOOD);
    await settle();
    pending['旧.xlsx'](MIXED);
    await settle();
    expect(byTestId('import-summary')!.textContent).toContain('共 5 行：5 行正确');
    expect(commitButton().textContent?.trim()).toBe('导入 5 行');
    expect(footerButton('关闭')).toBeDefined();
  });

  it('after 取消, a late failure of the abandoned check is not shown to the clerk', async () => {
    let fail!: (e: Error) => void;
    answer('members/import-preview', () => new Promise((_, reject) => (fail = reject)));
    const w = await openDialog();
    await pick('大.xlsx');
    footerButton('取消')!.click();
    await settle();
    expect(w.props('modelValue')).toBe(false);
    fail(new ApiError('没有找到表头：工作表前 10 行中应有“姓名”和“公民身份号码（身份证号）”两列'));
    await settle();
    expect(messages()).toEqual([]);
  });

  it('after 取消, a late preview is dropped: the dialog reopens empty and cannot commit the abandoned file', async () => {
    let release!: (p: ImportPreview) => void;
    answer('members/import-preview', () => new Promise((r) => (release = r)));
    const w = await openDialog();
    await pick('大.xlsx');
    footerButton('取消')!.click();
    await settle();
    release(MIXED);
    await settle();
    expect(byTestId('import-summary')).toBeNull(); // not even in the closed dialog

    await w.setProps({ modelValue: true });
    await settle();
    expect(byTestId('import-summary')).toBeNull();
    expect(commitButton().disabled).toBe(true);
    expect(commitButton().textContent?.trim()).toBe('导入 0 行');
    expect(callsTo('members/import-commit')).toEqual([]);
  });

  it('while reading, shows how far the core has read; 取消 stops that very read', async () => {
    let release!: (p: ImportPreview) => void;
    answer('members/import-preview', () => new Promise((r) => (release = r)));
    answer('imports/progress', () => ({ active: true, fraction: 0.4, rows: 1200 }));
    answer('imports/cancel', () => ({ cancelled: true }));
    const w = await openDialog();
    await pick('大.xlsx');
    await new Promise((r) => setTimeout(r, 650));
    await settle();
    const [{ jobId }] = callsTo('members/import-preview');
    expect(callsTo('imports/progress')[0]).toEqual({ jobId });
    expect(byTestId('import-progress')!.textContent).toContain('已读取 1200 行');
    expect(byTestId('import-progress')!.querySelector('.el-progress__text')!.textContent?.trim()).toBe('40%');
    footerButton('取消')!.click();
    await settle();
    expect(callsTo('imports/cancel')).toEqual([{ jobId }]);
    expect(w.props('modelValue')).toBe(false);
    release(MIXED);
    await settle();
    expect(byTestId('import-summary')).toBeNull();
  });

  it('says how many problems are not listed, and which lines were notes rather than members', async () => {
    answer('members/import-preview', () => ({ ...MIXED, problemCount: 250, notes: [{ row: 9, text: '填表人：张三' }] }));
    await openDialog();
    await pick('多.xlsx');
    expect(byTestId('import-unlisted')!.textContent).toBe('另有 248 个问题未列出');
    expect(byTestId('import-notes')!.textContent).toContain('第 9 行“填表人：张三”');
    answer('members/import-preview', () => MIXED);
    await pick('少.xlsx');
    expect(byTestId('import-unlisted')).toBeNull();
  });
});
