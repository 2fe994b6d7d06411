/**
 * The demo bureau's year of dues: a standard for everyone (pay items for the
 * police, the basic pension for retirees), twelve months of mostly on-time
 * payments, two members three and four months behind, one six months behind,
 * a transfer out paid up to its month, quarterly remittances with one small
 * mismatch, and a few approved uses of dues. Each year's dues are fixed on
 * 8 January: before that day the new year is not yet assessed (the home page
 * asks for the 年度核定) and the laggards are behind on last year's months.
 */
import type { Transaction } from 'kysely';
import type { DB, DuesPaymentsTable } from '../../db/schema.ts';
import type { Ctx } from '../context.ts';
import type { Rng } from '../demo/random.ts';
import type { DemoState } from '../demo/types.ts';
import { addDays } from '../../common/dates.ts';
import { payKindFor } from '../../common/dues-pay.ts';
import { calcDues } from './calc.ts';
import { DUES_DEFAULTS, calcOptions } from './settings.ts';
import { ratioOf } from './remit.ts';
import { computeBase } from './assess.ts';
import { addMonth, firstDueMonth, lastDueMonth, monthIndex, monthRange, quarterMonths } from './months.ts';
import { transferInStarts } from './queries.ts';
import { inChunks } from '../../db/chunks.ts';
import { leaveRoster } from '../members/service.ts';
import { setSetting } from '../settings/service.ts';

const day = (month: string, d: number) => `${month}-${String(d).padStart(2, '0')}`;

