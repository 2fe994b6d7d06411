/** 档案: archive items (件) of every year, their 件号 and 档号, files, 作废, search and the 归档文件目录. */
import { defineArea } from '../area.ts';
import { archiveHandlers } from './handlers.ts';
import { summaries } from './summaries.ts';
import { archiveSettingDefaults } from './settings.ts';
import { demoArchive } from './demo.ts';

export const archiveArea = defineArea({
  name: 'archive',
  title: '档案',
  handlers: archiveHandlers,
  summaries,
  labels: {
    year: '年度',
    category: '类别',
    orgId: '所属组织',
    title: '题名',
    author: '责任者',
    docNo: '文号',
    docDate: '日期',
    pages: '页数',
    secrecy: '密级',
    retention: '保管期限',
    note: '备注',
    reason: '作废原因',
    voidReason: '作废原因',
    voidedAt: '作废时间',
    version: '版本',
    itemNo: '件号',
    categoryCode: '类别',
    files: '文件',
    fileName: '文件名',
    contentBase64: '文件内容',
    key: '生成文档',
    attachmentIds: '会议附件',
    fondsNo: '全宗号',
    classCode: '门类代码',
    orgCode: '机构代码',
    code: '类别代码',
    name: '类别名称',
    defaultRetention: '默认保管期限',
    retired: '停用',
    search: '搜索内容',
    includeVoided: '显示作废',
    kind: '文件类别',
    from: '开始日期',
    to: '结束日期',
    pdf: '每类合并文档',
    jobId: '任务编号',
  },
  recyclable: [],
  settingDefaults: archiveSettingDefaults,
  demo: { title: '档案', run: demoArchive },
  tables: ['archive_categories', 'archive_items'],
  attachmentOwners: {
    archive_items: {
      title: '档案',
      exists: async (tx, id) => Boolean(await tx.selectFrom('archive_items').select('id').where('id', '=', id).executeTakeFirst()),
    },
  },
});
