// @vitest-environment happy-dom
/**
 * One activity type with a rule per scope: 党课 is owed quarterly by each 党支部
 * (common local rule) and yearly by the 党委, whose 书记 gives it (条例第十六条).
 * Each organization shows only the rule that binds it, and the type filter lists 党课 once.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Pinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { Calendar, CalendarCell, CellStatus } from '../../core/activities/compliance';
import { answer, byTestId, mountReal, resetFake, settle } from './fake-client';

vi.mock('../../renderer/src/api/client', (orig) => import('./fake-client').then((f) => f.clientModule(orig)));

const { default: CalendarView } = await import('../../renderer/src/views/activities/CalendarView.vue');
const { useAppStore } = await import('../../renderer/src/stores/app');

const cell = (orgId: string, type: string, period: string, status: CellStatus, activityIds: string[] = []): CalendarCell => ({ orgId, type, period, status, activityIds, detail: null });

const CALENDAR: Calendar = {
  year: 2026,
  asOf: '2026-11-28',
  startDate: '2000-01-01',
  ruleVersion: { version: 0, effectiveFrom: '2018-10-28', source: '中国共产党支部工作条例（试行）' },
  orgs: [
    { id: 'c', name: '中共某某分局委员会', kind: '党委', groups: [] },
    { id: 'b1', name: '第一党支部', kind: '党支部', groups: [] },
  ],
  rules: [
    { type: '支部委员会', scope: 'branch', frequency: 'month', basis: '', label: '支部委员会每月', version: 0 },
    { type: '党课', scope: 'branch', frequency: 'quarter', basis: '', label: '党课每季度', version: 0 },
    { type: '党课', scope: 'committee', frequency: 'year', basis: '', label: '党课每年', version: 0 },
  ],
  cells: [
    ...Array.from({ length: 12 }, (_, i) => cell('b1', '支部委员会', `2026-${String(i + 1).padStart(2, '0')}`, i < 10 ? 'held' : 'upcoming', i < 10 ? [`a${i}`] : [])),
    ...['Q1', 'Q2', 'Q3', 'Q4'].map((q) => cell('b1', '党课', `2026-${q}`, 'held', [`l-${q}`])),
    cell('c', '党课', '2026', 'held', ['l-Q4']),
  ],
};

let pinia: Pinia;
beforeEach(() => {
  pinia = resetFake();
  useAppStore().today = '2026-11-28';
  answer('activities/options', () => ({ types: ['支部委员会', '党课'], statusLabels: {} }));
  answer('activities/calendar', () => CALENDAR);
});

const rowLabels = () => [...byTestId('calendar-grid')!.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent!.trim()).join('|'));

describe('CalendarView with a rule per scope', () => {
  it('gives the 党委 only its yearly 党课 row and each branch only its quarterly one; the filter lists 党课 once', async () => {
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { render: () => null } }] });
    mountReal(CalendarView, { pinia, plugins: [router] });
    await settle();
    expect(rowLabels()).toEqual(['中共某某分局委员会|党课每年', '第一党支部|支部委员会每月', '|党课每季度']);
    const options = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].map((e) => e.textContent!.trim());
    expect(options.filter((o) => o.startsWith('党课'))).toEqual(['党课']);
    // filtering on 党课 keeps both organizations' own rows
    [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find((e) => e.textContent!.trim() === '党课')!.click();
    await settle();
    expect(rowLabels()).toEqual(['中共某某分局委员会|党课每年', '第一党支部|党课每季度']);
  });
});
