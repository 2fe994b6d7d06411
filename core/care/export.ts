/** The 走访慰问登记表 of a year as a workbook model (templates/care-register.ts lays it out). */
import type { Ctx } from '../context.ts';
import { getSetting } from '../settings/service.ts';
import { careRegisterWorkbook } from '../../templates/care-register.ts';
import { careStats, listVisits, yuanWords } from './queries.ts';

const yearMonth = (iso: string | null) => (iso ? `${iso.slice(0, 4)}.${iso.slice(5, 7)}` : '');

export async function exportCareRegister(ctx: Ctx, year: number): Promise<{ fileName: string; bytes: Uint8Array; sentence: string }> {
  const [visits, stats] = await Promise.all([listVisits(ctx, year), careStats(ctx, `${year}-01-01`, `${year}-12-31`)]);
  const unit = (await getSetting<string>(ctx.db, 'org.committeeName')) || (await getSetting<string>(ctx.db, 'org.unitName')) || '';
  const rows = visits.map((v, i) => ({
    no: i + 1,
    name: v.personName,
    gender: v.gender ?? '',
    birth: yearMonth(v.birthDate),
    joined: yearMonth(v.joinDate),
    branch: v.branch ?? '',
    reason: v.reason,
    circumstances: v.circumstances ?? '',
    visitOn: v.visitOn,
    visitors: v.visitors,
    amount: v.amountFen,
    fund: v.fundSource,
    goods: v.goods ?? '',
    signed: v.attachments ? '已签收（签收单附后）' : '',
    approval: v.approval ?? '',
    note: [v.personKind === '党员家属' ? `党员${v.memberName}的${v.relation ?? '家属'}` : v.personKind === '其他' ? '非党员' : '', v.note ?? ''].filter(Boolean).join('；'),
  }));
  const bytes = await careRegisterWorkbook({
    title: `${year}年度走访慰问登记表`,
    subtitle: `单位：${unit}`,
    rows,
    total: { name: '合计', circumstances: `${stats.people}人，${stats.visits}人次`, amount: stats.amountFen },
    notes: [`${stats.sentence}${stats.visits ? `，其中从党费列支${yuanWords(stats.fromDuesFen)}元` : ''}。`, '从党费列支的慰问同时记入党费使用，须经党委集体研究决定。', '填表人：__________　　审核人：__________'],
  });
  return { fileName: `${year}年度走访慰问登记表.xlsx`, bytes, sentence: stats.sentence };
}
