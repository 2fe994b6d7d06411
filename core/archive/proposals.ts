/**
 * Meeting attachments (签到表, 照片, 讲稿 …) proposed as items of their meeting's
 * binder: B 三会一课, C 主题党日, D 组织生活会和民主评议, G 学习教育. A proposal
 * accepted becomes an item with the attachment's bytes (source 'attachment',
 * source_ref = attachments.id, the meeting as its record). An attachment filed
 * once (even if its item was later voided) is not proposed again.
 */
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { activityTitle } from '../activities/model.ts';
import { chineseDate } from '../../common/labels.ts';
import { copyAttachment, createItem, readLedgerAttachment } from './service.ts';

const BINDER_OF_TYPE: Record<string, string> = {
  支部党员大会: 'B',
  支部委员会: 'B',
  党小组会: 'B',
  党课: 'B',
  主题党日: 'C',
  组织生活会: 'D',
  民主评议党员: 'D',
  民主生活会: 'D',
  谈心谈话: 'D',
  理论学习中心组学习: 'G',
  // 政治学习日 is study: filed with 学习教育
  政治学习日: 'G',
};

export function binderOfActivity(type: string): string {
  return BINDER_OF_TYPE[type] ?? 'B';
}

export interface Proposal {
  attachmentId: string;
  fileName: string;
  kind: string | null;
  activityId: string;
  heldOn: string;
  /** the organization whose item it becomes: the meeting's branch (a 党小组's meeting: its branch) */
  orgId: string;
  orgName: string;
  category: string;
  title: string;
}

export async function proposals(ctx: Ctx, year: number, orgId?: string | null): Promise<Proposal[]> {
  let q = ctx.db
    .selectFrom('attachments as f')
    .innerJoin('activities as a', 'a.id', 'f.entity_id')
    .innerJoin('org_units as o', 'o.id', 'a.org_id')
    .leftJoin('org_units as p', 'p.id', 'o.parent_id')
    .select(['f.id as fid', 'f.file_name', 'f.kind', 'a.id as aid', 'a.held_on', 'a.type', 'a.topic', 'o.id as oid', 'o.kind as okind', 'o.name as oname', 'p.id as pid', 'p.name as pname'])
    .where('f.entity', '=', 'activities')
    .where('f.deleted_at', 'is', null)
    .where('a.deleted_at', 'is', null)
    .where('a.held_on', '>=', `${year}-01-01`)
    .where('a.held_on', '<=', `${year}-12-31`)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('archive_items as i').select('i.id').where('i.source_kind', '=', 'attachment').whereRef('i.source_ref', '=', 'f.id'))))
    .orderBy('a.held_on')
    .orderBy('f.created_at')
    .orderBy('f.id');
  if (orgId) q = q.where((eb) => eb.or([eb('o.id', '=', orgId), eb('o.parent_id', '=', orgId)]));
  const rows = await q.execute();
  return rows.map((r) => {
    const group = r.okind === '党小组' && r.pid;
    const orgName = group ? (r.pname ?? '') : r.oname;
    return {
      attachmentId: r.fid,
      fileName: r.file_name,
      kind: r.kind,
      activityId: r.aid,
      heldOn: r.held_on,
      orgId: group ? (r.pid as string) : r.oid,
      orgName,
      category: binderOfActivity(r.type),
      title: `${chineseDate(r.held_on)}${group ? r.oname : ''}${activityTitle(r.type, null)}${r.kind ?? '附件'}`,
    };
  });
}

/** Files the chosen proposals of a year, one item each; returns the new items' ids. */
export async function fileProposals(ctx: Ctx, year: number, attachmentIds: string[]): Promise<string[]> {
  const all = new Map((await proposals(ctx, year)).map((p) => [p.attachmentId, p]));
  const out: string[] = [];
  for (const id of attachmentIds) {
    const p = all.get(id);
    if (!p) throw new LedgerError('该附件已归档或不属于本年度的会议，请刷新后再试');
    const file = await readLedgerAttachment(ctx, id);
    const row = await ctx.db.transaction().execute(async (tx) => {
      const item = await createItem(
        ctx,
        tx,
        { year, category: p.category, orgId: p.orgId, title: p.title, author: p.orgName, docDate: p.heldOn },
        { kind: 'attachment', ref: id, recordEntity: 'activities', recordId: p.activityId },
      );
      await copyAttachment(ctx, tx, item.id, file);
      return item;
    });
    out.push(row.id);
  }
  return out;
}
