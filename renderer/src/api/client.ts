/**
 * The renderer's only way to the core, and the only reader of `window.ledger`.
 * In the desktop app the preload exposes `invoke`; in browser mode the same
 * calls go over HTTP to 127.0.0.1 with the session cookie the host set when
 * this page was loaded with the one-time launch code (dropped from the address
 * bar and history right away).
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

/** The launch code has been spent by loading this page: keep it out of the address bar and history. */
function dropLaunchCode(): void {
  const u = new URL(window.location.href);
  if (!u.searchParams.has('code')) return;
  u.searchParams.delete('code');
  window.history.replaceState(window.history.state, '', u.pathname + u.search + u.hash);
}

const httpBridge: Bridge = {
  async invoke(name, input) {
    const res = await fetch(`/api/${name}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
    if (res.headers.get('Content-Type')?.startsWith('application/json')) return (await res.json()) as Reply;
    return { ok: false, error: { message: `请求失败（HTTP ${res.status}）` } };
  },
};

/** The field of the error a locked ledger answers with (core/lock/gate.ts). */
export const LOCKED_FIELD = 'lock';
const lockedListeners: (() => void)[] = [];
/** Called whenever the core refuses a call because the ledger is locked (e.g. after the idle minutes). */
export function onLocked(fn: () => void): void {
  lockedListeners.push(fn);
}

const bridge: Bridge = window.ledger ?? httpBridge;
export const isDesktop = Boolean(window.ledger);
if (!isDesktop) dropLaunchCode();

export async function call<K extends HandlerName>(name: K, input: Parameters<LedgerApi[K]>[0]): Promise<Awaited<ReturnType<LedgerApi[K]>>> {
  const reply = await bridge.invoke(name, input);
  if (!reply.ok) {
    if (reply.error.field === LOCKED_FIELD) for (const fn of lockedListeners) fn();
    throw new ApiError(reply.error.message, reply.error.field, reply.error.details);
  }
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

/** Desktop only: opens a document this session saved, with the program the system gives it (Word, WPS, Excel). */
export async function openSavedFile(path: string): Promise<void> {
  const reply = await bridge.invoke('host/open-file', { path });
  if (!reply.ok) throw new ApiError(reply.error.message);
}

/** Desktop only: shows a document this session saved in its folder (Explorer, Finder, the file manager). */
export async function showSavedFile(path: string): Promise<void> {
  const reply = await bridge.invoke('host/show-in-folder', { path });
  if (!reply.ok) throw new ApiError(reply.error.message);
}

/** Reads a file the clerk picked, for import handlers. */
export async function readPickedFile(file: File): Promise<{ fileName: string; contentBase64: string }> {
  const buf = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
  return { fileName: file.name, contentBase64: btoa(bin) };
}
