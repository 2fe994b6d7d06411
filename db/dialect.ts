/**
 * Kysely's SQLite dialect with two changes.
 *
 * 1. Transactions start with `BEGIN IMMEDIATE`. A deferred transaction that reads first and
 *    then writes cannot wait for another process's write (SQLite answers "database is locked"
 *    at once instead of using the busy timeout); taking the write lock at the start lets the
 *    busy timeout serialise the desktop app, browser mode and command-line writes on one ledger.
 * 2. When a statement fails on a full disk or an I/O error, SQLite may already have rolled the
 *    whole transaction back by itself; Kysely's ROLLBACK then fails with "cannot rollback - no
 *    transaction is active", and that error replaced the real cause. The rollback is skipped when
 *    no transaction is open, so the caller sees the original error (SQLITE_FULL, SQLITE_IOERR…),
 *    which core/storage-errors.ts turns into the clerk's sentence.
 */
import type Database from 'better-sqlite3';
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type QueryCompiler } from 'kysely';

class LedgerDriver extends SqliteDriver {
  constructor(private readonly sqlite: Database.Database) {
    super({ database: sqlite });
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
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
