/**
 * The documents of 民主评议党员, as models for templates/evaluation-sheets.ts and evaluation-report.ts:
 * the 民主测评表 (the ballot of a branch's meeting), the 结果汇总表 (one branch, or the year with a sheet
 * of every branch) and the branch's report to the 党委 (.docx). Names and figures from evaluationView.
 */
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { chineseDate } from '../../common/labels.ts';
import { committeeName } from '../study/export.ts';
import { ballotWorkbook, resultsWorkbook, TICK, type ResultSheet } from '../../templates/evaluation-sheets.ts';
import { evaluationReportDocument } from '../../templates/evaluation-report.ts';
import { GRADES } from './rules.ts';
import type { EvaluationView } from './model.ts';
import { evaluationView } from './queries.ts';
import { evaluationStats } from './stats.ts';

type Scope = { year: number; branchId?: string; branch?: string };

export async function exportBallot(ctx: Ctx, q: Scope): Promise<{ fileName: string; bytes: Uint8Array }> {
  const v = await evaluationView(ctx.db, q);
  const present = v.lines.filter((l) => l.tookPart);
  if (!present.length) throw new LedgerError(`${v.branch}没有参加评议的党员`, 'branchId');
  const mark = '预备党员，不定等次';
  const rows = present.map((l, i) =>
    l.partyStatus === '预备'
      ? { no: i + 1, name: l.name, excellent: '—', qualified: '—', basic: '—', unqualified: '—', problems: '', note: mark }
      : { no: i + 1, name: l.name, excellent: TICK, qualified: TICK, basic: TICK, unqualified: TICK, problems: '', note: '' },
  );
  const bytes = await ballotWorkbook({
    title: `${v.branch}${v.year}年度民主评议党员测评表`,
    subtitle: `评议日期：${v.heldOn ? chineseDate(v.heldOn) : '　　年　月　日'}　　正式党员${v.formalMembers}名，评为优秀的一般不超过${v.excellentLimit}名`,
    rows,
    notes: [
      '填表说明：对照合格党员标准和入党誓词，在每名党员的一个等次栏内划“√”，不划或多划视为无效；存在问题栏可写明具体问题。',
      `${v.scheme.probationaryBasis}。${v.scheme.excellentBasis}（${v.scheme.baseBasis}）。`,
      '本表不记名，当场填写，当场收回。',
    ],
  });
  return { fileName: `${v.year}年度${v.branch}民主测评表.xlsx`, bytes };
}

function resultSheet(v: EvaluationView): ResultSheet {
  const valid = v.ballotsReturned === null ? null : v.ballotsReturned - (v.ballotsInvalid ?? 0) - (v.ballotsBlank ?? 0);
  const ballots = v.ballotsIssued === null ? '测评表份数未登记' : `发出测评表${v.ballotsIssued}份，收回${v.ballotsReturned ?? '—'}份，无效${v.ballotsInvalid ?? 0}份，空白${v.ballotsBlank ?? 0}份，有效${valid ?? '—'}份`;
  const sum = (g: (typeof GRADES)[number]) => v.lines.reduce((s, l) => s + (l.votes?.[g] ?? 0), 0);
  return {
    name: v.branch,
    title: `${v.branch}${v.year}年度民主评议党员结果汇总表`,
    subtitle: `评议日期：${v.heldOn ? chineseDate(v.heldOn) : '未登记'}　　${ballots}`,
    rows: v.lines.map((l, i) => ({
      no: i + 1, name: l.name, status: `${l.partyStatus}党员`, excellent: l.votes?.['优秀'] ?? null, qualified: l.votes?.['合格'] ?? null,
      basic: l.votes?.['基本合格'] ?? null, unqualified: l.votes?.['不合格'] ?? null, result: l.result, problems: l.problems ?? '',
    })),
    total: { no: null, name: '合计', excellent: sum('优秀'), qualified: sum('合格'), basic: sum('基本合格'), unqualified: sum('不合格'), result: GRADES.map((g) => `${g}${v.ratings[g]}`).join('、') },
    notes: [
      `正式党员${v.formalMembers}名，预备党员${v.probationary}名（参加评议，不定等次，不计入基数）；评为优秀${v.ratings['优秀']}名，上限${v.excellentLimit}名。`,
      ...v.findings.map((f) => `提示：${f}`),
      `等次方案：${v.scheme.version}（${v.scheme.source}${v.scheme.verified ? '' : '；依据尚未核对原文'}）。`,
      '支部书记（签字）：__________　　填表人：__________',
    ],
  };
}

