/**
 * The view model of the 党费专项检查自查报告 (.docx, templates/dues-report-docx.ts): the year's figures, every
 * mismatch found, and the remedies of exactly those findings. Rounding is stated once as policy, not as a finding;
 * only arrears at the unit's 需支部研究 threshold raise the 自行脱党 question. The standards of every member are
 * the 附件, after the signature.
 */
import type { DuesDocModel } from '../../templates/dues-report-docx.ts';
import { yuan } from './calc.ts';
import { monthLabel } from './months.ts';
import { pct } from './reports-common.ts';
import { balanceOf, branchTable, monthsSpan } from './reports-publication.ts';
import type { YearSummary } from './reports-year.ts';
import { chineseDate } from '../../common/labels.ts';

type FindingKind = 'standards' | 'remit' | 'amount' | 'raised' | 'arrears' | 'critical' | 'balance' | 'publish' | 'limit';
interface Finding {
  kind: FindingKind;
  text: string;
}

const ATTACHMENT = '党员党费核定标准一览';

export function auditFindings(s: YearSummary): Finding[] {
  const out: Finding[] = [];
  const add = (kind: FindingKind, text: string) => out.push({ kind, text });
  if (s.unassessed.length) add('standards', `未核定党费标准${s.unassessed.length}人：${s.unassessed.join('、')}。`);
  if (s.unapproved) add('standards', `核定标准尚未经党委审批${s.unapproved}人。`);
  for (const r of s.branchRows) {
    const remit = r.problems.filter((p) => !p.startsWith('少收'));
    if (remit.length) add('remit', `${r.orgName}：应上缴${yuan(r.expectedRemitFen)}元，实上缴${yuan(r.remittedFen)}元，${remit.join('，')}。`);
  }
  if (s.committeeRow?.problems.length) add('remit', `分局党委上缴${s.upperBody}：应缴${yuan(s.committeeRow.expectedRemitFen)}元，实缴${yuan(s.committeeRow.remittedFen)}元，${s.committeeRow.problems.join('，')}。`);
  for (const d of s.differentAmounts) add('amount', `${d.name}${monthLabel(d.month)}实缴${yuan(d.paidFen)}元，核定标准${yuan(d.dueFen)}元（原因：${d.reason || '未注明'}）。`);
  for (const r of s.raisedShort) add('raised', `${r.name}${monthLabel(r.from)}${r.to !== r.from ? `至${monthLabel(r.to)}` : ''}按原标准缴纳，按现行标准尚差${yuan(r.shortFen)}元，应在下次缴纳党费时补交。`);
  for (const a of s.arrears)
    add(a.severity === 'critical' ? 'critical' : 'arrears', `${a.member}（${a.branch}）${monthLabel(a.months[0])}起连续${a.consecutiveUnpaidMonths}个月未缴纳党费，欠缴${yuan(a.owedFen)}元${a.severity === 'critical' ? '，需支部研究' : ''}。`);
  const balance = balanceOf(s);
  if (balance < 0) add('balance', `分局党委党费收支倒挂：上年结转${yuan(s.carriedInFen)}元，收到${yuan(s.receivedFen)}元，上缴${yuan(s.remittedUpFen)}元，使用${yuan(s.expenseTotalFen)}元，结存为${yuan(balance)}元，请核对是否漏记上级下拨或上年结余。`);
  if (!s.publications.length) add('publish', `${s.year}年度党费收缴、使用和管理情况尚未登记向党员公布。`);
  for (const b of s.beyondLimit) add('limit', `${b.name}${monthLabel(b.month)}党费于${chineseDate(b.paidOn)}${b.kind}，超过${b.limitMonths}个月，支部同意记录：${b.consent}。`);
  return out;
}

/** One remedy per kind of finding present, in the order of the findings' kinds. */
function remedies(s: YearSummary, found: Finding[]): string[] {
  const has = (k: FindingKind) => found.some((f) => f.kind === k);
  const text: [FindingKind, string][] = [
    ['standards', '对未核定或未审批的党费标准，由党支部限期核定，报分局党委审批后执行。'],
    ['remit', '对上缴金额不符的，核对收缴台账和银行凭证，补缴或说明原因。'],
    ['amount', '对实缴金额与核定标准不一致的，逐笔核实原因，按核定标准补交或退还。'],
    ['raised', '对标准调高后按原标准缴纳的，由党支部通知本人在下次缴纳党费时补交差额。'],
    ['arrears', '对欠缴党费的党员，由所在党支部谈心谈话、批评教育，督促限期补交。'],
    ['critical', `对连续${s.criticalMonths}个月以上未缴纳党费的党员，由所在党支部研究提出处理意见，按程序报上级党组织批准。`],
    ['balance', '核对党费收支，补记上级下拨或上年结余，做到账实相符。'],
    ['publish', `及时向党员公布${s.year}年度党费收缴、使用和管理情况，并登记公布日期和方式。`],
    ['limit', '严格执行补交、预交期限规定，确需超过期限的，经党支部同意并记录在案。'],
  ];
  const NUM = '一二三四五六七八九十';
  return text.filter(([k]) => has(k)).map(([, t], i) => `（${NUM[i]}）${t}`);
}

