/** The member list's query (search, filters, sort, page) and its current page of rows. */
import { defineStore } from 'pinia';
import { reactive, ref } from 'vue';
import { call } from '../api/client';
import type { Member } from '../../../core/members/model';

export interface MemberFilters {
  search: string;
  branchId: string;
  partyStatus: string;
  category: string;
  scope: 'active' | 'left' | 'all';
}

export const useMembersStore = defineStore('members', () => {
  const filters = reactive<MemberFilters>({ search: '', branchId: '', partyStatus: '', category: '', scope: 'active' });
  const sort = reactive<{ by: 'name' | 'birthDate' | 'joinDate' | 'branch' | 'idNumber'; dir: 'asc' | 'desc' }>({ by: 'branch', dir: 'asc' });
  const page = ref(1);
  const pageSize = ref(20);
  const rows = ref<Member[]>([]);
  const total = ref(0);
  const loading = ref(false);
  let seq = 0;

  function query() {
    return {
      search: filters.search.trim() || undefined,
      branchId: filters.branchId || undefined,
      partyStatus: filters.partyStatus || undefined,
      category: filters.category || undefined,
      scope: filters.scope,
      sortBy: sort.by,
      sortDir: sort.dir,
      page: page.value,
      pageSize: pageSize.value,
    };
  }

  /** Loads the current page; a slower earlier answer never overwrites a newer one. */
  async function load() {
    const mine = ++seq;
    loading.value = true;
    try {
      const r = await call('members/list', query());
      if (mine !== seq) return;
      rows.value = r.rows;
      total.value = r.total;
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  /** A changed filter starts again from page 1. */
  async function applyFilters() {
    page.value = 1;
    await load();
  }

  async function setSort(by: typeof sort.by | null, dir: 'asc' | 'desc' | null) {
    sort.by = by ?? 'branch';
    sort.dir = dir ?? 'asc';
    page.value = 1;
    await load();
  }

  return { filters, sort, page, pageSize, rows, total, loading, query, load, applyFilters, setSort };
});
