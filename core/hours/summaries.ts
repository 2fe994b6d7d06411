/** One line in Chinese per handler of this area, for `party-ledger call --list`. */
export const summaries: Record<string, string> = {
  'hours/settings': '学时计算设置：计入学时的会议类型及计法、每学时分钟数、班子成员认定、年中入党是否折算',
  'hours/settings-save': '保存学时计算设置',
  'hours/year': '每名党员一年的学时（会议学习、培训、网络学习）、应达学时和是否达标',
  'hours/trainings': '列出一年的培训记录（集中培训、网络培训）',
  'hours/add-training': '登记一条培训记录（证书可作为附件添加）',
  'hours/update-training': '修改一条培训记录',
  'hours/delete-training': '删除一条培训记录（移入回收站）',
  'hours/import-preview': '检查要导入的网络学习学时表（姓名＋学时），逐行列出问题',
  'hours/import': '导入网络学习学时表；有任何问题的行则全部不写入',
  'hours/imports': '列出一年已导入的网络学习学时表',
  'hours/delete-import': '删除一次网络学习学时导入（移入回收站）',
  'hours/export': '导出学时登记表（.xlsx，汇总及每个党支部一页）',
};
