/**
 * "加入整改" from any gap (the home page's 本月待办, the calendar's 缺项, the 迎检清单, 欠缴党费): one composable per
 * page holds which gaps of its kind are being rectified ('rectification/linked'), opens the one 整改 form
 * (RectifyDialog.vue → ItemDialog.vue) prefilled and linked to the gap, and reloads after saving, so the gap then
 * shows 整改中 (RectifyAction.vue) until the item is 销号.
 */
import { reactive } from 'vue';
import { call } from '../../api/client';
import type { LinkKind } from '../../../../common/rectification';

export interface RectifyPrefill {
  /** the gap's key within its kind: compliance `${orgId}|${type}|${period}`, inspect `${year}|${itemId}|${orgId}`, arrears `${memberId}|${first unpaid month}` */
  linkKey: string;
  title: string;
  ownerUnit: string;
  measure: string;
  source?: string;
  dueOn?: string;
}

export type Rectifier = ReturnType<typeof useRectifying>;

export function useRectifying(kind: LinkKind) {
  const state = reactive({
    kind,
    linked: {} as Record<string, { id: string; code: string; status: string }>,
    open: false,
    prefill: null as Record<string, string> | null,
    plans: [] as { id: string; name: string; aspects: string[] }[],
    async reload() {
      state.linked = await call('rectification/linked', { kind }).catch(() => ({}));
    },
    async rectify(p: RectifyPrefill) {
      state.plans = await call('rectification/plans', {}).catch(() => []);
      state.prefill = { source: '党建工作检查', ...p, linkKind: kind };
      state.open = true;
    },
  });
  return state;
}
