/** 党费: settings, assessment, collection, arrears, remittance, spending and documents. */
import { checkExpenseRestore } from './spending.ts';
import { defineArea } from '../area.ts';
import { duesHandlers } from './handlers.ts';
import { duesSettingDefaults } from './settings.ts';
import { demoDues } from './demo.ts';
import { summaries } from './summaries.ts';
import { yuan } from '../../common/money.ts';

const yuanText = (fen: unknown) => `${yuan(Number(fen))} 元`;

export const duesArea = defineArea({
  name: 'dues',
  title: '党费',
  handlers: duesHandlers,
  summaries,
  labels: {
    memberId: '党员',
    baseFen: '计算基数',
    reducedFen: '减免后金额',
    hardshipRef: '批准文号',
    fromMonth: '调整起始月份',
    months: '缴纳月份',
    paidOn: '缴纳日期',
    method: '缴纳方式',
    payKind: '缴纳类型',
    amountFen: '金额',
    payerName: '代缴人',
    receiptNo: '收据号',
    consentRef: '支部同意记录',
    periodFrom: '所属期间起',
    periodTo: '所属期间止',
    remittedOn: '上缴日期',
    voucherNo: '凭证号',
    fromOrgId: '上缴单位',
    asOf: '截至月份',
    approvedBy: '审批人',
    approvedOn: '审批日期',
    from: '起始月份',
    to: '截止月份',
    date: '落款日期',
    rounding: '舍入方式',
    capEnabled: '每月上限',
    capFen: '每月上限金额',
    fixedLowFen: '定额标准',
    farmerFen: '农民党员定额',
    fixPolicy: '核定方式',
    probationStart: '预备党员起缴月份',
    payItems: '工资项目',
    name: '项目名称',
    kind: '收入或扣除',
    include: '计入基数',
    group: '项目来源',
    warnMonths: '欠缴提醒月数',
    criticalMonths: '需支部研究的欠缴月数',
    arrearsLimitMonths: '补交上限月数',
    prepayLimitMonths: '预交上限月数',
    branchRemitRatioBp: '支部上缴比例',
    committeeRemitRatioBp: '党委上缴比例',
    remitEveryMonths: '上缴周期',
    upperBodyName: '上级党组织名称',
    entries: '核定',
    category: '人员类别',
    items: '工资项目金额',
    collector: '收款人',
    minMonths: '最少欠缴月数',
    level: '上缴层级',
    publishedOn: '公布日期',
    medium: '公布方式',
    spentOn: '使用日期',
    purpose: '用途',
    decidedBy: '决定机构',
  },
  recyclable: [
    { table: 'dues_payments', title: '党费缴纳记录', label: (r) => `${r.month} ${yuanText(r.paid_fen)}` },
    { table: 'dues_remittances', title: '党费上缴记录', label: (r) => `${r.period_from}至${r.period_to} ${yuanText(r.amount_fen)}` },
    { table: 'dues_expenses', title: '党费使用记录', label: (r) => `${r.spent_on} ${r.purpose} ${yuanText(r.amount_fen)}`, onRestore: (tx, _ctx, id) => checkExpenseRestore(tx, id) },
  ],
  settingDefaults: duesSettingDefaults,
  // last: it assesses and collects from everyone the earlier steps put on the roster
  demo: { title: '党费', run: demoDues },
  tables: ['dues_assessments', 'dues_payments', 'dues_remittances', 'dues_expenses', 'dues_publications'],
});
