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
 * Answers 413 on the raw socket and half-closes it: the client gets the whole answer and
 * an end, and what it still sends is read and dropped. (A reply through `res` with
 * Connection: close destroys the socket as soon as the answer is flushed; a client still
 * sending then gets a reset, which can discard the answer before it is read.)
 */
function answerTooLarge(req: http.IncomingMessage): void {
  const sock = req.socket;
  const body = JSON.stringify({ ok: false, error: { message: '请求内容过大（不能超过 64 MB）' } });
  const headers = { 'Content-Type': 'application/json; charset=utf-8', ...SECURITY_HEADERS, 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' };
  const head = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
  sock.write(`HTTP/1.1 413 Payload Too Large\r\n${head}\r\n${body}`);
  sock.end();
  setTimeout(() => sock.destroy(), 30_000).unref();
}

/**
 * Reads a request body up to MAX_BODY. Over the cap (by Content-Length or as it
 * streams) it answers 413 "请求内容过大" and closes its side, drops what the client
 * still sends, and returns null.
 */
export function readBody(req: http.IncomingMessage, _res: http.ServerResponse, max = MAX_BODY): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => {
      req.removeAllListeners('data');
      req.on('data', () => {});
      answerTooLarge(req);
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
