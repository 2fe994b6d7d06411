/**
 * The demo bureau's roster: 99 members drawn from a seeded generator across
 * the branches of org/demo.ts, three of them recent 预备党员, and the
 * committee posts of every branch and of the 党委. Every record goes through
 * the members and organization services, so the demo meets the clerk's rules
 * (a 预备党员 holds no committee post: 党章第七条).
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../context.ts';
import { addDays, addMonths, addYears, fmt } from '../../common/dates.ts';
import type { Rng } from '../demo/random.ts';
import type { DemoMember, DemoState } from '../demo/types.ts';
import { saveRole } from '../org/service.ts';
import { branchTermStart, committeeTermStart, DEMO_BRANCHES } from '../org/demo.ts';
import { makeIdNumber } from './idcard.ts';
import { createMember } from './service.ts';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN_M = ['建国', '志强', '海涛', '伟', '磊', '军', '勇', '斌', '浩然', '宏伟', '振华', '立新', '晓东', '国栋', '鹏', '超', '俊杰', '文博', '明辉', '永刚', '德胜', '子豪', '宇航', '云飞', '学军', '卫东', '少华', '家豪', '锐', '嘉诚'];
const GIVEN_F = ['秀英', '丽', '敏', '静', '艳', '婷', '雪梅', '晓燕', '桂兰', '慧', '佳怡', '梦瑶', '春燕', '玉兰', '红霞', '海燕', '欣然', '思琪', '雨桐', '文静'];
const PLACES = ['山东济南', '河北保定', '河南郑州', '江苏徐州', '安徽合肥', '湖北武汉', '湖南长沙', '四川成都', '山西太原', '陕西西安', '辽宁沈阳', '浙江温州'];
const REGIONS = ['370102', '130602', '410105', '320302', '340102', '420102', '430102', '510104', '140105', '610102', '210102', '330302'];
const EDUS = ['大学本科', '大学本科', '大学本科', '研究生', '大学专科', '大学专科', '中专', '高中'];
const RANKS = ['一级警司', '二级警司', '三级警司', '一级警督', '二级警督', '三级警督', '二级警长', '一级警长'];

/** The roster of each branch org/demo.ts made, in its order (the draws of the generator depend on it). */
export async function demoMembers(ctx: Ctx, tx: Transaction<DB>, rng: Rng, state: DemoState): Promise<void> {
  const today = ctx.platform.today();
  const thisYear = Number(today.slice(0, 4));
  let seq = 0;
  for (const [bi, plan] of DEMO_BRANCHES.entries()) {
    const branch = state.branches[bi];
    const { groupIds } = branch;
    const members: DemoMember[] = [];
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
      const workStart = addDays(addYears(birth, rng.int(19, 23)), rng.int(0, 200));
      const position = plan.retired ? null : k === 0 ? plan.positions[0] : k === 1 ? plan.positions[1] : rng.pick(plan.positions.slice(2).length ? plan.positions.slice(2) : plan.positions);
      const ethnicity = rng.chance(0.92) ? '汉族' : rng.pick(['回族', '满族', '蒙古族', '壮族']);
      const education = plan.retired ? rng.pick(['大学专科', '中专', '高中']) : rng.pick(EDUS);
      const policeRank = plan.retired ? null : rng.pick(RANKS);
      const phone = `1${rng.pick(['35', '38', '39', '58', '86'])}${String(rng.int(10000000, 99999999))}`;
      const m = await createMember(
        ctx,
        {
          name, gender: male ? '男' : '女', ethnicity, birthDate: birth, idNumber, nativePlace: PLACES[place], education,
          workStartDate: workStart < today ? workStart : null, joinDate, fullDate: probationary ? null : addYears(joinDate, 1), partyStatus: probationary ? '预备' : '正式',
          category: plan.retired ? '离退休' : '在职', workUnit: plan.unit, policeType: plan.policeType || null, position, policeRank, phone,
          branchId: branch.id, groupId: groupIds.length ? groupIds[k % groupIds.length] : null, note: null,
        },
        tx,
      );
      members.push({ id: m.id, name, joinDate, partyStatus: m.partyStatus, category: m.category });
    }
    branch.members = members;
  }
  await demoCommitteePosts(ctx, tx, state);
}

/** The 正式党员 of the list on a day (转正 a year after joining: fullDate above), in order. */
const fullOn = (members: DemoMember[], day: string) => members.filter((m) => m.partyStatus === '正式' && addYears(m.joinDate, 1) <= day);

/** Each branch's committee from its 正式党员 of the term's first day (the organization service refuses a 预备党员, then or now), and the 党委's from the organs' leaders. */
async function demoCommitteePosts(ctx: Ctx, tx: Transaction<DB>, state: DemoState): Promise<void> {
  const thisYear = Number(ctx.platform.today().slice(0, 4));
  for (const [bi, plan] of DEMO_BRANCHES.entries()) {
    const branch = state.branches[bi];
    const roles = plan.retired ? ['书记', '组织委员'] : ['书记', '组织委员', '宣传委员', '纪检委员'];
    const startOn = branchTermStart(bi, thisYear);
    const eligible = fullOn(branch.members, startOn);
    for (const [ri, role] of roles.entries()) await saveRole(ctx, { orgId: branch.id, memberId: eligible[ri].id, personName: null, role, startOn }, tx);
  }
  const [b0, b1, b2, , b4] = state.branches.map((b) => fullOn(b.members, committeeTermStart(thisYear)));
  const leaders = [b0[0], b1[0], b0[1], b2[1], b4[1]];
  const committeeRoles = ['书记', '副书记', '组织委员', '纪检委员', '宣传委员'];
  for (const [i, m] of leaders.entries()) await saveRole(ctx, { orgId: state.committeeId, memberId: m.id, personName: null, role: committeeRoles[i], startOn: committeeTermStart(thisYear) }, tx);
}
