/**
 * The demo's archive for the current year: 上级文件, the 党委's 制度, plans and
 * summaries, each branch secretary's 述职报告 (but none of the 党委: the 迎检清单
 * finds that gap), scanned sign-in sheets (images) for the meetings held so far —
 * all but those of the third branch in the second quarter, another gap the
 * checklist finds — and photos of 主题党日 and 党课, each filed as an item of its
 * meeting's binder; two items voided with their reasons.
 * With no data folder (a ledger in memory) the files are left out and only the
 * hand-filed items are made: there is nowhere to keep the bytes.
 * Uses its own seeded numbers, so the earlier steps' demo stays as it was.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../context.ts';
import type { Rng } from '../demo/random.ts';
import type { DemoState } from '../demo/types.ts';
import { seeded } from '../demo/random.ts';
import { setSetting } from '../settings/service.ts';
import { addAttachment } from '../attachments/service.ts';
import { chineseDate } from '../../common/labels.ts';
import { activityTitle } from '../activities/model.ts';
import { ensureCategories } from './categories.ts';
import { createItem, voidItemIn, type ItemInput } from './service.ts';
import { binderOfActivity } from './proposals.ts';
import { photoImage, scanImage } from './png.ts';
import { ARCHIVE_SETTINGS } from './settings.ts';
import { quarterPeriod } from '../activities/rules.ts';

/** The branch whose meetings of one quarter have no 签到表 in the demo (the 迎检清单 finds the gap). */
export const DEMO_UNSIGNED_BRANCH = '巡特警大队党支部';

/** The quarter before today's: the demo's sign-in gap. */
export function demoUnsignedQuarter(today: string): { from: string; to: string; key: string } {
  const y = Number(today.slice(0, 4));
  const q = Math.ceil(Number(today.slice(5, 7)) / 3);
  const p = q === 1 ? quarterPeriod(y - 1, 4) : quarterPeriod(y, q - 1);
  return { from: p.from, to: p.to, key: p.key };
}

const UPPER = '中共江城市公安局委员会';

