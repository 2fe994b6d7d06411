/**
 * The archive format: a zip holding `ledger.sqlite` (a consistent snapshot),
 * `attachments/<aa>/<sha256>` (every attachment file) and `manifest.json` with
 * the SHA-256 of every other part. Unpacking checks every hash and refuses a
 * damaged archive or a foreign one; decrypting comes first when it is encrypted.
 */
import { createHash } from 'node:crypto';
import { readZip, writeZip, type ZipEntry } from './zip.ts';
import { LedgerError } from '../errors.ts';
import { decryptBackup, encryptBackup, isEncrypted } from './crypto.ts';
import { LEDGER_PART, MANIFEST_PART, parseManifest, type BackupPart, type Manifest } from './manifest.ts';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Parts already compressed (pictures, PDF, Office files) are stored, the rest deflated. */
function level(path: string, bytes: Uint8Array): 0 | 1 | 6 {
  if (path === LEDGER_PART) return 1;
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(8, bytes.byteLength)).toString('latin1');
  if (/^(\xff\xd8|\x89PNG|%PDF|PK\x03\x04|GIF8|RIFF)/.test(head)) return 0;
  return 6;
}

/** Zips the parts with a manifest listing their hashes; encrypted when a password is given. */
export function packBackup(meta: Omit<Manifest, 'parts'>, parts: Map<string, Uint8Array>, password?: string): { bytes: Uint8Array; manifest: Manifest } {
  const list: BackupPart[] = [...parts].map(([path, bytes]) => ({ path, size: bytes.byteLength, sha256: sha256(bytes) }));
  const manifest: Manifest = { ...meta, parts: list };
  const entries: ZipEntry[] = [{ name: MANIFEST_PART, bytes: Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'), level: 6 }];
  for (const [path, bytes] of parts) entries.push({ name: path, bytes, level: level(path, bytes) });
  const zip = writeZip(entries, new Date(meta.createdAt));
  return { bytes: password ? encryptBackup(zip, password) : zip, manifest };
}

export interface UnpackedBackup {
  manifest: Manifest;
  encrypted: boolean;
  ledger: Uint8Array;
  /** Attachment files by sha256. */
  attachments: Map<string, Uint8Array>;
}

function unzip(bytes: Uint8Array, filter?: (name: string) => boolean): Record<string, Uint8Array> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) throw new LedgerError('这个文件不是党务台账的备份，未作任何改动');
  return Object.fromEntries(readZip(bytes, filter));
}

/** Only the manifest, for listing (no hashing). Throws for a foreign or damaged file; needs the password when encrypted. */
export function readManifest(bytes: Uint8Array, password?: string): { manifest: Manifest; encrypted: boolean } {
  const encrypted = isEncrypted(bytes);
  const zip = encrypted ? decryptBackup(bytes, password) : bytes;
  const files = unzip(zip, (n) => n === MANIFEST_PART);
  const m = files[MANIFEST_PART];
  return { manifest: parseManifest(m ? Buffer.from(m).toString('utf8') : undefined), encrypted };
}

/** Every part, each checked against the manifest's SHA-256; nothing missing, nothing extra. */
export function unpackBackup(bytes: Uint8Array, password?: string): UnpackedBackup {
  const encrypted = isEncrypted(bytes);
  const zip = encrypted ? decryptBackup(bytes, password) : bytes;
  const files = unzip(zip);
  const m = files[MANIFEST_PART];
  const manifest = parseManifest(m ? Buffer.from(m).toString('utf8') : undefined);
  const listed = new Set(manifest.parts.map((p) => p.path));
  for (const name of Object.keys(files)) {
    if (name !== MANIFEST_PART && !listed.has(name)) throw new LedgerError(`备份文件已损坏（含有清单之外的内容“${name}”），未作任何改动`);
  }
  const attachments = new Map<string, Uint8Array>();
  let ledger: Uint8Array | undefined;
  for (const p of manifest.parts) {
    const b = files[p.path];
    if (!b) throw new LedgerError(`备份文件已损坏（缺少“${p.path}”），未作任何改动`);
    if (b.byteLength !== p.size || sha256(b) !== p.sha256) throw new LedgerError(`备份文件已损坏（“${p.path}”的校验值不符），未作任何改动`);
    if (p.path === LEDGER_PART) ledger = b;
    else {
      const hit = /^attachments\/[0-9a-f]{2}\/([0-9a-f]{64})$/.exec(p.path);
      if (!hit || hit[1] !== p.sha256) throw new LedgerError(`备份文件已损坏（附件“${p.path}”的名称与内容不符），未作任何改动`);
      attachments.set(hit[1], b);
    }
  }
  if (!ledger) throw new LedgerError('备份文件已损坏（缺少台账数据），未作任何改动');
  return { manifest, encrypted, ledger, attachments };
}
