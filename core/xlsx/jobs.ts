/**
 * Running workbook reads, by a job id the caller chose, so that a second call
 * can ask how far a read is (`imports/progress`) or stop it (`imports/cancel`)
 * while the first call is still waiting for its answer.
 */
export interface JobProgress {
  active: boolean;
  /** Fraction of the file read, 0…1; null before reading starts. */
  fraction: number | null;
  rows: number;
}

interface Job {
  progress: JobProgress;
  cancel: () => void;
}

const jobs = new Map<string, Job>();

export function startJob(id: string, cancel: () => void): (p: { fraction: number; rows: number }) => void {
  jobs.get(id)?.cancel();
  const job: Job = { progress: { active: true, fraction: null, rows: 0 }, cancel };
  jobs.set(id, job);
  return (p) => {
    job.progress = { active: true, fraction: p.fraction, rows: p.rows };
  };
}

export function endJob(id: string, cancel: () => void): void {
  if (jobs.get(id)?.cancel === cancel) jobs.delete(id);
}

export function jobProgress(id: string): JobProgress {
  return jobs.get(id)?.progress ?? { active: false, fraction: null, rows: 0 };
}

/** True when a read was running and is now stopped. */
export function cancelJob(id: string): boolean {
  const job = jobs.get(id);
  if (!job) return false;
  job.cancel();
  jobs.delete(id);
  return true;
}
