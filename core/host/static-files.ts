/**
 * Which file of the built renderer a URL path names, as a pure predicate shared
 * by browser mode and the desktop app's app:// protocol: decoded once, refused
 * when it is not valid percent-encoding, holds a NUL or a backslash, or
 * resolves outside the folder. Unknown paths fall back to index.html (the
 * router works with hashes, so nothing else is a page).
 */
import path from 'node:path';

export class BadPathError extends Error {}

/** Decodes a URL path; throws BadPathError (one Chinese line) for a malformed %-escape. */
export function decodePath(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new BadPathError('地址中含有无效的 % 转义，请检查地址是否完整');
  }
}

/**
 * The absolute file inside `root` for `urlPath` (already split from query and hash),
 * or null when the path must not be served at all. `root` must be absolute.
 */
export function staticFileFor(root: string, urlPath: string): string | null {
  const decoded = decodePath(urlPath);
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const base = path.resolve(root);
  const file = path.resolve(base, '.' + path.posix.normalize('/' + decoded));
  if (file !== base && !file.startsWith(base + path.sep)) return null;
  return file;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

export function contentTypeOf(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
