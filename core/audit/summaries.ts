/** One line in Chinese per handler of this area, for `party-ledger call --list`. */
export const summaries: Record<string, string> = {
  'audit/log': '查询操作日志（可搜索、按记录类型筛选、分页）',
  'audit/detail': '一条操作记录的详情：中文字段名、名称代替编号、本地时间，不含内部字段',
  'audit/verify': '校验操作日志的哈希链，指出第一条出问题的记录',
  'recycle/list': '回收站中的全部记录',
  'recycle/restore': '从回收站恢复一条记录',
};
