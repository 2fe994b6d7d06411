/** The shape of the home page's 本月待办 items and of the setup checklist (plain JSON for every host). */

export type Urgency = 'overdue' | 'week' | 'month';

/** Where a click goes: a renderer route and the query that opens the exact form (read once by the target view). */
export interface DeskLink {
  path: string;
  query: Record<string, string>;
}

export interface TodoItem {
  /** stable within a day, e.g. life:<orgId>:支部委员会:2026-11 */
  id: string;
  urgency: Urgency;
  /** Chinese, one line */
  title: string;
  detail: string;
  /** the last day it is due (ISO), null when it has no single date */
  due: string | null;
  link: DeskLink;
}

export interface DeskTodo {
  asOf: string;
  month: string;
  items: TodoItem[];
}

export interface ChecklistStep {
  key: 'branch' | 'committee' | 'members' | 'assessment' | 'activity';
  label: string;
  done: boolean;
  /** what the step asks, shown under the label while it is not done */
  hint: string;
  link: DeskLink;
}

export interface SetupChecklist {
  steps: ChecklistStep[];
  /** every step done */
  complete: boolean;
}

export const URGENCY_ORDER: Record<Urgency, number> = { overdue: 0, week: 1, month: 2 };

/** localeCompare(…, 'zh-CN') without looking the collation up again on every comparison */
const zh = new Intl.Collator('zh-CN');

/** Most urgent first; within an urgency, the earlier due date first (undated last), then by title. */
export function byUrgency(a: TodoItem, b: TodoItem): number {
  return URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency] || (a.due ?? '9999').localeCompare(b.due ?? '9999') || zh.compare(a.title, b.title);
}
