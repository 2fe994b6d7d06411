/**
 * Browser mode's sessions: the printed URL carries a one-time launch code that
 * the first page load exchanges for a session cookie (HttpOnly, SameSite=Strict,
 * Path=/); a used or unknown code is refused. The cookie's session id is also
 * the app lock's session, so a cookie alone does not open a locked ledger.
 */
import { randomBytes } from 'node:crypto';
import { tokenMatches } from './security.ts';

export const MAX_SESSIONS = 64;

export class Sessions {
  private readonly codes = new Set<string>();
  private readonly ids = new Set<string>();

  constructor(readonly cookieName: string) {}

  /** A fresh one-time code for a launch URL. */
  newCode(): string {
    const code = randomBytes(24).toString('hex');
    this.codes.add(code);
    return code;
  }

  /** Spends a launch code: the new session id, or null when the code is unknown or used. */
  exchange(code: string | null): string | null {
    if (!code) return null;
    const hit = [...this.codes].find((c) => tokenMatches(code, c));
    if (!hit) return null;
    this.codes.delete(hit);
    const id = randomBytes(32).toString('base64url');
    this.ids.add(id);
    // an old session is dropped rather than let the set grow without bound
    if (this.ids.size > MAX_SESSIONS) this.ids.delete(this.ids.values().next().value as string);
    return id;
  }

  /** The session id a request's Cookie header carries, when it is one of ours. */
  fromCookieHeader(header: string | undefined): string | null {
    const given = cookieValue(header, this.cookieName);
    if (!given) return null;
    for (const id of this.ids) if (tokenMatches(given, id)) return id;
    return null;
  }

  setCookie(id: string): string {
    return `${this.cookieName}=${id}; HttpOnly; SameSite=Strict; Path=/`;
  }
}

export function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
