/** 全局搜索: members, meetings, dossiers, transfers and pages in one answer. */
import { z } from 'zod';
import { handler } from '../handler.ts';
import { SEARCH_MAX } from '../validate.ts';
import { globalSearch } from './global.ts';

export const finderHandlers = {
  'search/global': handler(
    z.object({
      q: z.string().max(SEARCH_MAX, `不能超过 ${SEARCH_MAX} 字，请缩短搜索内容`),
      limit: z.number({ error: '应为数字' }).int('应为整数').min(1, '至少为 1').max(50, '不能超过 50').optional(),
    }),
    (ctx, { q, limit }) => globalSearch(ctx, q, limit),
  ),
};
