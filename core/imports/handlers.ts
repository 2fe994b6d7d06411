/**
 * Progress and cancelling of a workbook read that is still running. A caller
 * (the import dialog) passes its own `jobId` to an import handler and, while
 * that call waits, asks `imports/progress` or `imports/cancel` with the same id.
 */
import { z } from 'zod';
import { handler } from '../handler.ts';
import { cancelJob, jobProgress } from '../xlsx/jobs.ts';
import { warmUpReader } from '../xlsx/parse.ts';

/** The optional job id an import handler accepts. */
export const jobId = z.string().min(1).max(64).optional();

export const importHandlers = {
  /** An import dialog opened: start the reader's worker now, so the file the clerk picks is read at once. */
  'imports/prepare': handler(z.object({}), () => {
    void warmUpReader();
    return { ok: true };
  }),
  'imports/progress': handler(z.object({ jobId: z.string().min(1).max(64) }), (_ctx, { jobId }) => jobProgress(jobId)),
  'imports/cancel': handler(z.object({ jobId: z.string().min(1).max(64) }), (_ctx, { jobId }) => ({ cancelled: cancelJob(jobId) })),
};
