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
  const branches = ref<BranchSummary[]>([]);

  async function refresh() {
    const s = await call('setup/status', {});
    empty.value = s.empty;
    unitName.value = s.unitName;
    committeeName.value = s.committeeName;
    today.value = s.today;
    branches.value = s.empty ? [] : await call('org/branches', {});
    ready.value = true;
  }

  async function refreshBranches() {
    branches.value = await call('org/branches', {});
  }

  return { ready, empty, unitName, committeeName, today, branches, refresh, refreshBranches };
});
