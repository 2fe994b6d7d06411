/** Ledger-wide state every page needs: the unit, the branch list, today. */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { call } from '../api/client';
import type { BranchSummary } from '../../../core/org/service';

export const useAppStore = defineStore('app', () => {
  const ready = ref(false);
  const empty = ref(false);
  const unitName = ref('');
  const committeeName = ref('');
  const today = ref('');
  /** Set when the host's clock is pinned (PARTY_LEDGER_TODAY): the UI shows a 演示日期 banner. */
  const pinnedToday = ref<string | null>(null);
  const branches = ref<BranchSummary[]>([]);

  async function refresh() {
    const s = await call('setup/status', {});
    empty.value = s.empty;
    unitName.value = s.unitName;
    committeeName.value = s.committeeName;
    today.value = s.today;
    pinnedToday.value = s.pinnedToday;
    branches.value = s.empty ? [] : await call('org/branches', {});
    ready.value = true;
  }

  async function refreshBranches() {
    branches.value = await call('org/branches', {});
  }

  return { ready, empty, unitName, committeeName, today, pinnedToday, branches, refresh, refreshBranches };
});
