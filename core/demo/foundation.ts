/**
 * The demo bureau's organization and roster: a fictional 公安分局党委 with 11
 * branches and 99 members. Everything is drawn from a seeded generator, dated
 * relative to the ledger's "today", so later areas can extend it.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../context.ts';
import { addDays, addMonths, addYears, fmt } from '../dates.ts';
import { makeIdNumber } from '../members/idcard.ts';
import type { Rng } from './random.ts';
import type { DemoState } from './types.ts';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN_M = ['建国', '志强', '海涛', '伟', '磊', '军', '勇', '斌', '浩然', '宏伟', '振华', '立新', '晓东', '国栋', '鹏', '超', '俊杰', '文博', '明辉', '永刚', '德胜', '子豪', '宇航', '云飞', '学军', '卫东', '少华', '家豪', '锐', '嘉诚'];
const GIVEN_F = ['秀英', '丽', '敏', '静', '艳', '婷', '雪梅', '晓燕', '桂兰', '慧', '佳怡', '梦瑶', '春燕', '玉兰', '红霞', '海燕', '欣然', '思琪', '雨桐', '文静'];
const PLACES = ['山东济南', '河北保定', '河南郑州', '江苏徐州', '安徽合肥', '湖北武汉', '湖南长沙', '四川成都', '山西太原', '陕西西安', '辽宁沈阳', '浙江温州'];
const REGIONS = ['370102', '130602', '410105', '320302', '340102', '420102', '430102', '510104', '140105', '610102', '210102', '330302'];
const EDUS = ['大学本科', '大学本科', '大学本科', '研究生', '大学专科', '大学专科', '中专', '高中'];
const RANKS = ['一级警司', '二级警司', '三级警司', '一级警督', '二级警督', '三级警督', '二级警长', '一级警长'];

interface BranchPlan {
  name: string;
  unit: string;
  policeType: string;
  positions: string[];
  size: number;
  groups: string[];
  retired?: boolean;
}

const BRANCHES: BranchPlan[] = [
  { name: '机关第一党支部', unit: '分局政治处', policeType: '政工', positions: ['主任', '副主任', '科员', '一级主任科员'], size: 10, groups: [] },
  { name: '机关第二党支部', unit: '分局指挥中心', policeType: '指挥', positions: ['主任', '值班长', '民警', '四级高级警长'], size: 9, groups: [] },
  { name: '刑侦大队党支部', unit: '刑侦大队', policeType: '刑侦', positions: ['大队长', '教导员', '中队长', '侦查员'], size: 13, groups: ['第一党小组', '第二党小组'] },
  { name: '治安大队党支部', unit: '治安大队', policeType: '治安', positions: ['大队长', '教导员', '民警'], size: 9, groups: [] },
  { name: '城关派出所党支部', unit: '城关派出所', policeType: '派出所', positions: ['所长', '教导员', '副所长', '社区民警', '民警'], size: 11, groups: ['社区警务党小组', '案件办理党小组'] },
  { name: '东城派出所党支部', unit: '东城派出所', policeType: '派出所', positions: ['所长', '教导员', '副所长', '社区民警', '民警'], size: 8, groups: [] },
  { name: '西城派出所党支部', unit: '西城派出所', policeType: '派出所', positions: ['所长', '教导员', '副所长', '社区民警'], size: 8, groups: [] },
  { name: '南关派出所党支部', unit: '南关派出所', policeType: '派出所', positions: ['所长', '教导员', '民警'], size: 7, groups: [] },
  { name: '交警中队党支部', unit: '交警中队', policeType: '交警', positions: ['中队长', '指导员', '民警'], size: 8, groups: [] },
  { name: '巡特警大队党支部', unit: '巡特警大队', policeType: '特警', positions: ['大队长', '教导员', '中队长', '队员'], size: 8, groups: [] },
  { name: '退休党支部', unit: '分局', policeType: '', positions: ['退休民警'], size: 8, groups: [], retired: true },
];

export async function demoFoundation(ctx: Ctx, tx: Transaction<DB>, rng: Rng, state: DemoState): Promise<void> {
  const today = ctx.platform.today();
  const thisYear = Number(today.slice(0, 4));
  const now = ctx.platform.now();
  const unit = (kind: string, name: string, parent: string | null, sort: number, est: string, termStart: string | null) => {
    const id = ctx.platform.newId();
    return tx
      .insertInto('org_units')
      .values({
        id, parent_id: parent, kind, name, short_name: null, established_on: est, term_years: kind === '党委' ? 5 : kind === '党支部' ? 3 : null,
        term_start_on: termStart, sort_order: sort, note: null, created_at: now, updated_at: now, deleted_at: null,
      })
      .execute()
      .then(() => id);
  };
  const settings: [string, string][] = [
    ['org.unitName', '江城市公安局临江分局'],
    ['org.committeeName', '中共江城市公安局临江分局委员会'],
    ['org.sealText', '中共江城市公安局临江分局委员会'],
  ];
  for (const [key, v] of settings) await tx.insertInto('settings').values({ key, value_json: JSON.stringify(v), updated_at: now }).execute();
  state.committeeId = await unit('党委', '中共江城市公安局临江分局委员会', null, 0, '1984-03-01', `${thisYear - 2}-06-18`);

  let seq = 0;
  for (const [bi, plan] of BRANCHES.entries()) {
    // Two branches are due for 换届 this year or next, so the term column has something to show.
    const termStart = bi === 3 ? `${thisYear - 3}-04-10` : bi === 8 ? `${thisYear - 2}-12-20` : `${thisYear - 1 - (bi % 2)}-0${(bi % 9) + 1}-15`;
    const branchId = await unit('党支部', plan.name, state.committeeId, (bi + 1) * 10, `${1985 + bi * 3}-07-01`, termStart);
    const groupIds: string[] = [];
    for (const [gi, g] of plan.groups.entries()) groupIds.push(await unit('党小组', g, branchId, gi + 1, `${2010 + gi}-03-01`, null));
    const members: DemoState['branches'][number]['members'] = [];
    for (let k = 0; k < plan.size; k++) {
      seq++;
      const male = rng.chance(plan.retired ? 0.8 : 0.78);
      const name = rng.pick([...SURNAMES]) + rng.pick(male ? GIVEN_M : GIVEN_F);
      const age = plan.retired ? rng.int(61, 82) : rng.int(24, 58);
      const birth = fmt(thisYear - age, rng.int(1, 12), rng.int(1, 28));
      const place = rng.int(0, PLACES.length - 1);
      const idNumber = makeIdNumber(REGIONS[place], birth, 100 + seq * 7, male);
      // A few recent joiners are still probationary (预备党员).
      const probationary = !plan.retired && (seq === 12 || seq === 47 || seq === 73);
      const joinDate = probationary ? addMonths(today, -rng.int(3, 10)) : addDays(addYears(birth, rng.int(20, Math.min(age - 3, 35))), rng.int(0, 300));
      const fullDate = probationary ? null : addYears(joinDate, 1);
      const workStart = addDays(addYears(birth, rng.int(19, 23)), rng.int(0, 200));
      const position = plan.retired ? null : k === 0 ? plan.positions[0] : k === 1 ? plan.positions[1] : rng.pick(plan.positions.slice(2).length ? plan.positions.slice(2) : plan.positions);
      const id = ctx.platform.newId();
      await tx
        .insertInto('members')
        .values({
          id, name, gender: male ? '男' : '女', ethnicity: rng.chance(0.92) ? '汉族' : rng.pick(['回族', '满族', '蒙古族', '壮族']),
          birth_date: birth, id_number: idNumber, native_place: PLACES[place], education: plan.retired ? rng.pick(['大学专科', '中专', '高中']) : rng.pick(EDUS),
          work_start_date: workStart < today ? workStart : null, join_date: joinDate, full_date: fullDate, party_status: probationary ? '预备' : '正式',
          category: plan.retired ? '离退休' : '在职', work_unit: plan.unit, police_type: plan.policeType || null, position,
          police_rank: plan.retired ? null : rng.pick(RANKS), phone: `1${rng.pick(['35', '38', '39', '58', '86'])}${String(rng.int(10000000, 99999999))}`,
          branch_id: branchId, group_id: groupIds.length ? groupIds[k % groupIds.length] : null, note: null,
          left_type: null, left_date: null, left_reason: null, created_at: now, updated_at: now, deleted_at: null,
        })
        .execute();
      members.push({ id, name, joinDate, partyStatus: probationary ? '预备' : '正式', category: plan.retired ? '离退休' : '在职' });
    }
    const roles = plan.retired ? ['书记', '组织委员'] : ['书记', '组织委员', '宣传委员', '纪检委员'];
    // Only 正式党员 can be elected to a committee (党章第七条), so the 预备党员 hold no post.
    const eligible = members.filter((m) => m.partyStatus === '正式');
    for (const [ri, role] of roles.entries()) {
      const m = eligible[ri];
      await tx
        .insertInto('org_roles')
        .values({ id: ctx.platform.newId(), org_id: branchId, member_id: m.id, person_name: m.name, role, start_on: termStart, end_on: null, created_at: now, deleted_at: null })
        .execute();
    }
    state.branches.push({ id: branchId, name: plan.name, groupIds, members });
  }
  // The Party committee's own members, drawn from the organs' branch leaders.
  const leaders = [state.branches[0].members[0], state.branches[1].members[0], state.branches[0].members[1], state.branches[2].members[1], state.branches[4].members[1]];
  const committeeRoles = ['书记', '副书记', '组织委员', '纪检委员', '宣传委员'];
  for (const [i, m] of leaders.entries()) {
    await tx
      .insertInto('org_roles')
      .values({ id: ctx.platform.newId(), org_id: state.committeeId, member_id: m.id, person_name: m.name, role: committeeRoles[i], start_on: `${thisYear - 2}-06-18`, end_on: null, created_at: now, deleted_at: null })
      .execute();
  }
}
