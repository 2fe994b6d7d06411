/**
 * The text of the four parts, in the example summary's words (work-summary-example.txt), with each figure
 * written as a placeholder {{key}} so it stays linked to the ledger: `render` puts the values in, and a
 * figure the ledger does not have prints 【待补充：…】. A sentence whose area has no data for the period is
 * written as one 【待补充：…】 naming what to fill in. Parts 三 and 四 come from problems.ts.
 */
import type { SummaryFigures } from './figures.ts';
import type { NextLine, ProblemLine } from './problems.ts';
import { chineseDate } from '../../common/labels.ts';

export const SECTION_TITLES = ['一、基本情况', '二、经验做法及成效', '三、存在的主要问题', '四、下步工作措施建议'] as const;
const ORDINAL = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** "上半年", "全年", or "2026年3月1日至2026年5月31日" */
export function periodWords(from: string, to: string): string {
  const y = from.slice(0, 4);
  if (to.slice(0, 4) === y && from.endsWith('-01-01')) {
    if (to.endsWith('-06-30')) return '上半年';
    if (to.endsWith('-12-31')) return '全年';
  }
  return `${chineseDate(from)}至${chineseDate(to)}`;
}

export function summaryTitle(unit: string, from: string, to: string): string {
  const p = periodWords(from, to);
  const y = from.slice(0, 4);
  return p === '上半年' ? `${unit}${y}年上半年党建工作总结` : p === '全年' ? `${unit}${y}年度党建工作总结` : `${unit}党建工作总结（${p}）`;
}

export interface DraftInput {
  figures: SummaryFigures;
  unit: string;
  upperBody: string;
  problems: ProblemLine[];
  next: NextLine[];
}

