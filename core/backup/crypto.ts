/**
 * Password protection of a backup: the whole archive encrypted with AES-256-GCM,
 * the key derived from the password with scrypt (node:crypto only, no home-made
 * cipher). File layout:
 *
 *   MAGIC (8 bytes "PLBKENC1") | header length (u32 BE) | header JSON | ciphertext | GCM tag (16 bytes)
 *
 * The header (kdf parameters, salt, iv, a password check) is authenticated as
 * additional data, so changing any byte of the file fails the tag. The password
 * check (a hash of a second scrypt half) tells a wrong password from a damaged file.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { LedgerError } from '../errors.ts';

const MAGIC = Buffer.from('PLBKENC1', 'ascii');
const TAG_BYTES = 16;

interface Header {
  cipher: 'aes-256-gcm';
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
  check: string;
}

/** scrypt cost: 2^15 × 8 → 32 MiB, about 0.1 s on a office PC. */
const DEFAULT_COST = { N: 1 << 15, r: 8, p: 1 };

export function isEncrypted(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length && Buffer.from(bytes.buffer, bytes.byteOffset, MAGIC.length).equals(MAGIC);
}

function derive(password: string, h: Pick<Header, 'N' | 'r' | 'p' | 'salt'>): { key: Buffer; check: Buffer } {
  if (h.N > 1 << 20 || h.r > 32 || h.p > 16) throw new LedgerError('备份文件的加密参数不正确，文件可能已损坏');
  const out = scryptSync(password.normalize('NFC'), Buffer.from(h.salt, 'base64'), 64, { N: h.N, r: h.r, p: h.p, maxmem: 256 * h.N * h.r + 1024 * 1024 });
  return { key: out.subarray(0, 32), check: createHash('sha256').update(out.subarray(32)).digest() };
}

export function encryptBackup(plain: Uint8Array, password: string, cost = DEFAULT_COST): Uint8Array {
  if (!password) throw new LedgerError('备份密码不能为空', 'password');
  const salt = randomBytes(16).toString('base64');
  const iv = randomBytes(12);
  const { key, check } = derive(password, { ...cost, salt });
  const header: Header = { cipher: 'aes-256-gcm', kdf: 'scrypt', ...cost, salt, iv: iv.toString('base64'), check: check.toString('base64') };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(json.length);
  const aad = Buffer.concat([MAGIC, len, json]);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(aad);
  const body = Buffer.concat([c.update(plain), c.final()]);
  return Buffer.concat([aad, body, c.getAuthTag()]);
}

function readHeader(bytes: Buffer): { header: Header; aad: Buffer; body: Buffer; tag: Buffer } {
  const damaged = () => new LedgerError('备份文件已损坏（加密文件头不完整），未作任何改动');
  if (bytes.length < MAGIC.length + 4 + TAG_BYTES) throw damaged();
  const len = bytes.readUInt32BE(MAGIC.length);
  const start = MAGIC.length + 4;
  if (len > 4096 || start + len + TAG_BYTES > bytes.length) throw damaged();
  let header: Header;
  try {
    header = JSON.parse(bytes.subarray(start, start + len).toString('utf8')) as Header;
  } catch {
    throw damaged();
  }
  if (header.cipher !== 'aes-256-gcm' || header.kdf !== 'scrypt' || typeof header.salt !== 'string' || typeof header.iv !== 'string' || typeof header.check !== 'string') throw damaged();
  return { header, aad: bytes.subarray(0, start + len), body: bytes.subarray(start + len, bytes.length - TAG_BYTES), tag: bytes.subarray(bytes.length - TAG_BYTES) };
}

/** The plain archive; a wrong password and a changed byte each fail with their own Chinese sentence. */
export function decryptBackup(bytes: Uint8Array, password: string | undefined): Uint8Array {
  if (!password) throw new LedgerError('这个备份已加密，请提供备份密码', 'password');
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { header, aad, body, tag } = readHeader(buf);
  const { key, check } = derive(password, header);
  const stored = Buffer.from(header.check, 'base64');
  if (stored.length !== check.length || !timingSafeEqual(stored, check)) throw new LedgerError('备份密码不正确，未作任何改动', 'password');
  try {
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
    d.setAAD(aad);
    d.setAuthTag(tag);
    return Buffer.concat([d.update(body), d.final()]);
  } catch {
    throw new LedgerError('备份文件已损坏（加密内容校验失败），未作任何改动');
  }
}
