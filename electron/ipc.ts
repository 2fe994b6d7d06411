/**
 * Registers every core handler as an IPC channel, plus the host-only handlers
 * (save dialog). Every call's sender frame is checked against our own page.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { toErrorPayload } from '../core/errors.ts';
import { channelOf, isOwnPage } from './security.ts';

export type Invoke = (name: string, input: unknown) => Promise<unknown>;
export type Reply = { ok: true; result: unknown } | { ok: false; error: ReturnType<typeof toErrorPayload> };

export function registerIpc(ipc: Pick<IpcMain, 'handle'>, names: string[], invoke: Invoke, pageUrl: string): string[] {
  const channels: string[] = [];
  for (const name of names) {
    const channel = channelOf(name);
    ipc.handle(channel, async (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, input: unknown): Promise<Reply> => {
      if (!isOwnPage(event.senderFrame?.url, pageUrl)) return { ok: false, error: { message: '拒绝访问：请求不是来自本程序的页面' } };
      try {
        return { ok: true, result: await invoke(name, input) };
      } catch (e) {
        return { ok: false, error: toErrorPayload(e) };
      }
    });
    channels.push(channel);
  }
  return channels;
}
