/**
 * Whether the window is narrow (under 1280 px wide, e.g. 1024×768): a list may then leave out a column
 * that its record shows anyway, so that the key columns stay in the window. Follows the window's width.
 */
import { onBeforeUnmount, ref, type Ref } from 'vue';

export const NARROW_QUERY = '(max-width: 1279px)';

export function useNarrow(): Ref<boolean> {
  const mq = window.matchMedia(NARROW_QUERY);
  const narrow = ref(mq.matches);
  const onChange = (e: MediaQueryListEvent) => (narrow.value = e.matches);
  mq.addEventListener('change', onChange);
  onBeforeUnmount(() => mq.removeEventListener('change', onChange));
  return narrow;
}
