/** One line in Chinese per handler of this area, for `party-ledger call --list`. */
export const summaries: Record<string, string> = {
  'backup/status': '数据文件夹、备份列表和保留设置',
  'backup/create': '立即备份（保存在 backups/ 中，并可用 --out 另存）',
  'backup/inspect': '检查一个备份文件并显示其中的内容，不恢复',
  'backup/restore': '从备份恢复台账（原台账自动保留）',
  'backup/settings-save': '保存备份保留天数和月数',
};
