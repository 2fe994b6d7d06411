// @vitest-environment happy-dom
/** 数据与备份: the empty state, the list, 立即备份, and a restore that shows its preview before the confirm. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Pinia } from 'pinia';
import { answer, byTestId, callsTo, mountDialog, mountReal, resetFake, savedFiles, settle } from './fake-client';

vi.mock('../../renderer/src/api/client', (orig) => import('./fake-client').then((f) => f.clientModule(orig)));

const { default: DataSection } = await import('../../renderer/src/views/system/settings/DataSection.vue');
const { default: RestoreDialog } = await import('../../renderer/src/views/system/settings/RestoreDialog.vue');

const counts = { members: 99, branches: 11, records: 1234, attachments: 2 };
const status = (backups: unknown[]) => ({
  dataDir: '/home/clerk/.local/share/party-ledger',
  ledgerFile: '/home/clerk/.local/share/party-ledger/ledger.sqlite',
  backupsDir: '/home/clerk/.local/share/party-ledger/backups',
  today: '2026-11-28',
  backups,
  total: backups.length,
  lastFailure: null,
  retention: { keepDaily: 30, keepMonthly: 12, keepManual: 10 },
});
const AUTO: Record<string, unknown> = { fileName: 'auto-2026-11-28.zip', kind: 'auto', createdAt: '2026-11-28T01:00:00.000Z', size: 2 * 1024 * 1024, status: 'ok', statusText: '可用', unitName: '某分局', counts, restorable: true };
const ENC: Record<string, unknown> = { fileName: 'manual-2026-11-27T08-00-00.plbk', kind: 'manual', createdAt: '2026-11-27T08:00:00.000Z', size: 4096, status: 'encrypted', statusText: '已加密（恢复时需要密码）', unitName: null, counts: null, restorable: true };
const PREVIEW = { createdAt: '2026-11-28T01:00:00.000Z', today: '2026-11-28', kind: 'auto', unitName: '某分局', counts, programVersion: '0.1.0', encrypted: false, attachmentFiles: 2, missingAttachments: 0, migrations: 5, sizeBytes: 100 };

let pinia: Pinia;
beforeEach(() => {
  pinia = resetFake();
});

describe('DataSection', () => {
  it('an empty backups folder says how backups come about, and shows the data folder', async () => {
    answer('backup/status', () => status([]));
    mountReal(DataSection, { pinia });
    await settle();
    expect(byTestId('data-dir')?.textContent).toBe('/home/clerk/.local/share/party-ledger');
    expect(document.body.textContent).toContain('还没有备份。每天第一次打开台账时会自动备份');
    expect(byTestId('backup-list')).toBeNull();
  });

  it('lists the backups and 立即备份 creates one and saves it', async () => {
    let listed = [ENC];
    answer('backup/status', () => status(listed));
    answer('backup/create', () => {
      listed = [AUTO, ENC];
      return { fileName: 'manual-x.zip', size: 2048, counts, file: { fileName: '党务台账备份-2026-11-28.zip', mime: 'application/zip', contentBase64: 'UEs=' } };
    });
    mountReal(DataSection, { pinia });
    await settle();
    const rows = () => [...document.querySelectorAll('[data-testid="backup-list"] .el-table__body tr')].map((r) => r.textContent ?? '');
    expect(rows()).toHaveLength(1);
    expect(rows()[0]).toContain('已加密（恢复时需要密码）');
    expect(document.body.textContent).toContain('今天还没有自动备份');
    byTestId('backup-now')!.click();
    await settle();
    byTestId('backup-start')!.click();
    await settle();
    expect(callsTo('backup/create')).toEqual([{ password: undefined }]);
    expect(savedFiles.map((f) => f.fileName)).toEqual(['党务台账备份-2026-11-28.zip']);
    expect(rows()).toHaveLength(2);
    expect(rows()[0]).toMatch(/每日自动.*2\.0 MB.*可用.*党员 99 名，记录 1234 条/);
  });
});

describe('RestoreDialog', () => {
  it('asks for the password of an encrypted backup, shows what it holds, then restores after the confirm', async () => {
    answer('backup/inspect', (i) => (i.password ? { needsPassword: false, preview: { ...PREVIEW, encrypted: true } } : { needsPassword: true, preview: null }));
    answer('backup/restore', () => ({ preview: PREVIEW, keptAs: 'before-restore-2026-11-28T09-00-00.zip' }));
    const w = mountDialog(RestoreDialog, { pinia, props: { fileName: ENC.fileName as string } });
    await w.setProps({ modelValue: true });
    await settle();
    expect(callsTo('backup/inspect')).toEqual([{ fileName: ENC.fileName, password: undefined }]);
    expect((byTestId<HTMLButtonElement>('restore-confirm'))!.disabled).toBe(true);
    const pw = byTestId<HTMLInputElement>('restore-password')!;
    pw.value = '党建2026';
    pw.dispatchEvent(new Event('input'));
    await settle();
    (pw.closest('form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await settle();
    expect(callsTo('backup/inspect')[1]).toEqual({ fileName: ENC.fileName, password: '党建2026' });
    const preview = byTestId('restore-preview')!.textContent!;
    expect(preview).toContain('某分局');
    expect(preview).toContain('99 名（11 个党支部）');
    expect(preview).toContain('1234 条');
    expect(preview).toContain('（已加密）');
    byTestId('restore-confirm')!.click();
    await settle();
    expect(callsTo('backup/restore')).toEqual([]); // nothing before the confirm
    const box = document.querySelector('.el-message-box')!;
    expect(box.textContent).toContain('党员 99 名，记录 1234 条');
    [...box.querySelectorAll('button')].find((b) => b.textContent?.trim() === '恢复')!.click();
    await settle();
    await new Promise((r) => setTimeout(r, 50));
    await settle();
    expect(callsTo('backup/restore')).toEqual([{ fileName: ENC.fileName, password: '党建2026', confirm: true }]);
    expect(w.emitted('restored')).toEqual([['before-restore-2026-11-28T09-00-00.zip']]);
  });
});
