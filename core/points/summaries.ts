/** One line in Chinese per handler of this area, for `party-ledger call --list`. */
export const summaries: Record<string, string> = {
  'points/year': '每名党员一年的积分（基础分、各类加减分、逐条来源、支部和全局排名）',
  'points/honours': '按积分产生的评先树优名单（前N名或分数线，见积分设置）',
  'points/entries': '列出一年党支部登记的积分事项（含未审核的）',
  'points/add-entry': '登记一条积分事项（证明材料可作为附件添加；可同时填写支委会审核）',
  'points/update-entry': '修改一条积分事项',
  'points/approve': '支委会审核一条积分事项（日期、会议）；审核后才计分',
  'points/unapprove': '撤销一条积分事项的审核',
  'points/delete-entry': '删除一条积分事项（移入回收站）',
  'points/exclude': '设置党员某年不参加积分（借调、外出培训、长期病假等），reason 为空则恢复',
  'points/scheme': '积分方案的各个版本（示例及党委制定的），以及某年施行的版本',
  'points/scheme-save': '保存党委制定的积分方案（新增一个版本）',
  'points/settings': '积分设置：不参加积分的情形和人员类别、预备党员、评先树优名单规则',
  'points/settings-save': '保存积分设置',
  'points/export': '导出一个党支部某月的党员积分登记表和积分公示表（.xlsx）',
};
