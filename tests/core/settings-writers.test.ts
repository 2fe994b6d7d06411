/** Every setting is written by its area's validated handler; there is no generic writer to go around them. */
import { describe, expect, it } from 'vitest';
import { handlers } from '../../core/api.ts';
import { failure, testLedger } from '../support/ledger.ts';
import { bureau } from '../support/bureau.ts';

describe('settings writers', () => {
  it('the handler map has no settings/set; invoking it is refused as unknown', async () => {
    expect(Object.keys(handlers)).not.toContain('settings/set');
    expect(Object.keys(handlers).filter((n) => n.startsWith('settings/'))).toEqual(['settings/get']);
    const l = await testLedger();
    expect((await failure(l.invoke('settings/set', { key: 'org.unitName', value: { not: 'a name' } }))).message).toBe('未知的操作：settings/set');
    await l.close();
  });

  it('org/settings-save writes 单位信息 with bounds and Chinese labels, audited, only what changed', async () => {
    const l = await testLedger();
    await bureau(l, { unitName: '临江分局', committeeName: '中共临江分局委员会', branches: 0 });
    const logged = (await l.call('audit/log', {})).total;
    await l.call('org/settings-save', { unitName: '  临江区公安分局 ', committeeName: '中共临江分局委员会', sealText: '中共临江区公安分局委员会' });
    expect(await l.call('settings/get', { prefix: 'org.' })).toEqual({
      'org.unitName': '临江区公安分局',
      'org.committeeName': '中共临江分局委员会',
      'org.sealText': '中共临江区公安分局委员会',
      'org.committeeAddress': '',
      'org.committeePhone': '',
      'org.committeeFax': '',
      'org.committeePostcode': '',
    });
    const log = await l.call('audit/log', {});
    expect(log.total).toBe(logged + 2);
    expect(log.rows.slice(0, 2).map((r) => r.summary).sort()).toEqual(['修改设置 org.sealText', '修改设置 org.unitName']);
    expect((await failure(l.call('org/settings-save', { unitName: '', committeeName: '中共临江分局委员会', sealText: '' }))).message).toBe('“单位名称”不能为空');
    expect((await failure(l.call('org/settings-save', { unitName: '分局', committeeName: '党'.repeat(61), sealText: '' }))).message).toBe('“党委名称”不能超过 60 字');
    expect((await failure(l.call('org/settings-save', { unitName: '分局', committeeName: '党委', sealText: '印'.repeat(61) }))).message).toBe('“印章文字”不能超过 60 字');
    expect((await failure(l.call('org/settings-save', { unitName: 7, committeeName: '党委', sealText: '' } as never))).message).toMatch(/^“单位名称”/);
    expect((await l.call('setup/status', {})).unitName).toBe('临江区公安分局');
    await l.close();
  });

  it('the letter-number pattern goes through transfers/save-settings and must keep {seq}', async () => {
    const l = await testLedger();
    const form = { validityDaysDefault: 30, validityDaysMax: 90, numeralStyle: 'financial' as const };
    expect((await failure(l.call('transfers/save-settings', { ...form, letterNoPattern: '分局转' }))).message).toBe('“介绍信编号格式”须包含 {seq}（序号）');
    await l.call('transfers/save-settings', { ...form, letterNoPattern: '临转{year}-{seq}' });
    expect((await l.call('transfers/settings', {})).letterNoPattern).toBe('临转{year}-{seq}');
    await l.call('transfers/save-settings', form);
    expect((await l.call('transfers/settings', {})).letterNoPattern).toBe('临转{year}-{seq}');
    await l.close();
  });
});
