/** One line in Chinese per handler of this area, for `party-ledger call --list`. */
export const summaries: Record<string, string> = {
  'tests/list': '列出政治理论测试及合格率、平均分',
  'tests/results': '一次测试的每人成绩（含补考与首次成绩）',
  'tests/stats': '一次测试的参加人数、合格率、平均分、最高分、最低分（合计及按党支部、部门）',
  'tests/import-preview': '检查要导入的成绩表（问卷星、考试宝或姓名＋成绩），逐行列出问题',
  'tests/import': '导入成绩表为一次新测试；有任何问题的行则全部不写入',
  'tests/delete': '删除一次测试（移入回收站）',
  'tests/sample': '抽测：按随机种子从测试参加人员或所选党支部中抽取名单',
  'tests/draws': '列出已抽取的抽测名单',
  'tests/draw': '一份抽测名单，并以其随机种子重新核对',
  'tests/export-results': '导出测试成绩统计表（.xlsx）',
  'tests/export-draw': '打印抽测名单（.xlsx）',
};
