// @vitest-environment happy-dom
/** 单位设置 → 安全 and the lock screen: what they send to the core, and what the clerk reads. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Pinia } from 'pinia';
import { answer, byTestId, callsTo, messages, mountReal, resetFake, settle, typeText } from './fake-client';

vi.mock('../../renderer/src/api/client', (orig) => import('./fake-client').then((f) => f.clientModule(orig)));

const { default: SecuritySection } = await import('../../renderer/src/views/system/settings/SecuritySection.vue');
const { default: LockScreen } = await import('../../renderer/src/views/system/LockScreen.vue');
const { ApiError } = await import('../../renderer/src/api/client');

let pinia: Pinia;
beforeEach(() => {
  pinia = resetFake();
});
const input = (id: string) => byTestId<HTMLInputElement>(id)!;

describe('SecuritySection', () => {
  it('says a forgotten password cannot be recovered without a backup, and sets the lock', async () => {
    let enabled = false;
    answer('lock/status', () => ({ enabled, unlocked: true, idleMinutes: 10, retryAfterSeconds: 0 }));
    answer('lock/set', () => ((enabled = true), { enabled: true, idleMinutes: 10 }));
    mountReal(SecuritySection, { pinia });
    await settle();
    expect(byTestId('lock-warning')!.textContent).toMatch(/无法找回[\s\S]*只能用备份/);
    expect(byTestId('lock-state')!.textContent).toBe('未设置');
    expect(byTestId('lock-current')).toBeNull();
    await typeText(input('lock-new'), '支部密码2026');
    await typeText(input('lock-confirm'), '支部密码2027');
    byTestId('lock-save')!.click();
    await settle();
    expect(callsTo('lock/set')).toEqual([]);
    expect(messages().join()).toContain('两次输入的新密码不一致');
    await typeText(input('lock-confirm'), '支部密码2026');
    byTestId('lock-save')!.click();
    await settle();
    expect(callsTo('lock/set')).toEqual([{ currentPassword: undefined, newPassword: '支部密码2026', idleMinutes: 10 }]);
    expect(byTestId('lock-state')!.textContent).toBe('已设置');
    expect(byTestId('lock-current')).not.toBeNull();
  });

  it('with a lock set, removing it sends the current password', async () => {
    answer('lock/status', () => ({ enabled: true, unlocked: true, idleMinutes: 15, retryAfterSeconds: 0 }));
    answer('lock/remove', () => ({ enabled: false }));
    mountReal(SecuritySection, { pinia });
    await settle();
    await typeText(input('lock-current'), '支部密码2026');
    byTestId('lock-remove')!.click();
    await settle();
    expect(callsTo('lock/remove')).toEqual([{ currentPassword: '支部密码2026' }]);
  });
});

describe('LockScreen', () => {
  it('submits on Enter, shows the core’s refusal, and reports the unlock', async () => {
    let tries = 0;
    answer('lock/unlock', () => {
      if (++tries === 1) throw new ApiError('密码不正确（还可再试 4 次，之后需等待）', 'password');
      return { unlocked: true };
    });
    const w = mountReal(LockScreen, { pinia });
    await settle();
    await typeText(input('lock-password'), '错的');
    byTestId('lock-password')!.closest('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(byTestId('lock-error')!.textContent).toBe('密码不正确（还可再试 4 次，之后需等待）');
    expect(input('lock-password').value).toBe('');
    await typeText(input('lock-password'), '支部密码2026');
    byTestId('lock-password')!.closest('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(callsTo('lock/unlock')).toEqual([{ password: '错的' }, { password: '支部密码2026' }]);
    expect(w.emitted('unlocked')).toHaveLength(1);
  });
});
