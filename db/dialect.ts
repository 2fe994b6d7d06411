/**
 * Kysely's SQLite dialect with one change. When a statement fails on a full
 * disk or an I/O error, SQLite may already have rolled the whole transaction
 * back by itself; Kysely's ROLLBACK then fails with "cannot rollback - no
 * transaction is active", and that error replaced the real cause. Here the
 * rollback is skipped when no transaction is open, so the caller sees the
 * original error (SQLITE_FULL, SQLITE_IOERR…), which core/storage-errors.ts
 * turns into the clerk's sentence.
 */
import type Database from 'better-sqlite3';
import { SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type QueryCompiler } from 'kysely';

class LedgerDriver extends SqliteDriver {
  constructor(private readonly sqlite: Database.Database) {
    super({ database: sqlite });
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.sqlite.inTransaction) return;
    await super.rollbackTransaction(connection);
  }

  override async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    if (!this.sqlite.inTransaction) return;
    await super.rollbackToSavepoint(connection, name, compile);
  }
}

export class LedgerDialect extends SqliteDialect {
  constructor(private readonly sqlite: Database.Database) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    return new LedgerDriver(this.sqlite);
  }
}
