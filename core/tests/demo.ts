/**
 * Demo 政治理论测试, so that the first half-year reads like the example summary
 * (study.md 8.4): a 第一季度 全员普测 in January with two who failed and their 补考;
 * the 全员普测 of 04-22 of 99 people (members in service and non-member 民警 of the
 * same 部门) all passing with an average of 97.6 (9662 points); and a 集中抽测 of 20
 * drawn from its participants with a recorded seed, all passing with 98.4 (1968).
 * Written straight into this area's tables inside the demo's transaction.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../context.ts';
import type { Rng } from '../demo/random.ts';
import type { DemoState } from '../demo/types.ts';
import { drawFrom, type DrawPerson } from './draw.ts';

const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'];
const GIVEN = ['子轩', '浩宇', '俊熙', '明杰', '天宇', '泽楷', '宇轩', '博文', '志远', '晨阳', '思远', '一鸣', '若曦', '雨欣', '梓涵', '诗琪', '晓彤', '嘉怡', '凯', '昊'];

interface Person extends DrawPerson {
  branchId: string | null;
}

/** n whole scores within lo…hi adding up to sum, shuffled by the generator. */
function scores(rng: Rng, n: number, sum: number, lo: number, hi: number): number[] {
  const base = Math.floor(sum / n);
  const s = Array.from({ length: n }, (_, i) => base + (i < sum - base * n ? 1 : 0));
  for (let k = 0; k < n * 4; k++) {
    const i = rng.int(0, n - 1);
    const j = rng.int(0, n - 1);
    if (i !== j && s[i] < hi && s[j] > lo) {
      s[i]++;
      s[j]--;
    }
  }
  return s;
}

export async function demoTests(ctx: Ctx, tx: Transaction<DB>, rng: Rng, state: DemoState): Promise<void> {
  const today = ctx.platform.today();
  let y = Number(today.slice(0, 4));
  if (today < `${y}-06-01`) y -= 1;
  const day = (md: string) => `${y}-${md}`;
  const now = ctx.platform.now();

  const serving = state.branches.flatMap((b) =>
    b.members.filter((m) => m.category === '在职' && m.joinDate <= day('01-15')).map((m) => ({ ...m, branchId: b.id, branch: b.name, department: b.name.replace(/党支部$/, '') })),
  );
  const nonMembers = Math.max(12, 99 - serving.length);
  const memberCount = 99 - nonMembers;
  const people: Person[] = serving.slice(0, memberCount).map((m) => ({ memberId: m.id, name: m.name, branch: m.branch, department: m.department, branchId: m.branchId }));
  const departments = [...new Set(serving.map((m) => m.department))];
  const taken = new Set(people.map((p) => p.name));
  while (people.length < 99) {
    const name = rng.pick(SURNAMES) + rng.pick(GIVEN);
    if (taken.has(name)) continue;
    taken.add(name);
    people.push({ memberId: null, name, branch: null, department: departments[people.length % departments.length] ?? '机关', branchId: null });
  }

  const addTest = async (name: string, date: string, kind: string, takers: Person[], marks: number[], extra: { drawId?: string; firsts?: (string | null)[] } = {}) => {
    const id = ctx.platform.newId();
    await tx
      .insertInto('political_tests')
      .values({ id, name, test_date: date, kind, pass_mark: 600, full_mark: 1000, draw_id: extra.drawId ?? null, source_file: `${name}.xlsx`, note: null, created_at: now, updated_at: now, deleted_at: null })
      .execute();
    const ids: string[] = [];
    for (let i = 0; i < takers.length; i++) {
      const p = takers[i];
      const rid = ctx.platform.newId();
      ids.push(rid);
      await tx
        .insertInto('political_test_results')
        .values({
          id: rid, test_id: id, row_no: i + 2, member_id: p.memberId, name: p.name, department: p.department, branch_id: p.branchId, police_no: null, phone: null, id_number: null,
          score: marks[i] * 10, first_result_id: extra.firsts?.[i] ?? null, created_at: now,
        })
        .execute();
    }
    return { id, ids };
  };

  // 第一季度: two fail (55 and 58) and re-sit two weeks later
  const q1 = scores(rng, 99, 9480, 80, 100);
  const failing = [7, 40];
  q1[failing[0]] = 55;
  q1[failing[1]] = 58;
  const first = await addTest('第一季度政治理论知识测试', day('01-15'), '全员普测', people, q1);
  await addTest('第一季度政治理论知识测试补考', day('01-29'), '补考', failing.map((i) => people[i]), [76, 82], { firsts: failing.map((i) => first.ids[i]) });

  // 04-22: 99 people, all pass, 9662 points (97.6)
  const main = await addTest('第二季度政治理论知识测试', day('04-22'), '全员普测', people, scores(rng, 99, 9662, 90, 100));

  // 集中抽测: 20 drawn from the 全员普测's participants with a recorded seed, 1968 points (98.4)
  const seed = `${y}0510`;
  const picked = drawFrom(people, 20, seed).map(({ memberId, name, branch, department }) => ({ memberId, name, branch, department }));
  const drawId = ctx.platform.newId();
  await tx
    .insertInto('political_test_draws')
    .values({ id: drawId, name: '第二季度集中抽测名单', drawn_on: day('05-10'), seed, count: 20, from_test_id: main.id, scope_json: '[]', pool_size: 99, picked_json: JSON.stringify(picked), created_at: now, deleted_at: null })
    .execute();
  const byName = new Map(people.map((p) => [`${p.memberId}|${p.name}`, p]));
  await addTest('第二季度政治理论知识集中抽测', day('05-20'), '集中抽测', picked.map((p) => byName.get(`${p.memberId}|${p.name}`)!), scores(rng, 20, 1968, 95, 100), { drawId });
}