export async function exportResults(ctx: Ctx, q: Scope): Promise<{ fileName: string; bytes: Uint8Array }> {
  if (q.branchId || q.branch) {
    const v = await evaluationView(ctx.db, q);
    if (!v.id) throw new LedgerError(`${v.branch}${v.year}年尚未登记民主评议`, 'branchId');
    return { fileName: `${v.year}年度${v.branch}民主评议党员结果汇总表.xlsx`, bytes: await resultsWorkbook({ overview: null, branches: [resultSheet(v)] }) };
  }
  const stats = await evaluationStats(ctx, { year: q.year });
  if (!stats.byBranch.length) throw new LedgerError(`${q.year}年尚未登记民主评议`, 'year');
  const views = [];
  for (const b of stats.byBranch) views.push(await evaluationView(ctx.db, { year: q.year, branchId: b.branchId }));
  const committee = await committeeName(ctx);
  const overview = {
    title: `${q.year}年度民主评议党员结果汇总表`,
    subtitle: `单位：${committee}　　${stats.sentence}`,
    rows: views.map((v, i) => ({
      no: i + 1, branch: v.branch, heldOn: v.heldOn, formal: v.formalMembers, probationary: v.probationary, excellent: v.ratings['优秀'], qualified: v.ratings['合格'],
      basic: v.ratings['基本合格'], unqualified: v.ratings['不合格'], limit: v.excellentLimit, note: v.ratings['优秀'] > v.excellentLimit ? `优秀超过三分之一（${v.ratings['优秀']}>${v.excellentLimit}）` : '',
    })),
    total: {
      no: null, branch: '合计', formal: views.reduce((s, v) => s + v.formalMembers, 0), probationary: views.reduce((s, v) => s + v.probationary, 0),
      excellent: stats.ratings['优秀'], qualified: stats.ratings['合格'], basic: stats.ratings['基本合格'], unqualified: stats.ratings['不合格'],
    },
    notes: ['优秀上限为各支部正式党员人数的三分之一（向下取整），预备党员不计入基数。'],
  };
  return { fileName: `${q.year}年度民主评议党员结果汇总表.xlsx`, bytes: await resultsWorkbook({ overview, branches: views.map(resultSheet) }) };
}

const names = (v: EvaluationView, g: string) => v.lines.filter((l) => l.grade === g).map((l) => l.name);

export async function exportReport(ctx: Ctx, q: Scope): Promise<{ fileName: string; bytes: Uint8Array }> {
  const v = await evaluationView(ctx.db, q);
  if (!v.id || !v.heldOn) throw new LedgerError(`${v.branch}${v.year}年尚未登记民主评议`, 'branchId');
  const done = v.steps.filter((s) => s.done).map((s) => s.step);
  const present = v.lines.filter((l) => l.tookPart).length;
  const absent = v.lines.filter((l) => !l.tookPart);
  const how = [
    `${chineseDate(v.heldOn)}，${v.branch}召开党员大会开展${v.year}年度民主评议党员，应参加${v.lines.length}人，实际参加${present}人。会议按照${done.length ? done.join('、') : '个人自评、党员互评、民主测评'}的程序进行，对照合格党员标准和入党誓词，逐一评议每名党员。`,
  ];
  if (v.ballotsIssued !== null) how.push(`民主测评发出测评表${v.ballotsIssued}份，收回${v.ballotsReturned ?? 0}份，其中无效${v.ballotsInvalid ?? 0}份、空白${v.ballotsBlank ?? 0}份。`);
  if (absent.length) how.push(`未参加评议${absent.length}人：${absent.map((l) => `${l.name}（${l.absenceReason ?? '未说明原因'}）`).join('、')}。`);
  const results = [
    `支部委员会根据民主测评情况和党员日常表现，提出评定意见：参加评定等次的正式党员${v.formalMembers - absent.filter((l) => l.partyStatus === '正式').length}名，评为优秀${v.ratings['优秀']}名、合格${v.ratings['合格']}名、基本合格${v.ratings['基本合格']}名、不合格${v.ratings['不合格']}名。`,
  ];
  for (const g of ['优秀', '基本合格', '不合格']) if (names(v, g).length) results.push(`评为${g}的党员：${names(v, g).join('、')}。`);
  if (v.probationary) results.push(`预备党员${v.probationary}名参加评议，不定等次：${v.lines.filter((l) => l.partyStatus === '预备').map((l) => l.name).join('、')}。`);
  results.push(
    v.ratings['优秀'] > v.excellentLimit
      ? `本支部正式党员${v.formalMembers}名，评为优秀${v.ratings['优秀']}名，超过三分之一（${v.excellentLimit}名），请党委审核。`
      : `本支部正式党员${v.formalMembers}名，评为优秀${v.ratings['优秀']}名，未超过三分之一（${v.excellentLimit}名）。`,
  );
  const after = ['对评为优秀的党员，作为评先评优的重要依据；对评为基本合格的党员，指出差距，限期改进。'];
  if (v.ratings['不合格']) after.push(`对评为不合格的党员${names(v, '不合格').join('、')}，先进行教育帮助，再按照《中国共产党不合格党员组织处置办法》提出处置意见，报党委备案。`);
  const heading = `${v.branch}关于${v.year}年度民主评议党员情况的报告`;
  const bytes = await evaluationReportDocument({
    heading, addressee: await committeeName(ctx),
    sections: [{ heading: '评议开展情况', paragraphs: how }, { heading: '评议结果', paragraphs: results }, { heading: '结果运用', paragraphs: after }],
    signer: v.branch, issuedOn: ctx.platform.today() < v.heldOn ? v.heldOn : ctx.platform.today(),
  });
  return { fileName: `${v.year}年度${v.branch}民主评议党员情况报告.docx`, bytes };
}
