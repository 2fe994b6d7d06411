// @vitest-environment happy-dom
/** The organizational-life calendar: each cell's status where it belongs, the legend's counts, and what a click opens. */
import { previewing, closePreview } from '../../renderer/src/preview';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Pinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { Calendar, CalendarCell, CellStatus } from '../../core/activities/compliance';
import type { OrgUnit } from '../../core/org/service';
import { answer, byTestId, callsTo, messages, mountReal, resetFake, savedFiles, settle } from './fake-client';

vi.mock('../../renderer/src/api/client', (orig) => import('./fake-client').then((f) => f.clientModule(orig)));

const { default: CalendarView } = await import('../../renderer/src/views/activities/CalendarView.vue');
const { useAppStore } = await import('../../renderer/src/stores/app');

const STATUS_LABELS: Record<CellStatus, string> = {
  held: '已开展', 'held-late': '延后开展', 'quorum-not-met': '未达法定人数', due: '待开展', missing: '缺失', upcoming: '未到期', 'n/a': '不适用', 'before-start': '未启用',
};

const cell = (orgId: string, type: string, period: string, status: CellStatus, activityIds: string[] = [], detail: string | null = null): CalendarCell => ({ orgId, type, period, status, activityIds, detail });
const months = (f: (m: string, i: number) => [CellStatus, string[]?]) =>
  Array.from({ length: 12 }, (_, i) => {
    const m = `2026-${String(i + 1).padStart(2, '0')}`;
    return [m, ...f(m, i + 1)] as [string, CellStatus, string[]?];
  });

/**
 * As of 2026-11-28. 第一党支部: 支委会 held Jan–Jun, quorum missed in July, nothing in August,
 * September held late, October held, November running, December ahead; 党员大会 Q2 missing, Q4 running;
 * 组织生活会 running. 第二党支部 was set up in June, so its first five months do not apply.
 */
function calendar(year = 2026): Calendar {
  const committee = months((m, i) =>
    i <= 6 ? ['held', [`a-${m}`]] : i === 7 ? ['quorum-not-met', ['a-07']] : i === 8 ? ['missing'] : i === 9 ? ['held-late', ['a-09']] : i === 10 ? ['held', ['a-10']] : i === 11 ? ['due'] : ['upcoming'],
  );
  const second = months((m, i) => (i <= 5 ? ['n/a'] : i <= 10 ? ['held', [`b-${m}`]] : i === 11 ? ['due'] : ['upcoming']));
  return {
    year,
    asOf: '2026-11-28',
    startDate: '2000-01-01',
    ruleVersion: { version: 0, effectiveFrom: '2019-01-01', source: '中国共产党支部工作条例（试行）' },
    orgs: [
      { id: 'b1', name: '第一党支部', kind: '党支部', groups: [] },
      { id: 'b2', name: '第二党支部', kind: '党支部', groups: [] },
    ],
    rules: [
      { type: '支部委员会', scope: 'branch', frequency: 'month', basis: '', label: '支部委员会（每月）', version: 0 },
      { type: '支部党员大会', scope: 'branch', frequency: 'quarter', basis: '', label: '支部党员大会（每季度）', version: 0 },
      { type: '组织生活会', scope: 'branch', frequency: 'year', dueFromQuarter: 4, basis: '', label: '组织生活会（每年）', version: 0 },
    ],
    cells: [
      ...committee.map(([p, s, ids]) => cell('b1', '支部委员会', p, s, ids)),
      cell('b1', '支部党员大会', '2026-Q1', 'held', ['q1']),
      cell('b1', '支部党员大会', '2026-Q2', 'missing'),
      cell('b1', '支部党员大会', '2026-Q3', 'held', ['q3']),
      cell('b1', '支部党员大会', '2026-Q4', 'due'),
      cell('b1', '组织生活会', '2026', 'due'),
      ...second.map(([p, s, ids]) => cell('b2', '支部委员会', p, s, ids)),
    ],
  };
}

