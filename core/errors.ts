/** An error meant for the clerk: Chinese text, optionally naming the field or row. */
export class LedgerError extends Error {
  constructor(
    message: string,
    readonly field?: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'LedgerError';
  }
}

/** One file in `<data folder>/backups/`, newest first in a list. */
export interface BackupFile {
  file: string;
  name: string;
  /** last modified, ISO instant */
  at: string;
  size: number;
}

/** The ledger file is damaged (a failing quick_check, a malformed page, not a database): restore from a backup. */
export class LedgerDamagedError extends LedgerError {
  constructor(
    message: string,
    readonly backups: BackupFile[],
  ) {
    super(message, undefined, { damaged: true, backups });
    this.name = 'LedgerDamagedError';
  }
}

/** Plain JSON shape of an error as it crosses a process boundary. */
export interface ErrorPayload {
  message: string;
  field?: string;
  details?: unknown;
}

export function toErrorPayload(e: unknown): ErrorPayload {
  if (e instanceof LedgerError) return { message: e.message, field: e.field, details: e.details };
  const err = e as Error;
  return { message: `内部错误：${err?.message ?? String(e)}` };
}