export function auditReportModel(s: YearSummary, date: string): DuesDocModel {
  const found = auditFindings(s);
  const fixes = remedies(s, found);
  const collectSpan = monthsSpan(s.year, s.end);
  const remitSpan = monthsSpan(s.year, s.remitEnd);
  const critical = s.arrears.filter((a) => a.severity === 'critical').length;
  return {
    title: `${s.committee}${s.year}年度党费专项检查自查报告`,
    intro: [`按照党费专项检查工作要求，${s.committee.replace(/^中共/, '')}对照《关于中国共产党党费收缴、使用和管理的规定》（中组发〔2008〕3号）和《关于进一步规范党费工作的通知》（组电明字〔2017〕5号），对${s.year}年度党费收缴、使用和管理情况进行了自查。现将有关情况报告如下。`],
    sections: [
      {
        heading: '一、党费核定情况',
        paragraphs: [
          `全委应缴纳党费党员${s.members}名。党费标准按年初核定，按月缴纳，计算基数按税后工资中相对固定、经常性的部分确定，按全额累进比例计算。各党员核定标准见附件。`,
          ...s.settingsText.map((t) => `${t}。`),
          `按类别：${s.categories.map((c) => `${c.category}${c.members}人（每月合计${yuan(c.monthlyFen)}元）`).join('，') || '无'}。`,
          `按比例：${s.brackets.map((b) => `${b.label}的${b.members}人`).join('，') || '无'}。`,
          s.capApplied.length ? `按每月不超过上限封顶${s.capApplied.length}人：${s.capApplied.join('、')}。` : '无按上限封顶的党员。',
          s.hardship.length ? `经批准少交或免交${s.hardship.length}人：${s.hardship.map((h) => `${h.name}（${h.ref}，每月${yuan(h.monthlyFen)}元）`).join('、')}。` : '无经批准少交或免交党费的党员。',
        ],
      },
      {
        heading: '二、党费收缴情况',
        paragraphs: [`${s.year}年${collectSpan}应缴党费${yuan(s.dueFen)}元，实缴${yuan(s.collectedFen)}元，收缴率${pct(s.collectedFen, s.dueFen)}。各党支部收缴和上缴情况如下：`],
        table: branchTable(s),
      },
      {
        heading: '三、欠缴党费情况',
        paragraphs: s.arrears.length
          ? [
              `连续${s.warnMonths}个月以上未缴纳党费的党员${s.arrears.length}名，已由所在党支部谈心谈话、督促补交` +
                (critical
                  ? `；其中连续${s.criticalMonths}个月以上${critical}名，已提请所在党支部研究处理（是否按自行脱党处理，由支部大会讨论决定并报上级党组织批准）。`
                  : '。'),
            ]
          : [`无连续${s.warnMonths}个月以上未缴纳党费的党员。`],
        table: s.arrears.length
          ? { headers: ['姓名', '党支部', '连续未交', '欠缴（元）'], rows: s.arrears.map((a) => [a.member, a.branch, `${a.consecutiveUnpaidMonths}个月`, yuan(a.owedFen)]), widthsMm: [26, 66, 30, 34], align: ['left', 'left', 'right', 'right'] }
          : undefined,
      },
      {
        heading: '四、党费上缴和使用情况',
        paragraphs: [
          remitSpan
            ? `各党支部上缴分局党委${s.year}年${remitSpan}党费${yuan(s.receivedFen)}元；分局党委上缴${s.upperBody}${yuan(s.remittedUpFen)}元${s.committeeRow ? `（按比例应缴${yuan(s.committeeRow.expectedRemitFen)}元）` : ''}。`
            : `${s.year}年度党费尚未到上缴期限。`,
          `上缴金额按每次上缴所属期间的实收党费乘以上缴比例计算，四舍五入到分${s.roundingFen ? `；全年合计与按全年金额计算相差${yuan(s.roundingFen)}元，系逐次舍入所致，不作为问题` : ''}。`,
          s.expenses.length ? `${s.end >= `${s.year}-12` ? '全年' : `截至${chineseDate(date)}，本年`}使用党费${yuan(s.expenseTotalFen)}元：${s.expenses.map((e) => `${e.purpose}${yuan(e.amountFen)}元`).join('，')}。` : '本年度未使用党费。',
          `截至${chineseDate(date)}，分局党委党费结存${yuan(balanceOf(s))}元（上年结转${yuan(s.carriedInFen)}元）。`,
          s.publications.length ? `已于${s.publications.map((p) => `${chineseDate(p.publishedOn)}通过${p.medium}`).join('、')}向党员公布党费收缴、使用和管理情况。` : '本年度党费收缴、使用和管理情况尚未向党员公布。',
        ],
      },
      {
        heading: '五、自查发现的问题',
        paragraphs: found.length ? found.map((f, i) => `${i + 1}.${f.text}`) : ['经自查，未发现党费核定、收缴、上缴和使用方面的问题。'],
      },
      {
        heading: '六、整改措施',
        paragraphs: fixes.length ? fixes : ['继续按规定核定、收缴、上缴和使用党费，每年向党员公布一次党费收缴、使用和管理情况。'],
      },
    ],
    signer: s.committee,
    date,
    attachments: [
      {
        title: ATTACHMENT,
        table: {
          headers: ['姓名', '党支部', '类别', '计算基数', '比例', '月缴', '备注'],
          rows: s.standards.map((x) => [x.name, x.branch, x.category, yuan(x.baseFen), x.rate, yuan(x.monthlyFen), x.note]),
          widthsMm: [22, 38, 16, 21, 13, 18, 28],
          align: ['left', 'left', 'center', 'right', 'right', 'right', 'left'],
        },
      },
    ],
  };
}