const TREE: OrgUnit[] = [
  {
    id: 'c', parentId: null, kind: '党委', name: '中共某某分局委员会', shortName: null, establishedOn: null, termYears: null, termStartOn: null, termDueOn: null, sortOrder: 0, note: null, memberCount: 0, roles: [],
    children: [
      {
        id: 'b1', parentId: 'c', kind: '党支部', name: '第一党支部', shortName: null, establishedOn: null, termYears: 3, termStartOn: '2024-03-01', termDueOn: '2027-03-01', sortOrder: 1, note: null, memberCount: 9,
        roles: [{ id: 'r1', orgId: 'b1', memberId: 'm1', personName: '王书记', role: '书记', startOn: null, endOn: null }], children: [],
      },
    ],
  },
];

let pinia: Pinia;
beforeEach(() => {
  pinia = resetFake();
  useAppStore().today = '2026-11-28';
  answer('activities/options', () => ({ types: ['支部委员会', '支部党员大会', '组织生活会'], statusLabels: STATUS_LABELS }));
  answer('activities/calendar', (input) => calendar(input.year as number));
  answer('org/tree', () => TREE);
  answer('activities/suggest-attendance', () => []);
  answer('activities/get', () => new Promise(() => {}));
});

async function mountCalendar() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { render: () => null } }] });
  const w = mountReal(CalendarView, { pinia, plugins: [router] });
  await settle();
  return w;
}

const cellButton = (org: string, type: string, period: string) => byTestId<HTMLButtonElement>(`cal-cell-${org}-${type}-${period}`);
/** The header of the column a cell sits in. */
function columnOf(button: HTMLElement): string {
  const td = button.closest('td')!;
  const index = [...td.parentElement!.children].indexOf(td);
  return byTestId('calendar-grid')!.querySelectorAll('thead th')[index].textContent!.trim();
}
async function closeEditor() {
  byTestId('af-close')!.click();
  await settle();
}
const legend = () => [...document.querySelectorAll('.legend-item')].map((e) => e.textContent!.replace(/\s+/g, ' ').trim());
const rowLabels = () => [...byTestId('calendar-grid')!.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent!.trim()).join('|'));

