/** Documents of organizational life: the record book, one meeting's record, the yearly statistics table. */
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { meetingDocx, recordBookDocx } from '../../templates/record-book.ts';
import { lifeStatsWorkbook } from '../../templates/life-stats.ts';
import { meetingRecordOf, recordBookModel } from './record-book.ts';
import { lifeStatsModel } from './life-stats.ts';

export interface ExportedFile {
  fileName: string;
  bytes: Uint8Array;
}

const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '');

export async function exportRecordBook(ctx: Ctx, q: { orgId: string; year?: number; from?: string; to?: string }): Promise<ExportedFile> {
  const from = q.from ?? (q.year ? `${q.year}-01-01` : undefined);
  const to = q.to ?? (q.year ? `${q.year}-12-31` : undefined);
  if (!from || !to) throw new LedgerError('请选择年度，或填写起止日期', 'year');
  if (to < from) throw new LedgerError('结束日期早于开始日期', 'to');
  const model = await recordBookModel(ctx, { orgId: q.orgId, from, to });
  return { fileName: safe(`${model.orgName}${model.periodText}${model.bookTitle}.docx`), bytes: await recordBookDocx(model) };
}

export async function exportMeeting(ctx: Ctx, id: string): Promise<ExportedFile> {
  const { meeting, heldOn } = await meetingRecordOf(ctx, id);
  return { fileName: safe(`${meeting.orgName}${heldOn}${meeting.heading}.docx`), bytes: await meetingDocx(meeting) };
}

export async function exportLifeStats(ctx: Ctx, year: number, asOf?: string): Promise<ExportedFile> {
  const model = await lifeStatsModel(ctx, year, asOf);
  return { fileName: `${year}年度组织生活开展情况统计表.xlsx`, bytes: await lifeStatsWorkbook(model) };
}
