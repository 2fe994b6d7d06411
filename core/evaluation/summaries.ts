/** One line in Chinese per handler of this area, for `party-ledger call --list`. */
export const summaries: Record<string, string> = {
  'evaluation/show': '一个党支部一年的民主评议党员：每名党员的等次、测评票数、未参加原因，优秀比例提示',
  'evaluation/save': '登记或修改一个党支部一年的民主评议党员（整体保存）',
  'evaluation/delete': '删除一次民主评议（移入回收站）',
  'evaluation/meetings': '一个党支部一年的民主评议党员会议记录',
  'evaluation/scheme': '民主评议等次方案的各个版本及其依据',
  'evaluation/import-preview': '检查要导入的评议等次表（姓名、身份证号、等次），逐行列出问题',
  'evaluation/import': '按党支部导入评议等次；有任何问题的行则全部不写入',
  'evaluation/export-sheet': '导出一个党支部的民主测评表（.xlsx，姓名、四个等次勾选框、存在问题）',
  'evaluation/export-results': '导出民主评议党员结果汇总表（.xlsx，一个党支部或全年各支部）',
  'evaluation/export-report': '导出党支部民主评议党员情况报告（.docx，报党委）',
  'evaluation/stats': '民主评议的汇总数字（评议党员N名，评为优秀N名…）',
};
