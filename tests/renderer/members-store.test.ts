/** The member list store against a fake client: query building, page reset, stale answers dropped. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';

const calls: { name: string; input: Record<string, unknown> }[] = [];
let answer: (input: Record<string, unknown>) => Promise<unknown> = async () => ({ total: 0, rows: [] });
vi.mock('../../renderer/src/api/client', () => ({
  call: (name: string, input: Record<string, unknown>) => {
    calls.push({ name, input });
    return answer(input);
  },
}));

const { useMembersStore } = await import('../../renderer/src/stores/members');

describe('members store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    calls.length = 0;
    answer = async () => ({ total: 0, rows: [] });
  });

  it('sends only the filters that are set, and a changed filter goes back to page 1', async () => {
    const s = useMembersStore();
    s.page = 3;
    s.filters.search = '  张 ';
    s.filters.branchId = 'b1';
    await s.applyFilters();
    expect(calls.at(-1)).toEqual({
      name: 'members/list',
      input: { search: '张', branchId: 'b1', partyStatus: undefined, category: undefined, scope: 'active', sortBy: 'branch', sortDir: 'asc', page: 1, pageSize: 20 },
    });
  });

  it('sorting resets the page and clearing the sort returns to roster order', async () => {
    const s = useMembersStore();
    s.page = 2;
    await s.setSort('joinDate', 'desc');
    expect(calls.at(-1)!.input).toMatchObject({ sortBy: 'joinDate', sortDir: 'desc', page: 1 });
    await s.setSort(null, null);
    expect(calls.at(-1)!.input).toMatchObject({ sortBy: 'branch', sortDir: 'asc' });
  });

  it('drops a slow earlier answer that arrives after a newer one', async () => {
    const s = useMembersStore();
    let release!: () => void;
    answer = (input) =>
      input.search === '慢'
        ? new Promise((r) => (release = () => r({ total: 1, rows: [{ name: '旧结果' }] })))
        : Promise.resolve({ total: 2, rows: [{ name: '新结果' }, { name: '新结果2' }] });
    s.filters.search = '慢';
    const slow = s.load();
    s.filters.search = '快';
    await s.load();
    release();
    await slow;
    expect(s.total).toBe(2);
    expect(s.rows.map((r) => r.name)).toEqual(['新结果', '新结果2']);
    expect(s.loading).toBe(false);
  });
});
