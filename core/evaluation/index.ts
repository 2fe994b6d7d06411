/** 民主评议党员: a branch's evaluation of a year, linked to its meeting, each member's grade with the 测评 tally, the one-third rule. */
import { defineArea } from '../area.ts';
import { evaluationHandlers } from './handlers.ts';
import { evaluationLabels, evaluationSettingDefaults } from './model.ts';
import { summaries } from './summaries.ts';
import { demoEvaluation } from './demo.ts';
import { checkEvaluationRestore } from './service.ts';

export const evaluationArea = defineArea({
  name: 'evaluation',
  title: '民主评议党员',
  handlers: evaluationHandlers,
  summaries,
  labels: evaluationLabels,
  recyclable: [{ table: 'evaluations', title: '民主评议', label: (r) => `${r.year}年 ${r.held_on}`, checkRestore: checkEvaluationRestore }],
  settingDefaults: evaluationSettingDefaults,
  demo: { title: '民主评议党员', run: demoEvaluation },
  tables: ['evaluations', 'evaluation_ratings'],
});
