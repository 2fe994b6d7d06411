/**
 * Running binder builds, by a job id the caller chose (as the workbook reads of
 * core/xlsx/jobs.ts): while `archive/binder` is still running, a second call
 * asks `archive/binder-progress` how far it is, or `archive/binder-cancel`
 * stops it. Cancelling aborts the job's AbortSignal; the build checks it
 * between steps and kills a running LibreOffice.
 */
import { LedgerError } from '../../errors.ts';

export type StepState = '等待' | '进行中' | '完成' | '已取消';

export interface BinderProgress {
  active: boolean;
  steps: { label: string; state: StepState }[];
  /** index of the step running now, -1 before the first */
  current: number;
  /** a note on the running step (e.g. the file being converted) */
  detail: string | null;
}

export interface BinderJob {
  signal: AbortSignal;
  /** Declares the steps once they are known. */
  plan(labels: string[]): void;
  /** Marks step `i` running (the earlier ones done), and lets the host answer a progress call. */
  step(i: number, detail?: string | null): Promise<void>;
  detail(text: string | null): void;
  /** Throws 已取消 when the clerk cancelled. */
  check(): void;
}

interface Entry {
  progress: BinderProgress;
  abort: AbortController;
}

const jobs = new Map<string, Entry>();

export const CANCELLED = '已取消生成迎检材料，未留下文件';

/** One turn of the event loop: progress and cancel calls are answered between the steps of a long build. */
const breathe = () => new Promise<void>((r) => setImmediate(r));

export function startBinderJob(id: string | undefined): { job: BinderJob; end: () => void } {
  const abort = new AbortController();
  const entry: Entry = { progress: { active: true, steps: [], current: -1, detail: null }, abort };
  if (id) {
    jobs.get(id)?.abort.abort();
    jobs.set(id, entry);
  }
  const p = entry.progress;
  const job: BinderJob = {
    signal: abort.signal,
    plan(labels) {
      p.steps = labels.map((label) => ({ label, state: '等待' }));
    },
    async step(i, detail = null) {
      p.steps.forEach((s, k) => (s.state = k < i ? '完成' : k === i ? '进行中' : '等待'));
      p.current = i;
      p.detail = detail;
      await breathe();
      job.check();
    },
    detail(text) {
      p.detail = text;
    },
    check() {
      if (abort.signal.aborted) throw new LedgerError(CANCELLED);
    },
  };
  const end = () => {
    p.active = false;
    if (!abort.signal.aborted) p.steps.forEach((s) => (s.state = '完成'));
    // the last state stays readable for a moment: the dialog's final poll sees 完成 or 已取消
    if (id) setTimeout(() => jobs.get(id) === entry && jobs.delete(id), 60_000).unref?.();
  };
  return { job, end };
}

export function binderProgress(id: string): BinderProgress {
  return jobs.get(id)?.progress ?? { active: false, steps: [], current: -1, detail: null };
}

/** True when a build was running and is now told to stop. */
export function cancelBinderJob(id: string): boolean {
  const e = jobs.get(id);
  if (!e || !e.progress.active) return false;
  e.abort.abort();
  e.progress.steps.forEach((s) => s.state !== '完成' && (s.state = '已取消'));
  return true;
}
