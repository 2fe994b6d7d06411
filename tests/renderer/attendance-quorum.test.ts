// @vitest-environment happy-dom
/**
 * The attendance picker judges the quorum as the ledger does: with the unit's
 * reading of "半数以上" (activities.halfInclusive), not always the default.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Pinia } from 'pinia';
import type { AttendanceEntry } from '../../core/activities/model';
import type { OrgUnit } from '../../core/org/service';
import { answer, byTestId, mountDialog, resetFake, settle } from './fake-client';

vi.mock('../../renderer/src/api/client', (orig) => import('./fake-client').then((f) => f.clientModule(orig)));

const { default: ActivityEditor } = await import('../../renderer/src/views/activities/ActivityEditor.vue');
const { useAppStore } = await import('../../renderer/src/stores/app');

const TREE: OrgUnit[] = [
  {
    id: 'c', parentId: null, kind: '党委', name: '中共某某分局委员会', shortName: null, establishedOn: null, termYears: null, termStartOn: null, termDueOn: null, sortOrder: 0, note: null, memberCount: 0, roles: [],
    children: [
      { id: 'b1', parentId: 'c', kind: '党支部', name: '第一党支部', shortName: null, establishedOn: null, termYears: 3, termStartOn: '2024-03-01', termDueOn: '2027-03-01', sortOrder: 1, note: null, memberCount: 4, roles: [], children: [] },
    ],
  },
];

/** 4 voting members due, exactly half present. */
const HALF: AttendanceEntry[] = ['甲', '乙', '丙', '丁'].map((n, i) => ({ memberId: `m${i}`, memberName: `党员${n}`, partyStatus: '正式', status: i < 2 ? '出席' : '请假', late: false, leftEarly: false, reason: null, writtenOpinion: false }));

let pinia: Pinia;
beforeEach(() => {
  pinia = resetFake();
  useAppStore().today = '2026-11-28';
  answer('org/tree', () => TREE);
  answer('activities/suggest-attendance', () => HALF);
});

async function openEditor() {
  const w = mountDialog(ActivityEditor, { pinia, props: { activityId: null, preset: { orgId: 'b1', type: '支部党员大会', heldOn: '2026-11-20' } } });
  await w.setProps({ modelValue: true });
  await settle();
  return byTestId('att-quorum')!.textContent!.trim();
}

describe('quorum in the attendance picker', () => {
  it('counts exactly half as "半数以上" by default', async () => {
    answer('activities/options', () => ({ types: ['支部党员大会'], halfInclusive: true }));
    expect(await openEditor()).toBe('达到法定人数');
  });

  it('does not, when the unit reads "半数以上" as more than half', async () => {
    answer('activities/options', () => ({ types: ['支部党员大会'], halfInclusive: false }));
    expect(await openEditor()).toBe('未达到法定人数（至少 3 人）');
  });
});