export async function demoArchive(ctx: Ctx, tx: Transaction<DB>, _rng: Rng, state: DemoState): Promise<void> {
  const rng = seeded(20261212);
  const today = ctx.platform.today();
  const year = Number(today.slice(0, 4));
  const dir = ctx.platform.dataDir;
  const withFiles = Boolean(dir) && dir !== ':memory:';
  const committee = await tx.selectFrom('org_units').select(['id', 'name']).where('id', '=', state.committeeId).executeTakeFirstOrThrow();
  await ensureCategories(ctx, tx);
  await setSetting(tx, ctx, ARCHIVE_SETTINGS.fondsNo, 'J012');
  const day = (md: string) => [`${year}-${md}`, today].sort()[0];
  const textFile = (title: string, body: string) => new TextEncoder().encode(`${title}\n\n${body}\n`);

  const filed: { id: string; title: string }[] = [];
  const upload = async (input: Omit<ItemInput, 'year'>, file?: { name: string; bytes: Uint8Array }, text?: string) => {
    const row = await createItem(ctx, tx, { year, ...input }, { kind: 'upload', contentText: text ?? null });
    if (file && withFiles) await addAttachment(ctx, { entity: 'archive_items', entityId: row.id, fileName: file.name, bytes: file.bytes, kind: '归档文件' }, tx);
    filed.push({ id: row.id, title: row.title });
    return row;
  };

  // 上级文件 (K, 永久) and the 党委's own 制度 (H), plans and summaries (K)
  const upper: [string, string, string][] = [
    [`关于印发《${year}年全市公安机关党建工作要点》的通知`, `江公党〔${year}〕3号`, '02-20'],
    [`关于开展${year}年度基层党组织书记抓基层党建述职评议考核工作的通知`, `江公党〔${year}〕41号`, '11-05'],
    ['关于做好党费收缴、使用和管理工作的通知', `江公党〔${year}〕12号`, '04-08'],
  ];
  for (const [title, docNo, md] of upper) {
    const scan = scanImage(rng.int(1, 999), 12);
    await upload({ category: 'K', orgId: committee.id, title, docNo, author: UPPER, docDate: day(md), pages: rng.int(3, 8), retention: '永久' }, { name: `${title.slice(0, 20)}.png`, bytes: scan });
  }
  const rules: [string, string][] = [
    ['三会一课制度', '支部党员大会一般每季度召开一次；支部委员会一般每月召开一次；党小组会一般每月召开一次；党课每季度至少一次。'],
    ['党费收缴、使用和管理制度', '党员应按月缴纳党费；党费按年度核定，经支部委员会审核、党委批准。'],
    ['党建档案管理制度', '党建档案按年度整理归档，由组织委员指定专人保管，换届或人员变动时办理移交。'],
  ];
  for (const [name, body] of rules) {
    const title = `${committee.name}${name}`;
    await upload({ category: 'H', orgId: committee.id, title, author: committee.name, docDate: day('01-15'), pages: 2 }, { name: `${name}.txt`, bytes: textFile(title, body) }, `${title}\n${body}`);
  }
  await upload({ category: 'K', orgId: committee.id, title: `${committee.name}${year}年党建工作计划`, author: committee.name, docDate: day('01-10'), pages: 6 }, { name: `${year}年党建工作计划.txt`, bytes: textFile(`${year}年党建工作计划`, '全年计划召开党委会十二次，开展主题党日十二次。') });
  await upload({ category: 'K', orgId: committee.id, title: `${committee.name}${year}年上半年党建工作总结`, author: committee.name, docDate: day('07-08'), pages: 8 }, { name: `${year}年上半年党建工作总结.txt`, bytes: textFile(`${year}年上半年党建工作总结`, '上半年各支部按期召开支委会，规定动作开展情况良好。') });

  // each branch: its annual plan (B) and its secretary's 述职报告 (I)
  for (const b of state.branches) {
    await upload({ category: 'B', orgId: b.id, title: `${b.name}${year}年度“三会一课”计划`, author: b.name, docDate: day('01-18'), pages: 2 }, { name: `${b.name}年度计划.png`, bytes: scanImage(rng.int(1, 999), 8) });
    await upload({ category: 'I', orgId: b.id, title: `${b.name}书记抓基层党建工作述职报告`, author: b.name, docDate: day('11-20'), pages: 5 }, { name: `${b.name}述职报告.png`, bytes: scanImage(rng.int(1, 999), 20) });
  }

  // two voided items: a scan filed twice, and a document put in the wrong year
  const dup = await upload({ category: 'K', orgId: committee.id, title: `关于印发《${year}年全市公安机关党建工作要点》的通知`, docNo: `江公党〔${year}〕3号`, author: UPPER, docDate: day('02-21'), pages: 4, retention: '永久' }, { name: '重复扫描.png', bytes: scanImage(7, 12) });
  const wrong = await upload({ category: 'E', orgId: committee.id, title: `${committee.name}${year - 1}年度党费收缴情况报告`, author: committee.name, docDate: day('01-12'), pages: 3 }, { name: '党费收缴情况报告.png', bytes: scanImage(9, 10) });
  for (const [r, reason] of [[dup, '重复归档：与第一份扫描件相同'], [wrong, `属于${year - 1}年度的文件，误归入本年度`]] as const) await voidItemIn(tx, ctx, r.id, reason);

  if (!withFiles) return;
  // meetings of the year so far: a scanned 签到表 each (not 巡特警大队党支部's in the last quarter that ended
  // before today: the gap the 迎检清单 must find), photos now and then
  const gap = demoUnsignedQuarter(today);
  const gapBranch = state.branches.find((b) => b.name === DEMO_UNSIGNED_BRANCH)?.id;
  const acts = await tx
    .selectFrom('activities as a')
    .innerJoin('org_units as o', 'o.id', 'a.org_id')
    .select(['a.id', 'a.org_id', 'a.group_id', 'a.type', 'a.held_on', 'o.name as org_name'])
    .where('a.deleted_at', 'is', null)
    .where('a.held_on', '>=', `${year}-01-01`)
    .where('a.held_on', '<=', today)
    .where('a.type', '!=', '谈心谈话')
    .orderBy('a.held_on')
    .orderBy('a.id')
    .execute();
  for (const a of acts) {
    const files: { kind: string; name: string; bytes: Uint8Array }[] = [];
    if (!(a.org_id === gapBranch && a.held_on >= gap.from && a.held_on <= gap.to)) files.push({ kind: '签到表', name: '签到表.png', bytes: scanImage(rng.int(1, 99999), rng.int(6, 12)) });
    if ((a.type === '主题党日' || a.type === '党课') && rng.chance(0.5)) files.push({ kind: '照片', name: '活动照片.png', bytes: photoImage(rng.int(1, 99999)) });
    for (const f of files) {
      const att = await addAttachment(ctx, { entity: 'activities', entityId: a.id, fileName: f.name, bytes: f.bytes, kind: f.kind }, tx);
      const item = await createItem(
        ctx,
        tx,
        { year, category: binderOfActivity(a.type), orgId: a.org_id, title: `${chineseDate(a.held_on)}${activityTitle(a.type, null)}${f.kind}`, author: a.org_name, docDate: a.held_on, pages: 1 },
        { kind: 'attachment', ref: att.id, recordEntity: 'activities', recordId: a.id },
      );
      await addAttachment(ctx, { entity: 'archive_items', entityId: item.id, fileName: f.name, bytes: f.bytes, kind: f.kind }, tx);
    }
  }
}