describe('CalendarView', () => {
  it('shows each cell with its status mark in the column of its period', async () => {
    await mountCalendar();
    expect(callsTo('activities/calendar')).toEqual([{ year: 2026 }]);
    expect(rowLabels()).toEqual(['第一党支部|支部委员会（每月）', '|支部党员大会（每季度）', '|组织生活会（每年）', '第二党支部|支部委员会（每月）']);

    const expectCell = (org: string, type: string, period: string, status: string, mark: string, column: string) => {
      const b = cellButton(org, type, period)!;
      expect(b, `${org} ${type} ${period}`).not.toBeNull();
      expect([b.dataset.status, b.textContent!.trim(), columnOf(b)]).toEqual([status, mark, column]);
    };
    expectCell('第一党支部', '支部委员会', '2026-06', 'held', '✓', '6月');
    expectCell('第一党支部', '支部委员会', '2026-07', 'quorum-not-met', '人数', '7月');
    expectCell('第一党支部', '支部委员会', '2026-08', 'missing', '缺', '8月');
    expectCell('第一党支部', '支部委员会', '2026-09', 'held-late', '延', '9月');
    expectCell('第一党支部', '支部委员会', '2026-11', 'due', '待', '11月');
    expectCell('第一党支部', '支部委员会', '2026-12', 'upcoming', '·', '12月');
    expectCell('第一党支部', '支部党员大会', '2026-Q2', 'missing', '缺', '二季');
    expectCell('第一党支部', '支部党员大会', '2026-Q4', 'due', '待', '四季');
    expectCell('第一党支部', '组织生活会', '2026', 'due', '待', '全年');
    expectCell('第二党支部', '支部委员会', '2026-03', 'n/a', '', '3月');

    expect(cellButton('第一党支部', '支部委员会', '2026-08')!.classList.contains('st-missing')).toBe(true);
    expect(cellButton('第一党支部', '支部委员会', '2026-12')!.disabled).toBe(true);
    expect(cellButton('第二党支部', '支部委员会', '2026-03')!.disabled).toBe(true);
    expect(cellButton('第一党支部', '支部委员会', '2026-08')!.disabled).toBe(false);
    // a monthly rule has nothing in the quarter columns, a quarterly one nothing in the months
    const firstRow = byTestId('calendar-grid')!.querySelectorAll('tbody tr')[0];
    expect([...firstRow.querySelectorAll('td')].slice(14).map((td) => td.querySelector('button'))).toEqual([null, null, null, null, null]);
    const secondRow = byTestId('calendar-grid')!.querySelectorAll('tbody tr')[1];
    expect([...secondRow.querySelectorAll('td')].slice(2, 14).some((td) => td.querySelector('button'))).toBe(false);
  });

  it('the legend counts each status, and the rule version is named', async () => {
    await mountCalendar();
    expect(legend()).toEqual(['✓已开展 14', '延延后开展 1', '人数未达法定人数 1', '待待开展 4', '缺缺失 2', '·未到期 2']);
    expect(document.body.textContent).toContain('截至 2026-11-28；频次规则：全国默认（2019-01-01 起）');
  });

  it('filtering by activity keeps only its rows and counts', async () => {
    await mountCalendar();
    [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find((e) => e.textContent!.trim() === '支部党员大会（每季度）')!.click();
    await settle();
    expect(rowLabels()).toEqual(['第一党支部|支部党员大会（每季度）']);
    expect(legend()).toEqual(['✓已开展 2', '延延后开展 0', '人数未达法定人数 0', '待待开展 1', '缺缺失 1', '·未到期 0']);
  });

  it('a missing month opens a new record for that organization and activity, dated the first of the month', async () => {
    await mountCalendar();
    cellButton('第一党支部', '支部委员会', '2026-08')!.click();
    await settle();
    expect(document.querySelector('.el-dialog__title')!.textContent).toBe('新增组织生活记录');
    expect(callsTo('activities/suggest-attendance')).toEqual([{ orgId: 'b1', type: '支部委员会', groupId: null, heldOn: '2026-08-01' }]);
  });

  it('a missing quarter is dated the first day of the quarter; a running one today', async () => {
    await mountCalendar();
    cellButton('第一党支部', '支部党员大会', '2026-Q2')!.click();
    await settle();
    expect(callsTo('activities/suggest-attendance').at(-1)).toMatchObject({ type: '支部党员大会', heldOn: '2026-04-01' });
    await closeEditor();
    cellButton('第一党支部', '组织生活会', '2026')!.click();
    await settle();
    expect(callsTo('activities/suggest-attendance').at(-1)).toMatchObject({ type: '组织生活会', heldOn: '2026-11-28' });
  });

  it('a cell with records opens the first record for editing; an upcoming one opens nothing', async () => {
    await mountCalendar();
    cellButton('第一党支部', '支部委员会', '2026-12')!.click();
    await settle();
    expect(callsTo('org/tree')).toEqual([]);
    cellButton('第一党支部', '支部委员会', '2026-09')!.click();
    await settle();
    expect(callsTo('activities/get')).toEqual([{ id: 'a-09' }]);
    expect(document.querySelector('.el-dialog__title')!.textContent).toBe('编辑组织生活记录');
    expect(callsTo('activities/suggest-attendance')).toEqual([]);
  });

  it('another year reloads the calendar for it', async () => {
    await mountCalendar();
    byTestId('cal-year-2025')!.querySelector('input')!.click(); // last year is one click away
    await settle();
    expect(callsTo('activities/calendar')).toEqual([{ year: 2026 }, { year: 2025 }]);
  });

  it('导出统计表 previews the statistics of the year shown (保存 is in the preview)', async () => {
    answer('activities/export-life-stats', (input) => ({ fileName: `${input.year}年组织生活统计表.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contentBase64: 'UEs=' }));
    await mountCalendar();
    byTestId('cal-year-2025')!.querySelector('input')!.click(); // last year is one click away
    await settle();
    byTestId('cal-export-stats')!.click();
    await settle();
    expect(callsTo('activities/export-life-stats')).toEqual([{ year: 2025 }]);
    expect(previewing.value?.file.fileName).toBe('2025年组织生活统计表.xlsx');
    expect(previewing.value?.savedPrefix).toBe('已导出');
    closePreview();
  });
});
