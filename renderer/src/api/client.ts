/**
 * The renderer's only way to the core, and the only reader of `window.ledger`.
 * In the desktop app the preload exposes `invoke`; in browser mode the same
 * calls go over HTTP to 127.0.0.1 with the per-launch token.
 */
import type { HandlerName, LedgerApi } from '../../../core/api';
import type { FileResult } from '../../../core/validate';

type Reply = { ok: true; result: unknown } | { ok: false; error: { message: string; field?: string; details?: unknown } };

interface Bridge {
  invoke(name: string, input: unknown): Promise<Reply>;
}

declare global {
  interface Window {
    ledger?: Bridge;
  }
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly field?: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

function tokenFromPage(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem('ledger-token', fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem('ledger-token') ?? '';
}

const httpBridge: Bridge = {
  async invoke(name, input) {
    const res = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Ledger-Token': tokenFromPage() },
      body: JSON.stringify(input ?? {}),
    });
    if (res.status === 401 || res.status === 403) return { ok: false, error: { message: (await res.json()).error?.message ?? '拒绝访问' } };
    return (await res.json()) as Reply;
  },
};

const bridge: Bridge = window.ledger ?? httpBridge;
export const isDesktop = Boolean(window.ledger);

export async function call<K extends HandlerName>(name: K, input: Parameters<LedgerApi[K]>[0]): Promise<Awaited<ReturnType<LedgerApi[K]>>> {
  const reply = await bridge.invoke(name, input);
  if (!reply.ok) throw new ApiError(reply.error.message, reply.error.field, reply.error.details);
  return reply.result as Awaited<ReturnType<LedgerApi[K]>>;
}

/** Saves a generated document: a save dialog in the desktop app, a download in the browser. */
export async function saveFile(file: FileResult): Promise<string | null> {
  if (isDesktop) {
    const reply = await bridge.invoke('host/save-file', file);
    if (!reply.ok) throw new ApiError(reply.error.message);
    return (reply.result as { path: string | null }).path;
  }
  const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return file.fileName;
}

/** Reads a file the clerk picked, for import handlers. */
export async function readPickedFile(file: File): Promise<{ fileName: string; contentBase64: string }> {
  const buf = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
  return { fileName: file.name, contentBase64: btoa(bin) };
}
