/**
 * Browser mode's replies and request bodies: every reply carries the same
 * security headers, and a body over the cap is answered with 413 before the
 * connection closes (instead of a reset the browser shows as a network error).
 */
import type http from 'node:http';

/** Exactly what the renderer needs: its own files, inline styles (Element Plus), data/blob images, and blob: frames for the PDF preview. */
export const CSP =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; connect-src 'self'; frame-src blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
export const MAX_BODY = 64 * 1024 * 1024;

export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Content-Security-Policy': CSP,
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

export function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, ...SECURITY_HEADERS, ...extra });
  res.end(body);
}

export function sendJson(res: http.ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', extra);
}

/**
 * Reads a request body up to MAX_BODY. Over the cap (by Content-Length or as it
 * streams) it answers 413 "请求内容过大" with Connection: close, drains what the
 * client still sends for a moment so the answer is read, and returns null.
 */
export function readBody(req: http.IncomingMessage, res: http.ServerResponse, max = MAX_BODY): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => {
      req.removeAllListeners('data');
      req.on('data', () => {});
      sendJson(res, 413, { ok: false, error: { message: '请求内容过大（不能超过 64 MB）' } }, { Connection: 'close' });
      setTimeout(() => req.socket.destroy(), 2000).unref();
      resolve(null);
    };
    if (Number(req.headers['content-length'] ?? 0) > max) return tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) tooLarge();
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
