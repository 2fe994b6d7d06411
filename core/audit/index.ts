/** 操作记录 and 回收站: the hash-chained log, its check, and restoring deleted records. */
import { defineArea } from '../area.ts';
import { auditHandlers } from './handlers.ts';
import { summaries } from './summaries.ts';

export const auditArea = defineArea({
  name: 'audit',
  title: '操作记录与回收站',
  handlers: auditHandlers,
  summaries,
  labels: {},
  recyclable: [],
  settingDefaults: {},
  // audit_log and audit_head are the chain, not ledger records: loading the demo over a ledger appends to them
  tables: [],
});
