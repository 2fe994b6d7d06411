// @vitest-environment happy-dom
/** 一键生成迎检材料: what 生成 sends, the steps it shows while the core works, the save, the PDF reason said, and 取消. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Pinia } from 'pinia';
import { answer, byTestId, callsTo, messages, mountReal, resetFake, savedFiles, settle } from './fake-client';

vi.mock('../../renderer/src/api/client', (orig) => import('./fake-client').then((f) => f.clientModule(orig)));

const { default: BinderDialog } = await import('../../renderer/src/views/archive/BinderDialog.vue');
const { ApiError } = await import('../../renderer/src/api/client');

const ORGS = [{ id: 'cmt', name: '中共测试分局委员会' }, { id: 'b1', name: '第一党支部' }];
const steps = (current: number, n = 4) => ({ active: current < n, current, detail: null, steps: Array.from({ length: n }, (_, i) => ({ label: `第${i + 1}步`, state: i < current ? '完成' : i === current ? '进行中' : '等待' })) });
const RESULT = {
  fileName: '2026年度迎检材料.zip', mime: 'application/zip', contentBase64: '',
  summary: { files: 42, binders: [], gaps: 3, problems: ['E 党费收缴台账：2026年没有应缴党费的党员'], pdf: { requested: true, made: 0, reason: '本机未找到 LibreOffice（soffice），未生成 PDF', failed: [] } },
};

let pinia: Pinia;
beforeEach(() => {
  pinia = resetFake();
});

async function open(found = true) {
  answer('archive/binder-office', () => ({ found, reason: found ? null : '本机未找到 LibreOffice（soffice），未生成 PDF，归档文件目录的页数留空，请打印后手工填写' }));
  const w = mountReal(BinderDialog, { pinia, props: { open: false, year: 2026, years: [2026, 2025], orgs: ORGS } });
  await w.setProps({ open: true });
  await settle();
  return w;
}

describe('BinderDialog', () => {
  it('sends the year, the 党委 and the PDF choice, shows the steps, saves the zip and says why there is no PDF', async () => {
    let finish: (v: unknown) => void = () => {};
    answer('archive/binder', () => new Promise((r) => (finish = r)));
    let tick = 0;
    answer('archive/binder-progress', () => steps(Math.min(tick++, 4)));
    await open();
    (byTestId('binder-pdf')!.querySelector('input') as HTMLInputElement).click();
    await settle();
    byTestId('binder-build')!.click();
    await settle();
    await vi.waitFor(() => expect(byTestId('binder-progress')?.textContent).toContain('第1步'));
    expect(callsTo('archive/binder')[0]).toMatchObject({ year: 2026, orgId: 'cmt', from: null, to: null, pdf: true });
    const jobId = callsTo('archive/binder')[0].jobId;
    expect(jobId).toMatch(/^binder-/);
    expect(callsTo('archive/binder-progress')[0]).toEqual({ jobId });
    expect(byTestId('binder-cancel')).not.toBeNull();
    finish(RESULT);
    await settle();
    await vi.waitFor(() => expect(byTestId('binder-summary')?.textContent).toContain('共 42 个文件'));
    expect(savedFiles.map((f) => f.fileName)).toEqual(['2026年度迎检材料.zip']);
    const text = byTestId('binder-summary')!.textContent!;
    expect(text).toContain('本机未找到 LibreOffice');
    expect(text).toContain('未能收入：E 党费收缴台账');
    expect(messages().join()).toContain('已生成迎检材料');
  });

  it('says before 生成 when PDFs cannot be made here', async () => {
    await open(false);
    expect(byTestId('binder-office')?.textContent).toContain('本机未找到 LibreOffice');
  });

  it('取消 asks the core to stop with the same job id, and says nothing was left', async () => {
    let fail: (e: unknown) => void = () => {};
    answer('archive/binder', () => new Promise((_r, j) => (fail = j)));
    answer('archive/binder-progress', () => steps(1));
    answer('archive/binder-cancel', () => {
      fail(new ApiError('已取消生成迎检材料，未留下文件'));
      return { cancelled: true };
    });
    await open();
    byTestId('binder-build')!.click();
    await settle();
    await vi.waitFor(() => expect(byTestId('binder-cancel')).not.toBeNull());
    byTestId('binder-cancel')!.click();
    await settle();
    expect(callsTo('archive/binder-cancel')).toEqual([{ jobId: callsTo('archive/binder')[0].jobId }]);
    await vi.waitFor(() => expect(messages().join()).toContain('已取消，未留下文件'));
    expect(savedFiles).toEqual([]);
    expect(byTestId('binder-progress')).toBeNull();
  });
});
