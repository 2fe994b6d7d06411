/**
 * The desktop shell's security rules as pure predicates (tested without
 * Electron): the UI is served from our own app:// origin, only its page may
 * call the core or be navigated to, and the app:// protocol serves files of
 * the built renderer only.
 */
import { staticFileFor } from '../core/host/static-files.ts';

/** The renderer's origin: a custom, standard, secure scheme instead of file:// (no access to other local files, a real origin for the CSP). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'ledger';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`;

/** The page URL without query or hash. */
export function rendererPageUrl(url: string): string {
  const u = new URL(url);
  u.hash = '';
  u.search = '';
  return u.href;
}

/** A sender frame (IPC) or navigation target is trusted only if it is our renderer page on app://. */
export function isOwnPage(url: string | undefined | null, pageUrl: string = APP_PAGE_URL): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return false;
    u.hash = '';
    u.search = '';
    return u.href === pageUrl;
  } catch {
    return false;
  }
}

/**
 * Chromium's built-in PDF viewer, which draws a PDF opened in a frame. Its id is fixed in
 * Chromium's source (extensions/common/constants.h: kPdfExtensionId).
 */
export const PDF_VIEWER_ID = 'mhjfbmdgcfjbbpaeojofohoefgiehjai';
export const PDF_VIEWER_ORIGIN = `chrome-extension://${PDF_VIEWER_ID}`;

/** Same scheme and host (WHATWG URL gives non-special schemes an opaque origin, so origins cannot be compared). */
function isAt(url: string, scheme: string, host: string): boolean {
  const u = new URL(url);
  return u.protocol === `${scheme}:` && u.host === host;
}

/**
 * May a frame navigate to `url`? The main frame: only our page. A subframe: only a blob:
 * made by our page (the attachment preview), the PDF viewer that draws it, or about:blank.
 */
export function isAllowedFrameNavigation(url: string, isMainFrame: boolean): boolean {
  if (isMainFrame) return isOwnPage(url);
  if (url === 'about:blank') return true;
  try {
    if (url.startsWith('blob:')) return isAt(url.slice('blob:'.length), APP_SCHEME, APP_HOST);
    return isAt(url, 'chrome-extension', PDF_VIEWER_ID);
  } catch {
    return false;
  }
}

/**
 * The file of the built renderer an app:// request names, or null (refused): another
 * scheme or host, a malformed %-escape, a NUL or backslash, or a path outside `root`.
 */
export function appFileFor(root: string, requestUrl: string): string | null {
  try {
    if (!isAt(requestUrl, APP_SCHEME, APP_HOST)) return null;
    return staticFileFor(root, new URL(requestUrl).pathname);
  } catch {
    return null;
  }
}

/** IPC is taken from the window's main frame only, and only while it shows our page. */
export function isTrustedSender(senderFrame: { url: string } | null | undefined, mainFrame: unknown, pageUrl: string = APP_PAGE_URL): boolean {
  return Boolean(senderFrame) && senderFrame === mainFrame && isOwnPage(senderFrame!.url, pageUrl);
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
  webviewTag: false,
  spellcheck: false,
} as const;

/** Headers of every app:// reply; the CSP matches browser mode's (core/host/http-io.ts). */
export function appResponseHeaders(contentType: string, csp: string): Record<string, string> {
  return { 'Content-Type': contentType, 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cross-Origin-Opener-Policy': 'same-origin' };
}
