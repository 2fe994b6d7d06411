/**
 * Making a backup: a consistent snapshot of the open ledger with `VACUUM INTO`
 * (SQLite reads one transaction's view, WAL included; never a copy of a file in
 * use), plus every attachment file the snapshot lists, into one archive.
 */
import fs from 'node:fs';
import path from 'node:path';
import { tempNameFor } from '../files.ts';
import { sql } from 'kysely';
import type Database from 'better-sqlite3';
import type { LedgerDb } from '../../db/connect.ts';
import { packBackup } from './archive.ts';
import { describeLedgerFile, FORMAT, FORMAT_VERSION, LEDGER_PART, programVersion, type BackupKind, type Manifest } from './manifest.ts';

/** Something that can write a snapshot of the ledger to a new file: the Kysely connection or a raw one. */
export type SnapshotSource = { db: LedgerDb } | { sqlite: Database.Database };

export interface MadeBackup {
  bytes: Uint8Array;
  manifest: Manifest;
}

export interface BackupOptions {
  /** The folder holding the ledger and attachments/. */
  dataDir: string;
  kind: BackupKind;
  now: string;
  today: string;
  password?: string;
}

async function vacuumInto(src: SnapshotSource, target: string): Promise<void> {
  if ('db' in src) await sql`vacuum into ${target}`.execute(src.db);
  else src.sqlite.prepare('vacuum into ?').run(target);
}

export async function makeBackup(src: SnapshotSource, o: BackupOptions): Promise<MadeBackup> {
  const tmpDir = path.join(o.dataDir, 'backups');
  fs.mkdirSync(tmpDir, { recursive: true });
  // named as every temporary file of ours (writer's pid + random), so housekeeping removes it at once after a kill
  const snap = tempNameFor(path.join(tmpDir, 'snapshot.sqlite'));
  try {
    await vacuumInto(src, snap);
    const info = describeLedgerFile(snap);
    const parts = new Map<string, Uint8Array>([[LEDGER_PART, fs.readFileSync(snap)]]);
    const missing: string[] = [];
    for (const sha of info.attachmentHashes) {
      const file = path.join(o.dataDir, 'attachments', sha.slice(0, 2), sha);
      if (fs.existsSync(file)) parts.set(`attachments/${sha.slice(0, 2)}/${sha}`, fs.readFileSync(file));
      else missing.push(sha);
    }
    const meta: Omit<Manifest, 'parts'> = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      program: 'party-ledger',
      programVersion: programVersion(),
      createdAt: o.now,
      today: o.today,
      kind: o.kind,
      unitName: info.unitName,
      migrations: info.migrations,
      counts: info.counts,
      missingAttachments: missing,
    };
    return packBackup(meta, parts, o.password);
  } finally {
    fs.rmSync(snap, { force: true });
    fs.rmSync(`${snap}-wal`, { force: true });
    fs.rmSync(`${snap}-shm`, { force: true });
  }
}
