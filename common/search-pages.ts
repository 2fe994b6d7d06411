/**
 * The pages and 单位设置 sections global search can open by name (Ctrl+K → 党费 → 党费收缴),
 * with the words a clerk might type for them. The paths are renderer/src/nav.ts's;
 * a settings section opens through `?section=<key>` (views/system/SettingsView.vue).
 */
export interface SearchPage {
  /** unique key: the path, or settings:<section> */
  key: string;
  title: string;
  /** the group it sits in, shown under the title */
  group: string;
  path: string;
  query?: Record<string, string>;
  keywords: string[];
}

const page = (path: string, title: string, group: string, keywords: string[] = []): SearchPage => ({ key: path, title, group, path, keywords });
const section = (name: string, title: string, keywords: string[]): SearchPage => ({
  key: `settings:${name}`, title, group: '单位设置', path: '/settings', query: { section: name }, keywords,
});

export const SEARCH_PAGES: SearchPage[] = [
  page('/', '首页', '概览', ['本月待办', '待办', '提醒']),
  page('/stats', '统计分析', '概览', ['图表', '收缴率', '出席率', '热力图', '队伍结构']),
  page('/inspect', '迎检清单', '概览', ['迎检', '党建检查', '缺项清单', '档案材料', '完整度']),
  page('/org', '组织架构', '组织与党员', ['党支部', '党小组', '支委', '换届', '任命']),
  page('/members', '党员花名册', '组织与党员', ['党员', '花名册', '导入', '导出']),
  page('/dues/assessment', '年度核定', '党费', ['党费核定', '缴费基数', '比例']),
  page('/dues/collection', '党费收缴', '党费', ['交党费', '登记党费', '收缴']),
  page('/dues/arrears', '欠缴党费', '党费', ['欠缴', '补交']),
  page('/dues/remittance', '上缴与对账', '党费', ['上缴', '对账', '支出']),
  page('/dues/exports', '党费报表', '党费', ['报表', '公示']),
  page('/activities', '组织生活记录', '组织生活', ['三会一课', '支部委员会', '党员大会', '党小组会', '党课', '主题党日', '组织生活会', '会议记录']),
  page('/activities/calendar', '组织生活日历', '组织生活', ['日历', '缺失', '开展情况']),
  page('/activities/record-book', '记录本与统计', '组织生活', ['记录本', '打印记录本']),
  page('/development', '发展党员', '发展与转接', ['入党申请', '积极分子', '发展对象', '预备党员', '转正']),
  page('/development/reminders', '发展党员提醒', '发展与转接', ['到期', '提醒']),
  page('/transfers', '组织关系转接', '发展与转接', ['转接', '介绍信', '转出', '转入']),
  page('/transfers/receipts', '回执跟踪', '发展与转接', ['回执']),
  page('/audit', '操作日志', '系统', ['日志', '审计', '校验日志']),
  page('/recycle', '回收站', '系统', ['恢复', '删除']),
  page('/settings', '单位设置', '系统', ['设置']),
  section('unit', '单位信息', ['身份证号遮挡', '补记', '单位名称', '党委名称', '印章', '地址', '电话', '传真', '邮编', '邮政编码']),
  section('start', '台账启用日期', ['启用日期', '启用']),
  section('dues', '党费设置', ['党费', '缴纳比例', '党费标准']),
  section('activities', '组织生活频次规则', ['频次', '组织生活规则', '法定人数']),
  section('development', '发展党员规则', ['发展规则', '细则', '时限']),
  section('letter', '介绍信设置', ['介绍信', '编号', '有效期', '回执期限']),
  section('data', '数据与备份', ['备份', '恢复', '数据文件夹', '导出数据']),
  section('security', '安全', ['密码', '锁定', '应用锁']),
];
