/**
 * Kysely's SQLite dialect with one change: transactions start with `BEGIN IMMEDIATE`.
 * A deferred transaction that reads first and then writes cannot wait for another
 * process's write (SQLite answers "database is locked" at once instead of using the
 * busy timeout); taking the write lock at the start lets the busy timeout serialise
 * the desktop app, browser mode and command-line writes on the same ledger.
 */
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';

class ImmediateDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

export class LedgerDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateDriver(this.#config);
  }
}
