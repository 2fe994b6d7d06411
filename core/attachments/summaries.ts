/** One line in Chinese per handler of this area, for `party-ledger call --list`. */
export const summaries: Record<string, string> = {
  'attachments/list': '一条记录的附件列表',
  'attachments/add': '为一条记录添加附件',
  'attachments/content': '读取附件内容（可用 --out 保存）',
  'attachments/delete': '删除附件（移入回收站）',
};
