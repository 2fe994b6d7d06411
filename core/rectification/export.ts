/** The 整改台账 (三单, .xlsx) and the 整改落实情况报告 (.docx) as models; templates/rectification-*.ts lay them out. */
import type { Ctx } from '../context.ts';
import { getSetting } from '../settings/service.ts';
import { LedgerError } from '../errors.ts';
import { chineseDate } from '../../common/labels.ts';
import { rectificationWorkbook } from '../../templates/rectification-lists.ts';
import { rectificationReport } from '../../templates/rectification-report.ts';
import { RECT_RULE } from './model.ts';
import { listItems, longTermInRate, planByName, tally, type RectItem } from './queries.ts';

const unitName = async (ctx: Ctx) => (await getSetting<string>(ctx.db, 'org.committeeName')) || (await getSetting<string>(ctx.db, 'org.unitName')) || '';
const dateText = (iso: string | null) => (iso ? chineseDate(iso) : '');

async function scope(ctx: Ctx, q: { plan?: string; year?: number }) {
  if (!q.plan && !q.year) throw new LedgerError('请选择整改方案或年度', 'plan');
  if (q.plan) {
    const p = await planByName(ctx.db, q.plan);
    return { name: p.name, docNo: p.doc_no, aspects: JSON.parse(p.aspects) as string[], items: await listItems(ctx, { planId: p.id }) };
  }
  return { name: `${q.year}年度`, docNo: null, aspects: [] as string[], items: await listItems(ctx, { year: q.year, kind: '整改' }) };
}

function countsText(items: RectItem[], inRate: boolean): string {
  const t = tally(items, inRate);
  const rest = (['整改中', '待验收', '未启动', '长期坚持'] as const).filter((s) => t.byStatus[s]).map((s) => `${s}${t.byStatus[s]}条`);
  return `${t.sentence}${rest.length ? `；${rest.join('，')}` : ''}${t.overdue ? `；其中超过整改时限未销号${t.overdue}条` : ''}。${inRate ? '' : '（长期坚持事项不计入销号率）'}`;
}

export async function exportRectification(ctx: Ctx, q: { plan?: string; year?: number }): Promise<{ fileName: string; bytes: Uint8Array }> {
  const s = await scope(ctx, q);
  const inRate = await longTermInRate(ctx);
  const bytes = await rectificationWorkbook({
    title: q.plan ? `${s.name}整改台账` : `${s.name}整改台账`,
    subtitle: `单位：${await unitName(ctx)}　　截至${chineseDate(ctx.platform.today())}　　${countsText(s.items, inRate)}`,
    problems: s.items.map((i) => ({ code: i.code, source: i.source, aspect: i.aspect ?? '', title: i.title, cause: i.cause ?? '' })),
    duties: s.items.map((i) => ({ code: i.code, title: i.title, leader: i.leader ?? '', ownerUnit: i.ownerUnit, owner: i.owner })),
    fixes: s.items.map((i) => ({
      code: i.code, measure: i.measure, goal: i.goal ?? '', dueOn: i.dueOn ?? '长期坚持', progress: i.lastProgress ?? '',
      status: i.overdue ? `${i.status}（已超期）` : i.status, closedOn: i.closedOn ?? '', acceptedBy: i.acceptedBy ?? '',
    })),
    notes: [`依据：${RECT_RULE.source}。`, '销号须经验收人验收并附佐证材料（完成一份、销号一份）。', '填表人：__________　　审核人：__________'],
  });
  return { fileName: `${s.name}整改台账.xlsx`, bytes };
}

const itemLine = (i: RectItem, n: number) =>
  `${n}. ${i.title.replace(/[。；]$/, '')}。整改措施：${i.measure.replace(/[。；]$/, '')}。责任单位：${i.ownerUnit}，责任人：${i.owner}。` +
  (i.status === '已销号' ? `已于${dateText(i.closedOn)}销号（验收人：${i.acceptedBy}）。` : i.status === '长期坚持' ? '长期坚持。' : `${i.status}，整改时限${dateText(i.dueOn)}${i.overdue ? '，已超期' : ''}。`) +
  (i.lastProgress && i.status !== '已销号' ? `最新进展：${i.lastProgress}。` : '');

export async function exportRectificationReport(ctx: Ctx, q: { plan: string }): Promise<{ fileName: string; bytes: Uint8Array }> {
  const s = await scope(ctx, q);
  const inRate = await longTermInRate(ctx);
  const unit = await unitName(ctx);
  const names = [...new Set([...s.aspects, ...s.items.map((i) => i.aspect ?? '其他')])].filter((a) => s.items.some((i) => (i.aspect ?? '其他') === a));
  const open = s.items.filter((i) => i.status !== '已销号');
  const doc = `《${s.name}》${s.docNo ? `（${s.docNo}）` : ''}`;
  const bytes = await rectificationReport({
    heading: `关于《${s.name}》整改落实情况的报告`,
    addressee: '上级党组织',
    intro: `按照${doc}要求，${unit || '党委'}从${names.length}个方面制定整改措施${s.items.length}条，逐一明确责任单位、责任人、整改目标和整改时限，实行清单式管理、滚动式销号。现将整改落实情况报告如下。`,
    figures: countsText(s.items, inRate),
    aspects: names.map((a) => ({ name: a, lines: s.items.filter((i) => (i.aspect ?? '其他') === a).map(itemLine) })),
    open: open.map((i, k) => `${k + 1}. ${i.code} ${i.title.replace(/[。；]$/, '')}（${i.ownerUnit}，${i.status}${i.overdue ? '，已超期' : ''}）。`),
    next: [
      open.length ? `对尚未销号的${open.length}条整改措施，逐项盯办，按时限完成并及时报送佐证材料验收销号。` : '巩固整改成果，防止问题反弹。',
      '对长期坚持的事项常态化推进，定期检视，建立长效机制。',
    ],
    signer: unit,
    issuedOn: ctx.platform.today(),
  });
  return { fileName: `${s.name}整改落实情况报告.docx`, bytes };
}