export async function demoDues(ctx: Ctx, tx: Transaction<DB>, rng: Rng, state: DemoState): Promise<void> {
  const today = ctx.platform.today();
  const now = ctx.platform.now();
  const thisMonth = today.slice(0, 7);
  const windowStart = addMonth(thisMonth, -11);
  const thisYear = Number(thisMonth.slice(0, 4));
  // the 年度核定 of the current year is made on 8 January
  const assessedThisYear = today >= `${thisYear}-01-08`;
  const assessedTo = assessedThisYear ? thisMonth : `${thisYear - 1}-12`;
  // the demo unit remits half of what the branches hand in to the 机关工委 and keeps the rest for approved uses
  const s = { ...DUES_DEFAULTS, committeeRemitRatioBp: 5000 };
  await setSetting(tx, ctx, 'dues.settings', s);
  // the committee's balance from the paper books on 1 January of the window's first year (上年结转 of the reports)
  await setSetting(tx, ctx, 'dues.openingBalance', { year: Number(windowStart.slice(0, 4)), amountFen: 1_286_450 });
  const opts = calcOptions(s);
  const committee = await tx.selectFrom('org_units').select('name').where('id', '=', state.committeeId).executeTakeFirstOrThrow();

  let members = await tx
    .selectFrom('members')
    .select(['id', 'name', 'category', 'party_status', 'join_date', 'left_type', 'left_date', 'branch_id'])
    .where('deleted_at', 'is', null)
    .execute();
  // one transfer out in the middle of the window, unless an earlier step made one
  if (!members.some((m) => m.left_type === '转出' && m.left_date! >= `${windowStart}-01`)) {
    const b = state.branches[5] ?? state.branches[0];
    const leaver = members.find((m) => m.branch_id === b.id && !m.left_type && m.category === '在职' && m.party_status === '正式' && b.members.findIndex((x) => x.id === m.id) >= 4);
    if (leaver) {
      const leftDate = day(addMonth(thisMonth, -5), 16);
      await leaveRoster(ctx, leaver.id, { leftType: '转出', leftDate: leftDate, leftReason: '工作调动，组织关系转往市局机关' }, tx);
      members = members.map((m) => (m.id === leaver.id ? { ...m, left_type: '转出', left_date: leftDate } : m));
    }
  }
  const starts = await transferInStarts(tx);
  const owing = members
    .filter((m) => !m.left_type || m.left_type === '转出')
    .map((m) => {
      const span = { ...m, dues_start: starts.get(m.id) ?? null };
      const first = firstDueMonth(span, s);
      const last = lastDueMonth(span);
      const from = first > windowStart ? first : windowStart;
      const to = last && last < thisMonth ? last : thisMonth;
      return { ...m, from, to };
    })
    .filter((m) => m.from <= m.to);

  // laggards: in-service full members on the roster, in different branches
  const candidates = owing.filter((m) => !m.left_type && m.category === '在职' && m.party_status === '正式' && m.from === windowStart);
  const lagBranches = [2, 4, 8].map((i) => state.branches[i]?.id);
  const behind = new Map<string, number>();
  [3, 4, 6].forEach((n, i) => {
    const pool = candidates.filter((m) => m.branch_id === lagBranches[i] && !behind.has(m.id));
    const m = pool[pool.length - 1] ?? candidates.find((c) => !behind.has(c.id));
    if (m) behind.set(m.id, n);
  });

  // standards: one per calendar year touched by the window
  const years = [...new Set(monthRange(windowStart, thisMonth).map((m) => Number(m.slice(0, 4))))].filter((y) => y < thisYear || assessedThisYear);
  const due = new Map<string, Map<number, number>>();
  for (const m of owing) {
    const retired = m.category === '离退休';
    const items: Record<string, number> = retired
      ? { 基本离退休费: rng.int(3600, 6400) * 100, 离退休津补贴: rng.int(600, 1500) * 100 }
      : (() => {
          const zw = rng.int(1500, 3200);
          const jb = rng.int(1300, 2900);
          return {
            职务工资: zw * 100, 级别工资: jb * 100, 工作性津贴: rng.int(1800, 3000) * 100, 生活性补贴: rng.int(600, 1000) * 100,
            警衔津贴: rng.int(400, 900) * 100, 公安值勤岗位津贴: rng.int(300, 600) * 100,
            个人所得税: rng.int(40, 600) * 100, 养老保险: Math.round((zw + jb) * 8), 医疗保险: Math.round((zw + jb) * 2), 失业保险: Math.round((zw + jb) * 0.5),
            职业年金: Math.round((zw + jb) * 4), 住房公积金: Math.round((zw + jb) * 12),
          };
        })();
    const category = (['学生', '下岗失业', '低保', '农民'].includes(m.category) ? m.category : retired ? '离退休' : '在职') as '在职';
    const baseFen = computeBase(items, s.payItems).baseFen;
    const r = calcDues({ category, baseFen }, opts);
    const perYear = new Map<number, number>();
    for (const y of years) {
      const from = m.from > `${y}-01` ? m.from : `${y}-01`;
      if (from > `${y}-12` || from.slice(0, 4) !== String(y) || (m.to < `${y}-01`)) continue;
      const fixedOn = from === `${y}-01` ? `${y}-01-08` : day(from, 5);
      await tx
        .insertInto('dues_assessments')
        .values({
          id: ctx.platform.newId(), year: y, member_id: m.id, category, items_json: JSON.stringify(items), base_fen: r.baseFen, rate_bp: r.rateBasisPoints,
          monthly_due_fen: r.monthlyDueFen, cap_applied: r.capApplied ? 1 : 0, rounding: s.rounding, from_month: from, hardship_ref: null, reason: null,
          fixed_on: fixedOn < today ? fixedOn : today, fixed_by: '组织委员', approved_on: addDays(fixedOn, 7) < today ? addDays(fixedOn, 7) : today, approved_by: '分局党委',
          note: null, created_at: now, updated_at: now, deleted_at: null,
        })
        .execute();
      perYear.set(y, r.monthlyDueFen);
    }
    due.set(m.id, perYear);
  }

  // payments: mostly monthly in the first ten days, some branches quarterly, retirees sometimes through relatives
  const quarterly = new Set([state.branches[1]?.id, state.branches[7]?.id]);
  const rows: DuesPaymentsTable[] = [];
  let receipt = 1;
  let quarterMethod = '转账';
  for (const m of owing) {
    const lag = behind.get(m.id) ?? 0;
    const lastPaid = addMonth(assessedTo, -lag);
    for (const month of monthRange(m.from, m.to)) {
      if (lag && month > lastPaid) continue;
      if (month === thisMonth && !lag && rng.chance(0.25)) continue; // not everyone has paid this month yet
      const fen = due.get(m.id)?.get(Number(month.slice(0, 4)));
      if (fen === undefined) continue;
      const q = quarterly.has(m.branch_id) && m.category !== '离退休';
      const qMonth = q ? quarterMonths(Number(month.slice(0, 4)), Math.floor((Number(month.slice(5)) - 1) / 3) + 1)[0] : month;
      const payMonth = q && qMonth >= m.from ? qMonth : month;
      let paidOn = day(payMonth, q ? 6 : rng.int(1, 10));
      if (paidOn > today) paidOn = today;
      const proxy = m.category === '离退休' && rng.chance(0.15);
      // a quarter's later months are paid with its first (and draw nothing, so the demo's numbers stay as they were)
      const method = proxy ? '代缴' : q && payMonth !== month ? quarterMethod : rng.chance(0.6) ? '转账' : '现金';
      if (q && payMonth === month) quarterMethod = method;
      rows.push({
        id: ctx.platform.newId(), member_id: m.id, branch_id: m.branch_id, month, due_fen: fen, paid_fen: fen, paid_on: paidOn,
        method, pay_kind: payKindFor(month, paidOn, q), payer_name: proxy ? '家属' : null,
        receipt_no: `${month.slice(0, 4)}-${String(receipt++).padStart(4, '0')}`, collector: '支部组织委员', reason: null, consent_ref: null, note: null,
        created_at: now, updated_at: now, deleted_at: null,
      });
    }
  }
  await inChunks(rows, 200, (chunk) => tx.insertInto('dues_payments').values(chunk).execute());

  // quarterly remittances for quarters completed in the window; one branch short by 10.00 元 once
  const quarters: string[][] = [];
  for (const y of years) for (let q = 1; q <= 4; q++) {
    const ms = quarterMonths(y, q);
    if (ms[0] >= windowStart && monthIndex(ms[2]) < monthIndex(thisMonth)) quarters.push(ms);
  }
  const shortBranch = state.branches[3]?.id;
  for (const [qi, ms] of quarters.entries()) {
    const remitOn = day(addMonth(ms[2], 1), 10);
    if (remitOn > today) continue;
    let received = 0;
    for (const b of state.branches) {
      const collected = rows.filter((p) => p.branch_id === b.id && p.month >= ms[0] && p.month <= ms[2]).reduce((a, p) => a + p.paid_fen, 0);
      if (!collected) continue;
      const amount = b.id === shortBranch && qi === quarters.length - 1 ? collected - 1000 : collected;
      received += amount;
      await tx
        .insertInto('dues_remittances')
        .values({
          id: ctx.platform.newId(), level: '支部', from_org_id: b.id, to_name: committee.name, period_from: ms[0], period_to: ms[2], amount_fen: amount,
          remitted_on: remitOn, voucher_no: `ZB${ms[0].replace('-', '')}${String(state.branches.indexOf(b) + 1).padStart(2, '0')}`, ratio_bp: s.branchRemitRatioBp, note: null,
          created_at: now, updated_at: now, deleted_at: null,
        })
        .execute();
    }
    const upOn = day(addMonth(ms[2], 1), 20);
    if (upOn <= today)
      await tx
        .insertInto('dues_remittances')
        .values({
          id: ctx.platform.newId(), level: '党委', from_org_id: state.committeeId, to_name: s.upperBodyName, period_from: ms[0], period_to: ms[2], amount_fen: ratioOf(received, s.committeeRemitRatioBp),
          remitted_on: upOn, voucher_no: `DW${ms[0].replace('-', '')}`, ratio_bp: s.committeeRemitRatioBp, note: null, created_at: now, updated_at: now, deleted_at: null,
        })
        .execute();
  }

  // approved uses of dues this year (the 补助生活困难党员 of 2000 元 are the four 走访慰问 of core/care/demo.ts)
  const y = today.slice(0, 4);
  const uses: [string, string, number][] = [
    [`${y}-03-18`, '订阅或购买党报党刊、党员教育资料和设备', 360000],
    [`${y}-06-28`, '表彰先进基层党组织和优秀党员', 240000],
    [`${y}-09-12`, '培训党员', 150000],
  ];
  for (const [spentOn, purpose, amount] of uses) {
    if (spentOn > today) continue;
    await tx
      .insertInto('dues_expenses')
      .values({ id: ctx.platform.newId(), spent_on: spentOn, purpose, amount_fen: amount, decided_by: `分局党委会议（${addDays(spentOn, -6)}）`, voucher_no: null, note: null, created_at: now, updated_at: now, deleted_at: null })
      .execute();
  }
}
