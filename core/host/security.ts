/**
 * Browser mode's gate, as pure predicates: the server answers only requests
 * addressed to its own loopback host and port, from its own origin; codes and
 * session ids are compared in constant time. Tested directly with hostile inputs.
 */
import { timingSafeEqual } from 'node:crypto';

export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}`;
}

/** No Origin (same-origin GET, curl) is allowed; any Origin must be our own. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

export function tokenMatches(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Handler names are plain paths like 'members/list'; anything else is refused before lookup. */
export function isHandlerName(name: string): boolean {
  return /^[a-z][a-z0-9-]*(\/[a-z][a-z0-9-]*)+$/.test(name);
}
