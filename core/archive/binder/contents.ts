/**
 * What goes into each binder of a period (A 组织建设 … K 党务公开及其他): the
 * items filed in the archive (not voided), the meeting attachments not yet
 * filed, and the generated documents of the year, built afresh by their own
 * areas' exporters and frozen (text.ts) so the same ledger gives the same bytes.
 * A generated document already filed is taken fresh, not twice. Filed items keep
 * their 档号; the rest have none yet (the catalog leaves it blank).
 */
import type { Ctx } from '../../context.ts';
import { LedgerError } from '../../errors.ts';
import { readAttachment } from '../../attachments/service.ts';
import { listCategories } from '../categories.ts';
import { listItems } from '../queries.ts';
import { proposals } from '../proposals.ts';
import { frozenDocument } from '../text.ts';
import { type DocumentSpec } from '../documents.ts';
import { binderDocuments } from './specs.ts';
import type { BinderJob } from './jobs.ts';

export interface BinderFile {
  ext: string;
  bytes: Uint8Array;
  /** the record it came from: attachments:<id> or document:<key> */
  source: string;
}

export interface BinderItem {
  title: string;
  author: string;
  docNo: string;
  docDate: string | null;
  secrecy: string;
  retention: string;
  archiveNo: string;
  /** 档案 item number as filed (0001), blank when not filed */
  filedNo: string;
  note: string;
  source: string;
  files: BinderFile[];
}

export interface Binder {
  code: string;
  name: string;
  /** `A 组织建设` */
  folder: string;
  items: BinderItem[];
}

export interface Scope {
  year: number;
  from: string;
  to: string;
  orgId: string | null;
}

const RETENTION_ORDER = ['永久', '30年', '10年'];
const extOf = (name: string) => (name.includes('.') ? name.split('.').pop()!.toLowerCase() : '');

/** Collects every binder; `problems` gets a line for each document or file left out, and why. */
export async function collectBinders(ctx: Ctx, s: Scope, job: BinderJob, stepOf: (code: string) => number, problems: string[]): Promise<Binder[]> {
  const cats = (await listCategories(ctx)).filter((c) => !c.retired);
  const specs = await binderDocuments(ctx, s);
  const specKeys = new Set(specs.map((d) => d.key));
  const inPeriod = (d: string | null) => !d || (d >= s.from && d <= s.to);
  const filed = (await listItems(ctx, { year: s.year, orgId: s.orgId ?? undefined, includeVoided: false, limit: 100000 }))
    .filter((i) => inPeriod(i.docDate) && !(i.sourceKind === 'document' && i.sourceRef && specKeys.has(i.sourceRef)))
    .sort((a, b) => RETENTION_ORDER.indexOf(a.retention) - RETENTION_ORDER.indexOf(b.retention) || a.itemNo - b.itemNo);
  const pending = (await proposals(ctx, s.year, s.orgId)).filter((p) => inPeriod(p.heldOn));
  const binders: Binder[] = [];
  for (const c of cats) {
    await job.step(stepOf(c.code));
    const items: BinderItem[] = [];
    for (const i of filed.filter((x) => x.categoryCode === c.code)) {
      const rows = await ctx.db.selectFrom('attachments').select(['id', 'file_name']).where('entity', '=', 'archive_items').where('entity_id', '=', i.id).where('deleted_at', 'is', null).orderBy('created_at').orderBy('id').execute();
      const files: BinderFile[] = [];
      for (const r of rows) {
        const f = await readFile(ctx, r.id, problems, `${c.code} ${i.itemNoText} ${i.title}`);
        if (f) files.push({ ext: extOf(r.file_name), bytes: f, source: `attachments:${r.id}` });
      }
      items.push({
        title: i.title, author: i.author ?? '', docNo: i.docNo ?? '', docDate: i.docDate, secrecy: i.secrecy, retention: i.retention,
        archiveNo: i.archiveNo ?? '', filedNo: i.itemNoText, note: [i.note ?? '', files.length ? '' : '无电子文件'].filter(Boolean).join('；'), source: `archive_items:${i.id}`, files,
      });
    }
    for (const p of pending.filter((x) => x.category === c.code)) {
      job.check();
      const f = await readFile(ctx, p.attachmentId, problems, `${c.code} ${p.title}`);
      if (!f) continue;
      items.push({
        title: p.title, author: p.orgName, docNo: '', docDate: p.heldOn, secrecy: '无', retention: c.defaultRetention,
        archiveNo: '', filedNo: '', note: '会议附件，尚未归档', source: `attachments:${p.attachmentId}`, files: [{ ext: extOf(p.fileName), bytes: f, source: `attachments:${p.attachmentId}` }],
      });
    }
    for (const d of specs.filter((x) => x.category === c.code)) {
      job.check();
      const made = await buildDocument(d, problems);
      if (!made) continue;
      items.push({
        title: made.fileName.replace(/\.[^.]+$/, ''), author: d.author, docNo: '', docDate: s.to < ctx.platform.today() ? s.to : ctx.platform.today(), secrecy: '无', retention: c.defaultRetention,
        archiveNo: '', filedNo: '', note: '生成文档', source: `document:${d.key}`, files: [{ ext: extOf(made.fileName), bytes: frozenDocument(made.bytes), source: `document:${d.key}` }],
      });
    }
    binders.push({ code: c.code, name: c.name, folder: `${c.code} ${c.name}`, items });
  }
  return binders;
}

async function readFile(ctx: Ctx, id: string, problems: string[], what: string): Promise<Uint8Array | null> {
  try {
    return (await readAttachment(ctx, id)).bytes;
  } catch (e) {
    problems.push(`${what}：${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}

/** A document its area cannot make for this period (e.g. no member owes dues yet) is left out, and said so. */
async function buildDocument(d: DocumentSpec & { author: string }, problems: string[]) {
  try {
    return await d.build();
  } catch (e) {
    if (!(e instanceof LedgerError)) throw e;
    problems.push(`${d.category} ${d.label}：${e.message}`);
    return null;
  }
}
