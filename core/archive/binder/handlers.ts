/** 一键生成迎检材料: the build (a .zip returned as a document), its progress and 取消, by the caller's job id. */
import { z } from 'zod';
import { handler } from '../../handler.ts';
import { fileResult, optDate, ref, year } from '../../validate.ts';
import { buildBinder } from './build.ts';
import { binderProgress, cancelBinderJob, startBinderJob } from './jobs.ts';
import { NO_OFFICE, findSoffice } from './office.ts';

const jobId = z.string().min(1).max(64);

export const binderHandlers = {
  'archive/binder': handler(
    z.object({ year, orgId: ref.nullish(), from: optDate, to: optDate, pdf: z.boolean().optional(), jobId: jobId.optional() }),
    async (ctx, q) => {
      const { job, end } = startBinderJob(q.jobId);
      try {
        const r = await buildBinder(ctx, { year: q.year, orgId: q.orgId || null, from: q.from, to: q.to, pdf: q.pdf }, job);
        const { bytes, fileName, ...summary } = r;
        return { ...fileResult(fileName, bytes, 'application/zip'), summary };
      } finally {
        end();
      }
    },
  ),
  /** Whether PDFs can be made here, asked when the dialog opens so the clerk knows before 生成. */
  'archive/binder-office': handler(z.object({}), () => {
    const found = findSoffice();
    return { found: Boolean(found), reason: found ? null : NO_OFFICE };
  }),
  'archive/binder-progress': handler(z.object({ jobId }), (_ctx, { jobId }) => binderProgress(jobId)),
  'archive/binder-cancel': handler(z.object({ jobId }), (_ctx, { jobId }) => ({ cancelled: cancelBinderJob(jobId) })),
};
