/** 政治理论测试: scores imported from the quiz tools, 抽测 draws with their seed, 补考, results and the 测试成绩统计表. */
import { defineArea } from '../area.ts';
import { testHandlers } from './handlers.ts';
import { testLabels, testSettingDefaults } from './model.ts';
import { summaries } from './summaries.ts';
import { demoTests } from './demo.ts';

export const testsArea = defineArea({
  name: 'tests',
  title: '政治理论测试',
  handlers: testHandlers,
  summaries,
  labels: testLabels,
  recyclable: [{ table: 'political_tests', title: '政治理论测试', label: (r) => `${r.test_date} ${r.name}（${r.kind}）` }],
  settingDefaults: testSettingDefaults,
  demo: { title: '政治理论测试', run: demoTests },
  tables: ['political_tests', 'political_test_results', 'political_test_draws'],
});
