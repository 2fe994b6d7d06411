/**
 * The desktop shell's security rules as pure predicates (tested without
 * Electron): only our own renderer page may call the core, navigate, or be
 * shown; everything else is refused.
 */

/** The file URL of the built renderer, without query or hash. */
export function rendererPageUrl(indexFileUrl: string): string {
  const u = new URL(indexFileUrl);
  u.hash = '';
  u.search = '';
  return u.href;
}

/** A sender frame (IPC) or navigation target is trusted only if it is our renderer page. */
export function isOwnPage(url: string | undefined | null, pageUrl: string): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    if (u.protocol !== 'file:') return false;
    u.hash = '';
    u.search = '';
    return u.href === pageUrl;
  } catch {
    return false;
  }
}

/** IPC channel of a handler; the preload only ever calls channels with this prefix. */
export const CHANNEL_PREFIX = 'ledger:';
export function channelOf(name: string): string {
  return `${CHANNEL_PREFIX}${name}`;
}

export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  spellcheck: false,
} as const;
