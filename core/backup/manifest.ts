/**
 * What a backup says about itself (manifest.json): which program made it, from
 * which migrations, for which unit, with how many members and records, and the
 * SHA-256 of every part. Reading a manifest refuses a file from another program
 * or from a newer version of this one, each with one Chinese sentence.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { LedgerError } from '../errors.ts';
import { migrations } from '../../db/migrations/index.ts';

export const FORMAT = 'party-ledger-backup';
export const FORMAT_VERSION = 1;

export type BackupKind = 'auto' | 'manual' | 'before-restore';

export interface BackupCounts {
  /** Members on the roll (not left, not deleted). */
  members: number;
  branches: number;
  /** Rows in the ledger's record tables (activities, dues, development, transfers, …), the operation log excluded. */
  records: number;
  attachments: number;
}

export interface BackupPart {
  path: string;
  size: number;
  sha256: string;
}

export interface Manifest {
  format: typeof FORMAT;
  formatVersion: number;
  program: string;
  programVersion: string;
  createdAt: string;
  /** The host's today when the backup was made (honours PARTY_LEDGER_TODAY). */
  today: string;
  kind: BackupKind;
  unitName: string;
  migrations: string[];
  counts: BackupCounts;
  parts: BackupPart[];
  /** Attachments the ledger lists whose file was not in the data folder when the backup was made. */
  missingAttachments: string[];
}

let version: string | undefined;

/** This program's version, from the package.json above this module (also inside the packaged app). */
export function programVersion(): string {
  if (version) return version;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const f = path.join(dir, 'package.json');
    if (fs.existsSync(f)) {
      const pkg = JSON.parse(fs.readFileSync(f, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'party-ledger' && pkg.version) return (version = pkg.version);
    }
    dir = path.dirname(dir);
  }
  return (version = '0.0.0');
}

export const LEDGER_PART = 'ledger.sqlite';
export const MANIFEST_PART = 'manifest.json';

const NOT_RECORDS = new Set(['audit_log', 'settings', 'kysely_migration', 'kysely_migration_lock', 'members', 'org_units']);

/** Unit name, counts, applied migrations and attachment hashes read from a ledger file (a snapshot). */
export function describeLedgerFile(file: string): { unitName: string; counts: BackupCounts; migrations: string[]; attachmentHashes: string[]; hasOrg: boolean; lastChange: string | null } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const one = (q: string): number => Number((db.prepare(q).get() as { n: number } | undefined)?.n ?? 0);
    const tables = (db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as { name: string }[]).map((r) => r.name);
    const has = (t: string) => tables.includes(t);
    const unit = has('settings') ? (db.prepare("select value_json from settings where key = 'org.unitName'").get() as { value_json: string } | undefined) : undefined;
    let records = 0;
    for (const t of tables) if (!NOT_RECORDS.has(t) && !t.startsWith('kysely_')) records += one(`select count(*) as n from "${t}"`);
    const last = has('audit_log') ? (db.prepare('select max(at) as at from audit_log').get() as { at: string | null }).at : null;
    return {
      hasOrg: has('org_units'),
      lastChange: last,
      unitName: unit ? String(JSON.parse(unit.value_json) ?? '') : '',
      counts: {
        members: has('members') ? one('select count(*) as n from members where deleted_at is null and left_type is null') : 0,
        branches: has('org_units') ? one("select count(*) as n from org_units where deleted_at is null and kind = '党支部'") : 0,
        records,
        attachments: has('attachments') ? one('select count(*) as n from attachments where deleted_at is null') : 0,
      },
      // every file the ledger lists, the recycle bin's too: restoring from it needs the file
      attachmentHashes: has('attachments')
        ? (db.prepare('select distinct sha256 from attachments').all() as { sha256: string }[]).map((r) => r.sha256).filter((s) => /^[0-9a-f]{64}$/.test(s))
        : [],
      migrations: has('kysely_migration') ? (db.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name) : [],
    };
  } finally {
    db.close();
  }
}

const foreign = () => new LedgerError('这个文件不是党务台账的备份，未作任何改动');

/** Parses and checks manifest.json: the right program, a format and migrations this program knows. */
export function parseManifest(text: string | undefined, known: string[] = Object.keys(migrations).sort()): Manifest {
  if (text === undefined) throw foreign();
  let m: Manifest;
  try {
    m = JSON.parse(text) as Manifest;
  } catch {
    throw foreign();
  }
  if (!m || m.format !== FORMAT || m.program !== 'party-ledger' || !Array.isArray(m.parts) || !Array.isArray(m.migrations)) throw foreign();
  const newer = () => new LedgerError(`这个备份由更新版本的党务台账（${m.programVersion}）创建，本程序（${programVersion()}）无法恢复，请先升级程序，未作任何改动`);
  if (typeof m.formatVersion !== 'number' || m.formatVersion > FORMAT_VERSION) throw newer();
  m.migrations.forEach((name, i) => {
    if (known[i] !== name) throw newer();
  });
  return m;
}