export function draftSections(d: DraftInput): string[] {
  const f = d.figures.figures;
  const has = (...keys: string[]) => keys.every((k) => f[k] && f[k]!.value !== null);
  const gap = (what: string) => `【待补充：${what}】`;
  const missWhat = (key: string) => d.figures.missing.find((m) => m.keys.includes(key))?.what ?? f[key]?.label ?? key;
  const say = (keys: string[], text: string) => (has(...keys) ? text : gap(missWhat(keys.find((k) => !has(k)) ?? keys[0]!)));
  const p = periodWords(d.figures.from, d.figures.to);
  const asOf = chineseDate(d.figures.to);
  const committee = !d.figures.branchId;
  const org = committee ? '党委' : '支部';
  const nz = (k: string) => has(k) && Number(f[k]!.value) > 0;

  // 一、基本情况
  const cats = Object.values(f).filter((x) => x.key.startsWith('category:') && Number(x.value) > 0).map((x) => `${x.key.slice(9)}党员{{${x.key}}}名`);
  const s1 = [
    committee
      ? say(['members'], `截至${asOf}，${d.unit}下设党支部{{branches}}个，共有党员{{members}}名，其中正式党员{{fullMembers}}名、预备党员{{probationaryMembers}}名${cats.length ? `；${cats.join('、')}` : ''}。`)
      : `截至${asOf}，${d.figures.scope}共有党员{{members}}名。`,
    say(['meetings'], `${p}，${committee ? '分局党委及各支部' : d.figures.scope}共开展组织生活{{meetings}}次。`) + gap('单位概况、党建工作总体情况'),
  ];

  // 二、经验做法及成效
  const life: string[] = [];
  if (nz('democraticLifeMeetings') || nz('orgLifeMeetings')) {
    const bits = [nz('democraticLifeMeetings') ? '召开民主生活会{{democraticLifeMeetings}}次' : '', nz('orgLifeMeetings') ? '各支部召开组织生活会{{orgLifeMeetings}}次、累计参加{{orgLifeMeetingsAttendances}}人次' : ''].filter(Boolean);
    life.push(`认真开展组织生活。${bits.join('，')}。`);
  } else life.push(`认真开展组织生活。${gap('民主生活会、组织生活会召开情况')}`);
  life.push(
    say(['evaluationBranches'], `组织{{evaluationBranches}}个支部开展民主评议党员，参评党员{{evaluated}}名，评为优秀{{rated:优秀}}名、合格{{rated:合格}}名${nz('rated:基本合格') ? '、基本合格{{rated:基本合格}}名' : ''}${nz('rated:不合格') ? '、不合格{{rated:不合格}}名' : ''}。`),
  );
  life.push(gap('党组织书记抓基层党建工作述职评议、党费审计情况（台账未记录）'));
  if (committee && has('workPlanName')) life.push('研究和部署了年度党建工作，制定了{{workPlanName}}，把党支部标准化规范化建设、党员教育管理列入党建工作重要内容。');
  const stars = [5, 4, 3, 2, 1].filter((n) => nz(`stars:${n}`)).map((n) => `{{stars:${n}}}个支部被评定为${ORDINAL[n - 1]}星支部`);
  life.push(say(['starsYear'], `组织开展{{starsYear}}年度各支部评星定级工作，${stars.join('，')}。`));
  const study: string[] = [];
  if (committee) {
    study.push(say(['centralGroupSessions'], `抓好党员教育管理。${p}党委中心组集中学习{{centralGroupSessions}}次，累计参学人员{{centralGroupAttendances}}人次${nz('centralGroupSeminars') ? '，开展专题研讨{{centralGroupSeminars}}次' : ''}。`));
    study.push(say(['firstTopicRate'], `固化“第一议题”制度，应落实“第一议题”的会议{{firstTopicMeetings}}次，落实率{{firstTopicRate}}。`));
    study.push(say(['testSentence'], `常态化开展政治理论知识测试，${p}共组织测试{{tests}}次，{{testSentence}}。`));
    study.push(say(['rulesIssued'], `制定印发{{rulesFirst}}等各项制度{{rulesIssued}}个。`) + say(['studyReminders'], `每月下发学习提醒，${p}共下发{{studyReminders}}期。`) + say(['monthlyNotices'], `每月下发党建工作提醒，${p}共下发{{monthlyNotices}}期。`));
  }
  const meetingBits = [
    nz('branchAssemblies') ? '支部党员大会{{branchAssemblies}}次' : '',
    nz('branchCommittees') ? '支部委员会{{branchCommittees}}次' : '',
    nz('groupMeetings') ? '党小组会{{groupMeetings}}次' : '',
    nz('partyLectures') ? '党课{{partyLectures}}次' : '',
  ].filter(Boolean);
  study.push(say(['meetings'], meetingBits.length ? `规范支部“三会一课”。${p}共召开${meetingBits.join('、')}。` : `规范支部“三会一课”。${gap('“三会一课”开展情况')}`));
  if (committee) study.push(say(['careSentence'], `组织{{careSentence}}。`));
  study.push(say(['meetings'], `创新主题党日活动，激发支部活力。截至${asOf}，${committee ? '分局各支部' : d.figures.scope}共开展主题党日活动{{themeDays}}次，累计参加人次{{themeDayAttendances}}人次。`));
  const base: string[] = [];
  if (committee) {
    base.push(say(['developedMembers'], `积极做好发展党员工作。严格按程序、按计划发展党员，坚持“成熟一个，发展一个”。${p}发展党员{{developedMembers}}名${nz('activists') ? '，确定入党积极分子{{activists}}名' : ''}${nz('candidates') ? '，确定发展对象{{candidates}}名' : ''}${nz('conversions') ? '，预备党员按期转正{{conversions}}名' : ''}。`));
    base.push(`做好党组织关系转接工作。截至${asOf}，${p === '上半年' || p === '全年' ? '我局' : '本期'}转入党员{{transfersIn}}名，转出{{transfersOut}}名。`);
  }
  base.push(
    say(['duesDueFen'], `严格落实党费管理制度。${p}应缴党费{{duesDueFen}}元，实缴{{duesPaidFen}}元，收缴率{{duesRate}}。`) +
      say(['duesFullyRemittedThrough'], `截至${asOf}，${committee ? '我局全体党员' : '本支部党员'}{{duesFullyRemittedThrough}}的党费已全额上缴至${committee ? d.upperBody : '分局党委'}。`),
  );
  const style: string[] = [];
  if (committee) {
    style.push(say(['planName'], `制定了{{planName}}，从{{planAspects}}个方面制定整改措施{{planItems}}条，逐一明确责任单位、整改目标。`) + (has('planMeasures') && Number(f.planMeasures!.value) > 0
          ? `截至${asOf}，{{planMeasures}}条整改措施已完成{{planClosed}}条${f.planRate!.value === null ? '' : '，销号率{{planRate}}'}。` +
            (has('rectificationItems') && f.rectificationItems!.value !== f.planMeasures!.value ? `整改台账共有整改事项{{rectificationItems}}条，已销号{{rectificationClosed}}条，销号率{{rectificationRate}}。` : '')
          : say(['rectificationItems'], `截至${asOf}，{{rectificationItems}}条整改措施已完成{{rectificationClosed}}条，销号率{{rectificationRate}}。`)));
  }
  const sub = [
    ['履行党建工作责任，强化基层党的建设。', life],
    ['加强学习教育，夯实党建基础。', study],
    ['夯实党组织基础，提升党建引领效能。', base],
    ['加强作风建设，打造过硬队伍。', style],
  ] as const;
  const s2 = sub.filter(([, l]) => l.length).map(([h, l], i) => `（${ORDINAL[i]}）${h}${l.join('')}`);

  // 三、存在的主要问题
  const s3 = d.problems.length
    ? d.problems.map((x, i) => `${ORDINAL[i]}是${x.head}。${x.text}`)
    : ['对照台账，本期未发现组织生活缺项、检查清单缺项、党费欠缴和超期未整改问题。'];
  s3.push(gap('其他存在的问题'));

  // 四、下步工作措施建议
  const s4 = d.next.map((x, i) => `（${ORDINAL[i]}）${x.head}。${x.text}`);
  s4.push(`（${ORDINAL[s4.length]}）深化党建带队建工作，进一步强化组织建设。每月下发党建工作提醒，提升党建队建工作成效。${gap('下步其他工作措施')}`);
  void org;
  return [s1.join('\n'), s2.join('\n'), s3.join('\n'), s4.join('\n')];
}

const TOKEN = /\{\{([^{}]+)\}\}/g;

/** The figure keys a text uses. */
export const keysOf = (text: string): string[] => [...new Set([...text.matchAll(TOKEN)].map((m) => m[1]!))];

/** The text with each {{key}} replaced by its value; a key without a value prints 【待补充：label】. */
export function render(text: string, figures: Record<string, { text: string; value: unknown; label: string }>): string {
  return text.replace(TOKEN, (_, k: string) => {
    const x = figures[k];
    return x && x.value !== null ? x.text : `【待补充：${x?.label ?? k}】`;
  });
}

/** Every 【待补充：…】 left in a text, with the section it stands in. */
export function gapsOf(sections: string[]): { section: string; text: string }[] {
  return sections.flatMap((s, i) => [...s.matchAll(/【待补充：([^】]*)】/g)].map((m) => ({ section: SECTION_TITLES[i] ?? '', text: m[1]! })));
}
