/**
 * Registers every core handler as an IPC channel, plus the host-only handlers
 * (save dialog). A call is taken only from the window's main frame showing our
 * app:// page; a subframe (e.g. the PDF preview) or any other page is refused.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { toErrorPayload } from '../core/errors.ts';
import { channelOf, isTrustedSender } from './security.ts';

export type Invoke = (name: string, input: unknown) => Promise<unknown>;
export type Reply = { ok: true; result: unknown } | { ok: false; error: ReturnType<typeof toErrorPayload> };
export type SenderEvent = { senderFrame: { url: string } | null; sender: { mainFrame: unknown } };

export function registerIpc(ipc: Pick<IpcMain, 'handle'>, names: string[], invoke: Invoke, pageUrl: string): string[] {
  const channels: string[] = [];
  for (const name of names) {
    const channel = channelOf(name);
    ipc.handle(channel, async (event: IpcMainInvokeEvent | SenderEvent, input: unknown): Promise<Reply> => {
      if (!isTrustedSender(event.senderFrame, event.sender?.mainFrame, pageUrl)) return { ok: false, error: { message: '拒绝访问：请求不是来自本程序的页面' } };
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
