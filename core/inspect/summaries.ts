/** One line in Chinese per handler of this area, for `party-ledger call --list`. */
export const summaries: Record<string, string> = {
  'inspect/items': '迎检清单的检查项目：十一个类别的默认项目（可修改、停用）和本单位新增的项目',
  'inspect/item-save': '新增迎检清单项目，或修改一个项目（默认项目的修改另存，不改动默认清单）',
  'inspect/item-remove': '删除本单位新增的项目，或撤销对默认项目的修改（移入回收站）',
  'inspect/check': '迎检检查：某年度（全部或一个党支部）各项目、各党组织齐全、不完整或缺失，写明原因和补齐入口，并按类别、党组织计算完整度',
  'inspect/export-gaps': '导出迎检缺项清单（.xlsx），可分发给各党支部',
  'inspect/summary': '首页迎检卡片：本年度总体完整度和缺项最多的几项',
};
