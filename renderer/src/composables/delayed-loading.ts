/**
 * v-loading with a show delay: Element Plus's loading mask, shown only once a load has lasted
 * SHOW_AFTER_MS. Most of the ledger's reads answer well within that, and a mask that appears
 * and then fades out for 0.3 s over rows already drawn only hides them (a 组织生活记录 page was
 * drawn at ~260 ms and uncovered at ~590). Registered over Element Plus's own `loading`
 * directive in main.ts, so every `v-loading` in the views gets it; its options (the
 * element-loading-* attributes) pass through unchanged.
 */
import { vLoading } from 'element-plus';
import type { Directive, DirectiveBinding } from 'vue';

export const SHOW_AFTER_MS = 200;

const base = vLoading as unknown as { updated: (el: HTMLElement, b: DirectiveBinding) => void; unmounted: (el: HTMLElement) => void };

interface State {
  timer?: ReturnType<typeof setTimeout>;
  shown: boolean;
  binding: DirectiveBinding;
}
const STATE = Symbol('delayed-loading');
type El = HTMLElement & { [STATE]?: State };

function show(el: El, s: State) {
  s.timer = undefined;
  s.shown = true;
  base.updated(el, s.binding);
}

function apply(el: El, binding: DirectiveBinding) {
  const s = (el[STATE] ??= { shown: false, binding });
  s.binding = binding;
  if (binding.value) {
    if (s.shown) base.updated(el, binding); // text or options changed while showing
    else s.timer ??= setTimeout(() => show(el, s), SHOW_AFTER_MS);
    return;
  }
  clearTimeout(s.timer);
  s.timer = undefined;
  if (s.shown) {
    s.shown = false;
    base.updated(el, binding); // false: Element Plus closes its mask
  }
}

export const vDelayedLoading: Directive<HTMLElement, unknown> = {
  mounted: apply,
  updated: apply,
  unmounted(el: El) {
    const s = el[STATE];
    clearTimeout(s?.timer);
    if (s?.shown) base.unmounted(el);
    delete el[STATE];
  },
};
