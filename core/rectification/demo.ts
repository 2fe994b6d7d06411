/**
 * Demo 整改台账 and 制度: the plan "关于强化'严、真、细、实、快'作风建设全面深化从严管党治警的实施意见" with 19 measures
 * in 6 方面 (15 closed with their 佐证, 4 整改中, one of them past its 时限; three owned by branches: 城关派出所 and 刑侦大队
 * closed on time, 治安大队 open), three items raised from last year's
 * 党建工作检查 (two closed, one 长期坚持), four 制度 issued in the first half-year and the year's 党建工作要点 with
 * its items. Everything through this area's own services and the archive's, inside the demo's transaction.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../context.ts';
import type { Rng } from '../demo/random.ts';
import type { DemoState } from '../demo/types.ts';
import { createItem as createArchiveItem } from '../archive/service.ts';
import { addAttachment } from '../attachments/service.ts';
import { addProgressTx, closeItemTx, createItemTx, createPlanTx, linkEvidenceTx, setStatusTx } from './service.ts';
import { addRuleDocTx } from './rules-docs.ts';
import type { ItemInput } from './model.ts';

export const DEMO_PLAN = "关于强化'严、真、细、实、快'作风建设全面深化从严管党治警的实施意见";
const ASPECTS = ['政治建设', '思想作风', '工作作风', '纪律作风', '执法作风', '基层基础'];
const PROBLEMS: [string, string][] = [
  ['理论学习不够深入，学用结合不紧', '中心组每季度开展专题研讨，班子成员带头讲党课'],
  ['“第一议题”学习记录不全', '规范第一议题学习记录，党委办每月检查'],
  ['政治轮训覆盖不全', '组织全员政治轮训，建立台账'],
  ['党员活动不积极', '丰富主题党日形式，实行积分管理'],
  ['支部集中会议不经常', '落实“三会一课”月度提醒，党委每月通报'],
  ['谈心谈话开展不经常', '班子成员每半年与分管单位党员谈心一次'],
  ['服务群众意识不强，窗口办事效率不高', '推行首问负责、限时办结'],
  ['值班备勤纪律松弛', '开展值班备勤专项督察'],
  ['会议多、文件多', '精简会议文件，推行短会'],
  ['调查研究不深入', '班子成员每人确定一个调研课题'],
  ['遵守工作纪律不严', '开展纪律作风集中整顿'],
  ['公车使用管理不规范', '完善公车管理制度，实行派车登记'],
  ['警示教育针对性不强', '组织旁听庭审、参观警示教育基地'],
  ['执法办案不规范，案卷质量不高', '开展执法质量考评，每月通报'],
  ['执法监督不到位', '落实法制员审核制度'],
  ['涉案财物管理不规范', '规范涉案财物管理中心运行'],
  ['党建资料记录内容简单、不规范', '统一党建台账格式，党委办季度检查'],
  ['基层党组织阵地建设薄弱', '规范党员活动室建设'],
  ['发现问题没有第一时间通报整改', '建立问题通报整改销号机制'],
];
const UNITS = ['党委办公室', '政治处', '纪委', '法制大队', '警务保障室', '指挥中心'];
const LEADERS = ['党委书记', '党委副书记', '纪委书记', '分管副局长'];
/** measures a branch answers for (the 评星定级 整改 indicator reads items by 责任单位): measure index → demo branch index */
const BRANCH_OWNED: Record<number, number> = { 13: 4, 14: 2, 16: 3 };

