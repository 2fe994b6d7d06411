/** One line in Chinese per handler of this area, for `party-ledger call --list`. */
export const summaries: Record<string, string> = {
  'evaluation/show': '一个党支部一年的民主评议党员：每名党员的等次、测评票数、未参加原因，优秀比例提示',
  'evaluation/save': '登记或修改一个党支部一年的民主评议党员（整体保存）',
  'evaluation/delete': '删除一次民主评议（移入回收站）',
  'evaluation/meetings': '一个党支部一年的民主评议党员会议记录',
  'evaluation/scheme': '民主评议等次方案的各个版本及其依据',
  'evaluation/stats': '民主评议的汇总数字（评议党员N名，评为优秀N名…）',
};
