/**
 * The app lock's handlers: status, unlock and lock act on the caller's session
 * (ctx.lock, given by the gate); set, change idle time and remove need the
 * current password, checked through the same throttle as the lock screen.
 */
import { z } from 'zod';
import { handler } from '../handler.ts';
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { hashPassword, verifyPassword } from './hash.ts';
import { DEFAULT_IDLE_MINUTES, readLock, writeLock, type LockConfig } from './service.ts';

const password = z.string({ error: '不能为空' }).min(1, '不能为空').max(128, '不能超过 128 位');
const newPassword = z.string({ error: '不能为空' }).min(6, '不能少于 6 位').max(128, '不能超过 128 位');
const idleMinutes = z.number({ error: '应为分钟数' }).int('应为整数分钟').min(1, '不能少于 1 分钟').max(240, '不能超过 240 分钟');

function session(ctx: Ctx) {
  if (!ctx.lock) throw new LedgerError('内部错误：密码锁不可用');
  return ctx.lock;
}

/** Checks the current password against the stored lock (throttled); no lock means nothing to check. */
async function requireCurrent(ctx: Ctx, config: LockConfig | null, given: string | undefined): Promise<void> {
  if (!config) return;
  if (!given) throw new LedgerError('“当前密码”不能为空', 'currentPassword');
  await session(ctx).gate.attempt(() => verifyPassword(given, config.hash));
}

export const lockHandlers = {
  'lock/status': handler(z.object({ active: z.boolean().optional() }), async (ctx, { active }) => {
    const { gate, session: s } = session(ctx);
    const config = await readLock(ctx.db);
    const unlocked = !config || gate.isUnlocked(s, config.idleMinutes);
    if (config && unlocked && active) gate.touch(s);
    return { enabled: Boolean(config), unlocked, idleMinutes: config?.idleMinutes ?? DEFAULT_IDLE_MINUTES, retryAfterSeconds: Math.ceil(gate.retryAfterMs() / 1000) };
  }),
  'lock/unlock': handler(z.object({ password }), async (ctx, input) => {
    const { gate, session: s } = session(ctx);
    const config = await readLock(ctx.db);
    if (!config) return { unlocked: true };
    await gate.attempt(() => verifyPassword(input.password, config.hash));
    gate.open(s);
    return { unlocked: true };
  }),
  'lock/lock': handler(z.object({}), async (ctx) => {
    const { gate, session: s } = session(ctx);
    gate.lock(s);
    return { enabled: Boolean(await readLock(ctx.db)) };
  }),
  'lock/set': handler(z.object({ currentPassword: z.string().max(128).optional(), newPassword, idleMinutes: idleMinutes.optional() }), async (ctx, input) => {
    const { gate, session: s } = session(ctx);
    const config = await readLock(ctx.db);
    await requireCurrent(ctx, config, input.currentPassword);
    const next: LockConfig = { hash: await hashPassword(input.newPassword), idleMinutes: input.idleMinutes ?? config?.idleMinutes ?? DEFAULT_IDLE_MINUTES };
    await writeLock(ctx, next, config ? '修改密码锁的密码' : '设置密码锁');
    gate.open(s);
    gate.lockOthers(s);
    return { enabled: true, idleMinutes: next.idleMinutes };
  }),
  'lock/set-idle': handler(z.object({ currentPassword: z.string().max(128).optional(), idleMinutes }), async (ctx, input) => {
    const config = await readLock(ctx.db);
    if (!config) throw new LedgerError('尚未设置密码锁');
    await requireCurrent(ctx, config, input.currentPassword);
    await writeLock(ctx, { ...config, idleMinutes: input.idleMinutes }, `密码锁自动锁定时间改为 ${input.idleMinutes} 分钟`);
    return { idleMinutes: input.idleMinutes };
  }),
  'lock/remove': handler(z.object({ currentPassword: z.string().max(128).optional() }), async (ctx, input) => {
    const config = await readLock(ctx.db);
    if (!config) return { enabled: false };
    await requireCurrent(ctx, config, input.currentPassword);
    await writeLock(ctx, null, '取消密码锁');
    return { enabled: false };
  }),
};
