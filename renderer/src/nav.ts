/**
 * The left navigation and the routes behind it. An area adds its pages here:
 * one entry per page, grouped under a heading.
 */
import type { Component } from 'vue';
import { House, DataAnalysis as StatsIcon, OfficeBuilding, User, Document, Delete, Setting, EditPen } from '@element-plus/icons-vue';
import { Wallet as DuesAssessIcon, Coin as DuesCollectIcon, Warning as DuesArrearsIcon, Money as DuesRemitIcon, Files as DuesExportIcon } from '@element-plus/icons-vue';
import { Notebook as ActivitiesIcon, Calendar as CalendarIcon, Printer as RecordBookIcon } from '@element-plus/icons-vue';
import { Switch as TransfersIcon, Tickets as ReceiptsIcon, Promotion as TransferOutIcon, Stamp as TransferInIcon } from '@element-plus/icons-vue';
import { Flag as DevelopmentIcon, Bell as DevRemindersIcon, Files as DossierIcon } from '@element-plus/icons-vue';
import { Finished as InspectIcon, Reading as HoursIcon } from '@element-plus/icons-vue';
import { FolderOpened as ArchiveIcon } from '@element-plus/icons-vue';
import { Reading as StudyIcon } from '@element-plus/icons-vue';
import { Medal as EvaluationIcon, Present as CareIcon, WarnTriangleFilled as DisposalIcon, Trophy as PointsIcon, StarFilled as StarsIcon } from '@element-plus/icons-vue';
import { CircleCheck as RectIcon, Collection as RulesIcon, AlarmClock as NoticeIcon, Memo as SummaryIcon } from '@element-plus/icons-vue';

export interface NavEntry {
  path: string;
  title: string;
  group: '概览' | '组织与党员' | '组织生活' | '党费' | '发展与转接' | '考核评价' | '档案' | '系统';
  icon: Component;
  component: () => Promise<unknown>;
  /** Hidden from the menu (detail pages). */
  hidden?: boolean;
}

export const NAV: NavEntry[] = [
  { path: '/', title: '首页', group: '概览', icon: House, component: () => import('./views/home/HomeView.vue') },
  { path: '/stats', title: '统计分析', group: '概览', icon: StatsIcon, component: () => import('./views/stats/StatsView.vue') },
  { path: '/summary', title: '党建工作总结', group: '概览', icon: SummaryIcon, component: () => import('./views/summary/SummaryView.vue') },
  { path: '/inspect', title: '迎检清单', group: '概览', icon: InspectIcon, component: () => import('./views/inspect/InspectView.vue') },
  { path: '/org', title: '组织架构', group: '组织与党员', icon: OfficeBuilding, component: () => import('./views/org/OrgView.vue') },
  { path: '/members', title: '党员花名册', group: '组织与党员', icon: User, component: () => import('./views/members/MembersView.vue') },
  { path: '/dues/assessment', title: '年度核定', group: '党费', icon: DuesAssessIcon, component: () => import('./views/dues/AssessmentView.vue') },
  { path: '/dues/collection', title: '党费收缴', group: '党费', icon: DuesCollectIcon, component: () => import('./views/dues/CollectionView.vue') },
  { path: '/dues/arrears', title: '欠缴党费', group: '党费', icon: DuesArrearsIcon, component: () => import('./views/dues/ArrearsView.vue') },
  { path: '/dues/remittance', title: '上缴与对账', group: '党费', icon: DuesRemitIcon, component: () => import('./views/dues/RemittanceView.vue') },
  { path: '/dues/exports', title: '党费报表', group: '党费', icon: DuesExportIcon, component: () => import('./views/dues/ExportsView.vue') },
  { path: '/activities', title: '组织生活记录', group: '组织生活', icon: ActivitiesIcon, component: () => import('./views/activities/ActivitiesView.vue') },
  { path: '/activities/calendar', title: '组织生活日历', group: '组织生活', icon: CalendarIcon, component: () => import('./views/activities/CalendarView.vue') },
  { path: '/notices', title: '党建工作提醒', group: '组织生活', icon: NoticeIcon, component: () => import('./views/notices/NoticesView.vue') },
  { path: '/activities/record-book', title: '记录本与统计', group: '组织生活', icon: RecordBookIcon, component: () => import('./views/activities/RecordBookView.vue') },
  { path: '/tests', title: '政治理论测试', group: '组织生活', icon: EditPen, component: () => import('./views/tests/TestsView.vue') },
  { path: '/study', title: '学习教育', group: '组织生活', icon: StudyIcon, component: () => import('./views/study/StudyView.vue') },
  { path: '/hours', title: '学时', group: '组织生活', icon: HoursIcon, component: () => import('./views/hours/HoursView.vue') },
  { path: '/development', title: '发展党员', group: '发展与转接', icon: DevelopmentIcon, component: () => import('./views/development/DevelopmentView.vue') },
  { path: '/development/file', title: '发展档案', group: '发展与转接', icon: DossierIcon, component: () => import('./views/development/DossierView.vue'), hidden: true },
  { path: '/development/reminders', title: '发展党员提醒', group: '发展与转接', icon: DevRemindersIcon, component: () => import('./views/development/RemindersView.vue') },
  { path: '/transfers', title: '组织关系转接', group: '发展与转接', icon: TransfersIcon, component: () => import('./views/transfers/TransfersView.vue') },
  { path: '/transfers/out', title: '转出（开具介绍信）', group: '发展与转接', icon: TransferOutIcon, component: () => import('./views/transfers/TransferOutView.vue'), hidden: true },
  { path: '/transfers/in', title: '登记转入', group: '发展与转接', icon: TransferInIcon, component: () => import('./views/transfers/TransferInView.vue'), hidden: true },
  { path: '/transfers/receipts', title: '回执跟踪', group: '发展与转接', icon: ReceiptsIcon, component: () => import('./views/transfers/ReceiptsView.vue') },
  { path: '/evaluation', title: '民主评议党员', group: '考核评价', icon: EvaluationIcon, component: () => import('./views/evaluation/EvaluationView.vue') },
  { path: '/disposal', title: '不合格党员处置', group: '考核评价', icon: DisposalIcon, component: () => import('./views/disposal/DisposalView.vue') },
  { path: '/care', title: '走访慰问', group: '考核评价', icon: CareIcon, component: () => import('./views/care/CareView.vue') },
  { path: '/points', title: '党员积分', group: '考核评价', icon: PointsIcon, component: () => import('./views/points/PointsView.vue') },
  { path: '/stars', title: '评星定级', group: '考核评价', icon: StarsIcon, component: () => import('./views/stars/StarsView.vue') },
  { path: '/rectification', title: '整改台账', group: '考核评价', icon: RectIcon, component: () => import('./views/rectification/RectificationView.vue') },
  { path: '/rules-docs', title: '制度文件', group: '档案', icon: RulesIcon, component: () => import('./views/rectification/RulesDocsView.vue') },
  { path: '/archive', title: '档案管理', group: '档案', icon: ArchiveIcon, component: () => import('./views/archive/ArchiveView.vue') },
  { path: '/audit', title: '操作日志', group: '系统', icon: Document, component: () => import('./views/system/AuditView.vue') },
  { path: '/recycle', title: '回收站', group: '系统', icon: Delete, component: () => import('./views/system/RecycleView.vue') },
  { path: '/settings', title: '单位设置', group: '系统', icon: Setting, component: () => import('./views/system/SettingsView.vue') },
];

export const NAV_GROUPS: NavEntry['group'][] = ['概览', '组织与党员', '组织生活', '党费', '发展与转接', '考核评价', '档案', '系统'];
