/**
 * Reads an uploaded workbook off the main thread: a worker_threads Worker runs
 * sheet-reader.ts, so the desktop window and the browser-mode host keep
 * answering while a large or hostile file is parsed. Each read has a memory
 * limit (the worker's), a time limit, its own temporary folder (exceljs spills
 * sheets there; removed afterwards) and can be cancelled through its job id.
 * One idle worker is kept between reads, so a preview and its commit pay the
 * start-up once; a cancelled, timed-out or failed worker is terminated.
 *
 * From TypeScript (tsx in dev, vitest in tests) the worker starts worker-ts.mjs,
 * which registers tsx and imports worker.ts; the built app starts worker.js.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LedgerError } from '../errors.ts';
import { endJob, startJob } from './jobs.ts';
import { readSheet, type ReadProgress, type SheetData, type SheetSpec } from './sheet-reader.ts';

export type { SheetData, SheetSpec, SheetRow } from './sheet-reader.ts';

const TIME_LIMIT_MS = 180_000;
const MEMORY_LIMIT_MB = 1024;
const IDLE_MS = 5 * 60_000;

const here = import.meta.url;
const fromTs = here.endsWith('.ts');
const entry = new URL(fromTs ? './worker-ts.mjs' : './worker.js', here);
const target = new URL(fromTs ? './worker.ts' : './worker.js', here).href;

export interface ReadOptions {
  /** Lets `imports/progress` and `imports/cancel` reach this read. */
  jobId?: string;
}

type Message = { id: number } & (({ type: 'progress' } & ReadProgress) | { type: 'done'; data: SheetData | null } | { type: 'error'; message: string; ledger: boolean });

let idle: { worker: Worker; timer: NodeJS.Timeout } | null = null;
let inPlace = false;
let nextId = 1;

function spawn(): Worker {
  const worker = new Worker(entry, { workerData: { target }, resourceLimits: { maxOldGenerationSizeMb: MEMORY_LIMIT_MB }, stdout: false, stderr: false });
  // An idle worker that dies (killed, out of memory) is forgotten, never handed a job. One listener for the
  // worker's life: adding one each time it is given back piled them up across reads.
  worker.once('exit', () => {
    if (idle?.worker === worker) idle = null;
  });
  return worker;
}

function take(): Worker {
  if (idle) {
    const { worker, timer } = idle;
    idle = null;
    clearTimeout(timer);
    worker.ref();
    return worker;
  }
  return spawn();
}

function giveBack(worker: Worker): void {
  if (idle) return void worker.terminate();
  worker.unref();
  const timer = setTimeout(() => {
    if (idle?.worker === worker) idle = null;
    void worker.terminate();
  }, IDLE_MS);
  timer.unref();
  idle = { worker, timer };
}

/**
 * Starts the worker ahead of a read (the import dialog opening), so the clerk's first
 * file is read at once; resolves when the worker has loaded.
 */
export function warmUpReader(): Promise<void> {
  if (idle || !fs.existsSync(fileURLToPath(entry))) return Promise.resolve();
  const worker = spawn();
  giveBack(worker);
  return new Promise((resolve) => {
    const done = () => {
      worker.off('message', onMessage);
      worker.off('exit', done);
      resolve();
    };
    const onMessage = (m: { type?: string }) => m.type === 'ready' && done();
    worker.on('message', onMessage);
    worker.on('exit', done);
  });
}

export async function readWorkbook(bytes: Uint8Array, spec: SheetSpec, opts: ReadOptions = {}): Promise<SheetData | null> {
  // Where the worker file cannot be found or loaded (a packaging mistake), read in place rather than refuse every import.
  if (inPlace || !fs.existsSync(fileURLToPath(entry))) return readSheet(bytes, spec);
  const jobId = opts.jobId ?? randomUUID();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'party-ledger-read-'));
  const worker = take();
  const id = nextId++;
  let healthy = false;
  let stopped: string | null = null;
  const stop = (why: string) => {
    stopped ??= why;
    void worker.terminate();
  };
  const cancel = () => stop('已取消读取文件');
  const progress = startJob(jobId, cancel);
  const timer = setTimeout(() => stop(`读取文件超过 ${TIME_LIMIT_MS / 1000} 秒仍未完成，已停止：请检查文件或分成几个文件导入`), TIME_LIMIT_MS);
  let onMessage: (m: Message) => void = () => {};
  let onError: (e: Error & { code?: string }) => void = () => {};
  let onExit: () => void = () => {};
  try {
    return await new Promise<SheetData | null>((resolve, reject) => {
      onMessage = (m) => {
        if (m.id !== id) return;
        if (m.type === 'progress') return progress(m);
        healthy = true;
        if (m.type === 'done') resolve(m.data);
        else reject(new LedgerError(m.ledger ? m.message : `读取文件时出错：${m.message}`));
      };
      onError = (e) => {
        // The worker's code cannot be loaded (a packaging mistake): read in place from now on rather than refuse every import.
        if (e.code === 'ERR_MODULE_NOT_FOUND' || /Cannot find (module|package)/.test(e.message)) {
          inPlace = true;
          healthy = false;
          return resolve(readSheet(bytes, spec, progress));
        }
        reject(new LedgerError(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? '文件过大：读取时超出内存限制，请检查文件或分成几个文件导入' : `读取文件时出错：${e.message}`));
      };
      onExit = () => reject(new LedgerError(stopped ?? '读取文件的进程意外结束，请重试'));
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, bytes, spec, tmp });
    });
  } finally {
    clearTimeout(timer);
    endJob(jobId, cancel);
    worker.off('message', onMessage);
    worker.off('error', onError);
    worker.off('exit', onExit);
    if (healthy && !stopped) giveBack(worker);
    else await worker.terminate();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
