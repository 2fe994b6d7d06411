// @vitest-environment happy-dom
/** The ledger-wide store: what it asks the core on start, and what an empty ledger means. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { answer, calls, resetFake } from './fake-client';

vi.mock('../../renderer/src/api/client', (orig) => import('./fake-client').then((f) => f.clientModule(orig)));

const { useAppStore } = await import('../../renderer/src/stores/app');

const BRANCHES = [
  { id: 'b1', name: '第一党支部', parentId: 'c', memberCount: 12, groups: [] },
  { id: 'b2', name: '第二党支部', parentId: 'c', memberCount: 9, groups: [{ id: 'g1', name: '第一党小组' }] },
];

beforeEach(() => {
  resetFake();
  answer('org/branches', () => BRANCHES);
});

describe('app store', () => {
  it('a ledger in use: unit, committee, today and the branches', async () => {
    answer('setup/status', () => ({ empty: false, unitName: '某某市公安局某某分局', committeeName: '中共某某市公安局某某分局委员会', today: '2026-11-28', pinnedToday: null }));
    const app = useAppStore();
    expect(app.ready).toBe(false);
    await app.refresh();
    expect(app).toMatchObject({ ready: true, empty: false, unitName: '某某市公安局某某分局', committeeName: '中共某某市公安局某某分局委员会', today: '2026-11-28', pinnedToday: null });
    expect(app.branches.map((b) => b.name)).toEqual(['第一党支部', '第二党支部']);
    expect(calls.map((c) => c.name)).toEqual(['setup/status', 'org/branches']);
  });

  it('an empty ledger (first start) has no branches and does not ask for them', async () => {
    answer('setup/status', () => ({ empty: true, unitName: '', committeeName: '', today: '2026-11-28', pinnedToday: null }));
    const app = useAppStore();
    app.branches = BRANCHES;
    await app.refresh();
    expect(app.empty).toBe(true);
    expect(app.ready).toBe(true);
    expect(app.branches).toEqual([]);
    expect(calls.map((c) => c.name)).toEqual(['setup/status']);
  });

  it('stays not ready when the core cannot be reached', async () => {
    answer('setup/status', () => {
      throw new Error('拒绝访问');
    });
    const app = useAppStore();
    await expect(app.refresh()).rejects.toThrow('拒绝访问');
    expect(app.ready).toBe(false);
  });

  it('refreshBranches replaces the list after the organization changed', async () => {
    const app = useAppStore();
    app.branches = [BRANCHES[0]];
    await app.refreshBranches();
    expect(app.branches).toEqual(BRANCHES);
  });
});
