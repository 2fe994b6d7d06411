/**
 * The bureau most core tests start from: the committee (setup/create) and N branches
 * (org/create), and valid members (members/create), all through the real handlers, so
 * every rule the clerk meets holds for the fixture too. Use it on a ledger from
 * `testLedger()` (or any opened Ledger), e.g.
 *
 *   const l = await testLedger();
 *   const { rootId, branchId } = await bureau(l, { branches: 2 });
 *   const m = await member(l, branchId, { name: '张三', partyStatus: '预备', joinDate: '2026-05-20', fullDate: null });
 */
import type { Ledger } from '../../core/ledger.ts';
import type { HandlerName, LedgerApi } from '../../core/api.ts';
import { makeIdNumber } from '../../core/members/idcard.ts';

type Input<K extends HandlerName> = Parameters<LedgerApi[K]>[0];
type Output<K extends HandlerName> = Awaited<ReturnType<LedgerApi[K]>>;

/** Typed call through the ledger's own `invoke` (the same validation and lock every host uses). */
function call<K extends HandlerName>(l: Pick<Ledger, 'invoke'>, name: K, input: Input<K>): Promise<Output<K>> {
  return l.invoke(name, input) as Promise<Output<K>>;
}

export const UNIT_NAME = '测试分局';
export const COMMITTEE_NAME = '中共测试分局委员会';
/** Names of the branches, in order; after these, 第N党支部. */
export const BRANCH_NAMES = ['刑侦大队党支部', '治安大队党支部', '交警大队党支部', '经侦大队党支部', '机关党支部'];
/** The term every branch starts on unless a spec says otherwise (换届 due 2028-03-01). */
export const TERM_START = '2025-03-01';
/**
 * The 台账启用日期 every bureau gets unless a test says otherwise: early enough that every
 * month a test looks at is judged (a real new ledger starts on the first day of the current month).
 */
export const EARLY_START = '2000-01-01';

/** What org/create takes for one branch; every field has a default. */
export type BranchSpec = Partial<Omit<Input<'org/create'>, 'parentId' | 'kind'>>;

export interface BureauOptions {
  /** How many branches (default 1), or one spec per branch. */
  branches?: number | BranchSpec[];
  unitName?: string;
  committeeName?: string;
  /** 台账启用日期 (default EARLY_START) */
  startDate?: string;
}

export interface Bureau {
  unitName: string;
  committeeName: string;
  /** The 党委 (the root of org/tree). */
  rootId: string;
  branches: { id: string; name: string }[];
  branchIds: string[];
  /** The first branch; throws when the bureau has none. */
  branchId: string;
}

/** Creates the committee and its branches on an empty ledger, through setup/create and org/create. */
export async function bureau(l: Pick<Ledger, 'invoke'>, opts: BureauOptions = {}): Promise<Bureau> {
  const unitName = opts.unitName ?? UNIT_NAME;
  const committeeName = opts.committeeName ?? COMMITTEE_NAME;
  const { id: rootId } = await call(l, 'setup/create', { unitName, committeeName, startDate: opts.startDate ?? EARLY_START });
  const specs: BranchSpec[] = typeof opts.branches === 'object' ? opts.branches : Array.from({ length: opts.branches ?? 1 }, () => ({}));
  const branches: Bureau['branches'] = [];
  for (const [i, spec] of specs.entries()) {
    const name = spec.name ?? BRANCH_NAMES[i] ?? `第${i + 1}党支部`;
    const { id } = await call(l, 'org/create', { termStartOn: TERM_START, ...spec, parentId: rootId, kind: '党支部', name });
    branches.push({ id, name });
  }
  const out = { unitName, committeeName, rootId, branches, branchIds: branches.map((b) => b.id) } as Bureau;
  Object.defineProperty(out, 'branchId', {
    enumerable: true,
    get: () => {
      if (!branches.length) throw new Error('bureau(): this bureau has no branch');
      return branches[0].id;
    },
  });
  return out;
}

/** The fields of members/create without the branch. */
export type MemberFields = Omit<Input<'members/create'>, 'branchId'>;

export const DEFAULT_BIRTH = '1985-06-15';
export const REGION = '370102';

// Orders 501–999 are left to this helper; tests that write an ID number by hand use small ones.
let issued = 0;
function nextOrder(): number {
  return 501 + ((issued++ % 250) * 2);
}

/**
 * A valid member as members/create takes it (less the branch): 男, 汉族, born 1985-06-15,
 * 入党 2008-07-01, 转正 2009-07-01, 正式, 在职, and an ID number not issued before in this
 * test file, matching the birth date and gender (also when those are overridden).
 * An `idNumber` override is used as given.
 */
export function memberInput(overrides: Partial<MemberFields> = {}): MemberFields {
  const order = nextOrder();
  const birthDate = overrides.birthDate ?? DEFAULT_BIRTH;
  const gender = overrides.gender ?? '男';
  return {
    name: `党员${order}`,
    gender,
    ethnicity: '汉族',
    birthDate,
    idNumber: makeIdNumber(REGION, birthDate, order, gender !== '女'),
    joinDate: '2008-07-01',
    fullDate: '2009-07-01',
    partyStatus: '正式',
    category: '在职',
    ...overrides,
  };
}

/**
 * Adds a member to a branch through members/create and returns it as the API does (ID number masked;
 * `members/reveal-id` gives the full one). A generated ID number already on the ledger is skipped.
 */
export async function member(l: Pick<Ledger, 'invoke' | 'ctx'>, branchId: string, overrides: Partial<MemberFields> = {}): Promise<Output<'members/create'>> {
  let fields = memberInput(overrides);
  for (let tries = 1; overrides.idNumber === undefined && (await taken(l, fields.idNumber)); tries++) {
    if (tries >= 250) throw new Error(`member(): no free ID number left for ${fields.birthDate}`);
    fields = memberInput(overrides);
  }
  return call(l, 'members/create', { ...fields, branchId });
}

async function taken(l: Pick<Ledger, 'ctx'>, idNumber: string): Promise<boolean> {
  return !!(await l.ctx.db.selectFrom('members').select('id').where('id_number', '=', idNumber).executeTakeFirst());
}
