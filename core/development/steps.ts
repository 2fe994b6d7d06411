/**
 * The 5 stages and 25 steps of 发展党员 (2014 细则), as data: who acts, which
 * steps must come first, and which documents the file must hold afterwards.
 * Step numbers are those of shared/reference/development.md §3.1.
 */

export const STAGES = ['申请入党', '入党积极分子的确定和培养教育', '发展对象的确定和考察', '预备党员的接收', '预备党员的教育考察和转正'] as const;

/** What a person in the file is called at each stage (shared with the renderer). */
export { STAGE_TITLES, type StageTitle } from '../../common/enums.ts';

export interface StepDef {
  n: number;
  /** 1..5 */
  stage: number;
  name: string;
  actor: string;
  /** Steps that must be recorded, on or before this step's date. */
  after: number[];
  /** Documents the file must hold once the step is done. */
  documents: string[];
}

export const STEPS: StepDef[] = [
  { n: 1, stage: 1, name: '递交入党申请书', actor: '申请人', after: [], documents: ['入党申请书'] },
  { n: 2, stage: 1, name: '党组织派人谈话', actor: '支部书记、副书记或组织委员', after: [1], documents: ['谈话记录'] },
  { n: 3, stage: 2, name: '推荐和确定入党积极分子', actor: '支部委员会', after: [2], documents: ['推荐情况统计', '支委会会议记录', '入党积极分子登记表'] },
  { n: 4, stage: 2, name: '上级党委备案', actor: '上级党委', after: [3], documents: ['入党积极分子备案表'] },
  { n: 5, stage: 2, name: '指定培养联系人', actor: '支部委员会', after: [3], documents: ['培养联系人登记'] },
  { n: 6, stage: 2, name: '培养教育考察', actor: '培养联系人、支部委员会', after: [5], documents: ['入党积极分子培养考察登记表', '思想汇报'] },
  { n: 7, stage: 3, name: '确定发展对象', actor: '支部委员会', after: [4, 6], documents: ['支委会会议记录', '征求意见情况记录'] },
  { n: 8, stage: 3, name: '报上级党委备案', actor: '上级党委', after: [7], documents: ['发展对象备案表'] },
  { n: 9, stage: 3, name: '确定入党介绍人', actor: '支部委员会', after: [7], documents: ['入党介绍人登记'] },
  { n: 10, stage: 3, name: '进行政治审查', actor: '支部委员会、党委', after: [7], documents: ['政治审查结论性材料'] },
  { n: 11, stage: 3, name: '开展集中培训', actor: '基层党委或县级党委组织部门', after: [7], documents: ['集中培训结业证书'] },
  { n: 12, stage: 4, name: '支部委员会审查', actor: '支部委员会', after: [8, 9, 10, 11], documents: ['支委会审查意见'] },
  { n: 13, stage: 4, name: '上级党委预审', actor: '基层党委', after: [12], documents: ['预审意见'] },
  { n: 14, stage: 4, name: '填写入党志愿书', actor: '发展对象（入党介绍人指导）', after: [13], documents: ['入党志愿书'] },
  { n: 15, stage: 4, name: '支部大会讨论', actor: '支部党员大会', after: [14], documents: ['支部大会决议', '表决票', '支部大会会议记录'] },
  { n: 16, stage: 4, name: '上级党委派人谈话', actor: '党委委员或组织员', after: [15], documents: ['谈话记录（志愿书内）'] },
  { n: 17, stage: 4, name: '上级党委审批', actor: '基层党委', after: [16], documents: ['审批意见（志愿书内）', '党委会会议记录'] },
  { n: 18, stage: 4, name: '再上一级党委组织部门备案', actor: '上一级党委组织部门', after: [17], documents: ['预备党员备案表'] },
  { n: 19, stage: 5, name: '编入党支部和党小组', actor: '支部委员会', after: [17], documents: ['编入党小组记录'] },
  { n: 20, stage: 5, name: '入党宣誓', actor: '基层党委或党支部', after: [17], documents: ['入党宣誓记录'] },
  { n: 21, stage: 5, name: '继续教育考察', actor: '支部委员会', after: [19], documents: ['预备党员考察表'] },
  { n: 22, stage: 5, name: '提出转正申请', actor: '预备党员', after: [17], documents: ['转正申请书'] },
  { n: 23, stage: 5, name: '支部大会讨论转正', actor: '支部党员大会', after: [20, 21, 22], documents: ['支部大会决议', '表决票'] },
  { n: 24, stage: 5, name: '上级党委审批转正', actor: '基层党委', after: [23], documents: ['审批意见'] },
  { n: 25, stage: 5, name: '材料归档', actor: '党支部、党委', after: [18, 24], documents: ['归档材料清单'] },
];

export function stepDef(n: number): StepDef {
  const s = STEPS[n - 1];
  if (!s) throw new Error(`no step ${n}`);
  return s;
}

/** Every step that must precede `n`, directly or through others. */
const ancestorCache = new Map<number, Set<number>>();

export function ancestors(n: number): Set<number> {
  const cached = ancestorCache.get(n);
  if (cached) return cached;
  const out = new Set<number>();
  const walk = (k: number) => {
    for (const a of stepDef(k).after)
      if (!out.has(a)) {
        out.add(a);
        walk(a);
      }
  };
  walk(n);
  ancestorCache.set(n, out);
  return out;
}

export const stepLabel = (n: number) => `第${n}步“${stepDef(n).name}”`;

/** The step numbers by name, so the rules read `STEP.branchMeeting` instead of 15. */
export const STEP = {
  application: 1,
  talk: 2,
  activist: 3,
  activistFiling: 4,
  contactPersons: 5,
  assessment: 6,
  candidate: 7,
  candidateFiling: 8,
  introducers: 9,
  politicalReview: 10,
  training: 11,
  committeeReview: 12,
  preReview: 13,
  applicationForm: 14,
  branchMeeting: 15,
  upperTalk: 16,
  approval: 17,
  probationaryFiling: 18,
  groupAssignment: 19,
  oath: 20,
  probationEducation: 21,
  conversionRequest: 22,
  conversionMeeting: 23,
  conversionApproval: 24,
  archiving: 25,
} as const;
