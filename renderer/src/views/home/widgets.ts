/**
 * Dashboard cards on the home page. Each area adds its card component here
 * (e.g. 党费收缴进度, 发展党员提醒); each card loads its own data. The first two
 * span the whole row: 开始使用 (only while a step of a new ledger is open) and 本月待办.
 */
import { defineAsyncComponent, type Component } from 'vue';

export const HOME_WIDGETS: { key: string; component: Component }[] = [
  { key: 'setup', component: defineAsyncComponent(() => import('./SetupChecklist.vue')) },
  { key: 'desk-todo', component: defineAsyncComponent(() => import('./TodoList.vue')) },
  { key: 'roster', component: defineAsyncComponent(() => import('./RosterWidget.vue')) },
  { key: 'dues', component: defineAsyncComponent(() => import('../dues/DuesWidget.vue')) },
  { key: 'activities-todo', component: defineAsyncComponent(() => import('../activities/TodoWidget.vue')) },
  { key: 'transfers', component: defineAsyncComponent(() => import('../transfers/TransfersWidget.vue')) },
  { key: 'development', component: defineAsyncComponent(() => import('../development/DevelopmentWidget.vue')) },
  { key: 'stats', component: defineAsyncComponent(() => import('../stats/StatsWidget.vue')) },
  { key: 'disposal', component: defineAsyncComponent(() => import('../disposal/DisposalWidget.vue')) },
  { key: 'inspect', component: defineAsyncComponent(() => import('../inspect/InspectWidget.vue')) },
  { key: 'evaluation', component: defineAsyncComponent(() => import('../evaluation/EvaluationWidget.vue')) },
  { key: 'points', component: defineAsyncComponent(() => import('../points/PointsWidget.vue')) },
  { key: 'stars', component: defineAsyncComponent(() => import('../stars/StarsWidget.vue')) },
  { key: 'rectification', component: defineAsyncComponent(() => import('../rectification/RectWidget.vue')) },
];
