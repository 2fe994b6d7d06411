/**
 * Archive and inspection figures (issue 12): the 迎检清单 check for the demo
 * year and for a ledger of 50 branches × 10 years of records (target ≤ 1 s for
 * one year; measured cold, as after a write), and archive search over 10,000 items (target ≤ 50 ms): the list
 * the 档案管理 page shows for a word, with and without a year.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLedgerContext } from '../../core/ledger.ts';
import { fixedPlatform } from '../../core/platform.ts';
import { loadDemo } from '../../core/demo/index.ts';
import { inspectCheck } from '../../core/inspect/check.ts';
import { listItems } from '../../core/archive/queries.ts';
import type { ArchiveItemsTable } from '../../db/schema.ts';
import { sql } from 'kysely';
import { bigLedger } from './activities.ts';
import { median, time } from './util.ts';

const TODAY = '2026-11-28';
const CATEGORIES = 'ABCDEFGHIJK'.split('');
const WORDS = ['党委会议纪要', '支部委员会记录', '党费收缴台账', '发展党员材料', '上级文件', '制度汇编', '请示报告', '述职报告', '学习安排', '工作总结'];

/** 10,000 archive items over ten years (the demo's own plus generated ones), each with a page of text. */
async function fillArchive(ctx: Ctx, n: number): Promise<number> {
  const org = await ctx.db.selectFrom('org_units').select('id').where('kind', '=', '党委').executeTakeFirstOrThrow();
  const now = ctx.platform.now();
  const have = Number((await ctx.db.selectFrom('archive_items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows: ArchiveItemsTable[] = [];
  for (let i = 0; rows.length + have < n; i++) {
    const year = 2017 + (i % 10);
    const word = WORDS[i % WORDS.length];
    rows.push({
      id: `bench-a${i}`, year, category_code: CATEGORIES[i % CATEGORIES.length], org_id: org.id, title: `${year}年${word}（第${i}件）`, author: '测试党委', doc_no: `测党〔${year}〕${i}号`, doc_date: `${year}-06-01`,
      pages: 1 + (i % 9), secrecy: '无', retention: i % 3 === 0 ? '永久' : '30年', item_no: 100000 + i, source_kind: 'upload', source_ref: null, record_entity: null, record_id: null, version: 1,
      note: null, content_text: `${word}的正文。${'会议研究了有关事项，形成决定。'.repeat(20)}第${i}件`, text_status: 'done', voided_at: null, void_reason: null, created_at: now, updated_at: now,
    });
  }
  await ctx.db.transaction().execute(async (tx) => {
    for (let i = 0; i < rows.length; i += 200) await tx.insertInto('archive_items').values(rows.slice(i, i + 200)).execute();
  });
  return have + rows.length;
}

type Ctx = Awaited<ReturnType<typeof openLedgerContext>>['ctx'];

/** The check as the clerk first meets it: a write (to a temp table) before each run, so the read memo (core/read-memo.ts) recomputes. */
function coldCheck(ctx: Ctx, year: number) {
  return async () => {
    await sql`create temp table if not exists bench_touch(x)`.execute(ctx.db);
    await sql`insert into bench_touch values (1)`.execute(ctx.db);
    return inspectCheck(ctx, { year });
  };
}

export async function bench(): Promise<Record<string, number | string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'party-ledger-bench-archive-'));
  const demo = await openLedgerContext(path.join(dir, 'demo.sqlite'), fixedPlatform({ today: TODAY, dataDir: dir }));
  await loadDemo(demo.ctx);
  const checkDemo = await median(coldCheck(demo.ctx, 2026), 5);
  const items = await fillArchive(demo.ctx, 10_000);
  const searchAll = await median(() => listItems(demo.ctx, { search: '述职报告', limit: 200 }), 9);
  const searchYear = await median(() => listItems(demo.ctx, { year: 2026, search: '述职报告' }), 9);
  const searchText = await median(() => listItems(demo.ctx, { search: '第9999件', limit: 200 }), 9);
  const listYear = await median(() => listItems(demo.ctx, { year: 2023 }), 9);
  const big = (await time(() => bigLedger(dir))).value;
  const checkBig = await median(coldCheck(big.l.ctx, 2026), 3);
  const checkBigAll = await time(async () => {
    for (let y = 2017; y <= 2026; y++) await coldCheck(big.l.ctx, y)();
  });
  await demo.close();
  await big.l.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    checklistDemoYearMs: checkDemo,
    checklist50Branches10YearsOneYearMs: checkBig,
    checklistTargetMs: 1000,
    checklist50BranchesAll10YearsMs: checkBigAll.ms,
    archiveItems: items,
    archiveSearchWordMs: searchAll,
    archiveSearchWordInYearMs: searchYear,
    archiveSearchTextMs: searchText,
    archiveListYearMs: listYear,
    archiveSearchTargetMs: 50,
  };
}
