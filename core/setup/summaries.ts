/** One line in Chinese per handler of this area, for `party-ledger call --list`. */
export const summaries: Record<string, string> = {
  'setup/status': '台账是否为空、单位名称、今天的日期（含固定日期）',
  'setup/create': '在空台账中创建党委并填写单位名称',
  'setup/demo': '载入示例分局（force 为 true 时先清空已有数据）',
  'settings/get': '读取某一前缀下的全部设置项',
};
