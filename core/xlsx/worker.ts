/**
 * The import worker: reads workbooks off the main thread, one job at a time, and
 * posts progress, then the rows or a Chinese error. It stays alive between jobs
 * (parse.ts keeps one idle), so a preview and its commit start it only once.
 */
import { parentPort } from 'node:worker_threads';
import { LedgerError } from '../errors.ts';
import { readSheet, type SheetSpec } from './sheet-reader.ts';

export interface Job {
  id: number;
  bytes: Uint8Array;
  spec: SheetSpec;
  /** A folder of this job's own: exceljs spills sheets to temporary files, parse.ts removes it afterwards. */
  tmp: string;
}

parentPort!.on('message', async (job: Job) => {
  const post = (m: object) => parentPort!.postMessage({ id: job.id, ...m });
  for (const k of ['TMPDIR', 'TMP', 'TEMP']) process.env[k] = job.tmp;
  try {
    const data = await readSheet(job.bytes, job.spec, (p) => post({ type: 'progress', ...p }));
    post({ type: 'done', data });
  } catch (e) {
    post({ type: 'error', message: (e as Error).message, ledger: e instanceof LedgerError });
  }
});
// Loaded (exceljs included): a warmed-up worker is ready for the first file.
parentPort!.postMessage({ type: 'ready' });