export async function demoRectification(ctx: Ctx, tx: Transaction<DB>, rng: Rng, state: DemoState): Promise<void> {
  const today = ctx.platform.today();
  const withFiles = Boolean(ctx.platform.dataDir) && ctx.platform.dataDir !== ':memory:';
  const year = Number(today.slice(0, 4));
  const at = (md: string) => (`${year}-${md}` <= today ? `${year}-${md}` : today);
  // 佐证: one archive item (binder D, whose 问题和整改清单 it belongs with) per year, linked to each closed item
  const proofs = new Map<number, string>();
  const evidence = async (id: string, y: number) => {
    if (!proofs.has(y)) {
      const docDate = y === year ? at('06-30') : `${y}-12-20`;
      const title = y === year ? '作风建设整改落实佐证材料汇编' : `${y}年度党建工作检查问题整改佐证材料`;
      const row = await createArchiveItem(ctx, tx, { year: y, category: 'D', title, docDate }, { kind: 'upload', recordEntity: 'rect_items' });
      if (withFiles) await addAttachment(ctx, { entity: 'archive_items', entityId: row.id, fileName: `${title}.txt`, bytes: new Uint8Array(Buffer.from(`${title}（演示）`)), kind: '归档文件' }, tx);
      proofs.set(y, row.id);
    }
    await linkEvidenceTx(ctx, tx, id, proofs.get(y)!);
  };
  const committee = (await tx.selectFrom('org_units').select('name').where('id', '=', state.committeeId).executeTakeFirst())?.name ?? '分局党委';
  const owner = () => state.branches[rng.int(0, state.branches.length - 1)]?.members[0]?.name ?? '张伟';

  const { id: planId } = await createPlanTx(ctx, tx, { kind: '整改', name: DEMO_PLAN, docNo: `分局党委〔${year}〕3号`, year, aspects: ASPECTS, note: null });
  const raised = at('01-15');
  // the day before today (when it is not before the day raised): the one overdue measure's 时限
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const lateDue = yesterday >= raised ? yesterday : raised;
  for (let k = 0; k < PROBLEMS.length; k++) {
    const [title, measure] = PROBLEMS[k];
    const overdue = k === 18;
    const open = k >= 15;
    const input: ItemInput = {
      planId, kind: '整改', source: '专项整治', aspect: ASPECTS[Math.min(5, Math.floor(k / 3.2))], title, cause: null, measure, goal: '问题整改到位，形成长效机制',
      leader: LEADERS[k % LEADERS.length], ownerUnit: (BRANCH_OWNED[k] !== undefined ? state.branches[BRANCH_OWNED[k]]?.name : undefined) ?? UNITS[k % UNITS.length], owner: owner(), dueOn: overdue ? lateDue : open ? `${year}-12-31` : at('06-30'),
      raisedOn: raised, note: null, linkKind: null, linkKey: null,
    };
    const { id } = await createItemTx(ctx, tx, input);
    await addProgressTx(ctx, tx, id, at('03-20'), rng.pick(['已制定具体措施，正在推进', '已召开专题会议部署', '已完成阶段性任务']));
    if (!open) {
      await evidence(id, year);
      await setStatusTx(ctx, tx, id, '待验收');
      await closeItemTx(ctx, tx, id, at(`0${rng.int(4, 6)}-${10 + rng.int(0, 18)}`), '李建国');
    }
  }

  // last year's 党建工作检查 findings, carried into this year's ledger
  const last = year - 1;
  const findings: [string, string, string | null][] = [
    ['组织生活会会前谈心谈话记录不全', '规范谈心谈话记录，会前逐一谈心', `${last}-12-31`],
    ['党费收缴公示不及时', '每季度在支部公示党费收缴情况', `${last}-12-31`],
    ['党员学习教育管理需常抓不懈', '每月下发学习提醒，常态化推进', null],
  ];
  for (const [title, measure, dueOn] of findings) {
    const { id } = await createItemTx(ctx, tx, {
      planId: null, kind: '整改', source: '党建工作检查', aspect: null, title, cause: null, measure, goal: null, leader: '党委副书记', ownerUnit: '党委办公室',
      owner: owner(), dueOn, raisedOn: `${last}-11-20`, note: `${last}年度党建工作检查发现`, linkKind: 'inspect', linkKey: `${last}|${title}`,
    });
    if (dueOn) {
      await evidence(id, last);
      await closeItemTx(ctx, tx, id, `${last}-12-20`, '李建国');
    }
  }

  // four 制度 in the first half-year, and the year's 党建工作要点 with items tracked like 整改 items
  const rules: [string, string][] = [
    ['分局党委理论学习中心组学习制度', '02-20'], ['分局党委“第一议题”制度', '03-05'], ['党支部“三会一课”督导检查制度', '04-10'], ['党员积分管理办法', '05-18'],
  ];
  let n = 4;
  for (const [name, md] of rules) {
    await addRuleDocTx(ctx, tx, { name, docNo: `分局党委〔${year}〕${n++}号`, issuer: committee, issuedOn: at(md), category: '制度', note: null }, withFiles ? { fileName: `${name}.txt`, bytes: new Uint8Array(Buffer.from(`${name}（演示正文）`)) } : undefined);
  }
  const points = await addRuleDocTx(ctx, tx, { name: `${year}年度党建工作要点`, docNo: `分局党委〔${year}〕1号`, issuer: committee, issuedOn: at('01-10'), category: '工作要点', note: null }, withFiles ? { fileName: `${year}年度党建工作要点.txt`, bytes: new Uint8Array(Buffer.from(`${year}年度党建工作要点（演示正文）`)) } : undefined);
  const tasks: [string, string | null][] = [
    ['深化理论武装，落实“第一议题”制度', null], ['开展“严、真、细、实、快”作风建设', `${year}-12-31`], ['规范“三会一课”和主题党日', null], ['完成党支部评星定级', `${year}-12-31`],
  ];
  for (const [title, dueOn] of tasks) {
    await createItemTx(ctx, tx, {
      planId: points.planId, kind: '工作要点', source: '其他', aspect: null, title, cause: null, measure: title, goal: null, leader: '党委书记', ownerUnit: '党委办公室',
      owner: owner(), dueOn, raisedOn: at('01-10'), note: null, linkKind: null, linkKey: null,
    });
  }
}
