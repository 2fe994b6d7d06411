/**
 * The one keyboard handler of the app: Ctrl+S saves the topmost open dialog
 * (the browser's 保存网页 never opens), Ctrl+N opens 新增 on the current list
 * page when no dialog is open. Dialogs join through useDirtyGuard
 * (composables/dirty-guard.ts), pages through usePageShortcuts. The handler
 * also tells the topmost dialog of the clerk's first key, click or focus,
 * which is when that dialog takes its "unchanged" snapshot.
 */
import { onBeforeUnmount, onMounted } from 'vue';
import { datesReady } from './date-fields';

export interface DialogEntry {
  /** what Ctrl+S does; none: Ctrl+S does nothing in this dialog */
  save?: () => unknown;
  /** called before the clerk's first key or click reaches the dialog */
  touch: () => void;
}

const dialogs: DialogEntry[] = [];
const pages: { add?: () => unknown }[] = [];
let installed = false;

/** A message box (放弃未保存的内容？ and the like) is on screen: keys are its own. */
function asking(): boolean {
  return [...document.querySelectorAll('.el-overlay.is-message-box')].some((e) => e.getClientRects().length > 0);
}

function onKeydown(e: KeyboardEvent) {
  dialogs.at(-1)?.touch();
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
  const k = e.key.toLowerCase();
  if (k !== 's' && k !== 'n') return;
  e.preventDefault();
  if (asking()) return;
  const top = dialogs.at(-1);
  if (k === 's') {
    if (top?.save && datesReady()) void top.save();
  } else if (!top) {
    void pages.at(-1)?.add?.();
  }
}

function install() {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  window.addEventListener('keydown', onKeydown, true);
  // before the first change reaches a field: a click, a key, focus moving into a field, text about to be inserted
  for (const type of ['pointerdown', 'focusin', 'beforeinput'] as const) window.addEventListener(type, () => dialogs.at(-1)?.touch(), true);
}

/** Puts an open dialog on top of the stack; returns how to take it off. */
export function pushDialog(entry: DialogEntry): () => void {
  install();
  dialogs.push(entry);
  return () => {
    const i = dialogs.indexOf(entry);
    if (i >= 0) dialogs.splice(i, 1);
  };
}

/** A list page's shortcuts while it is shown: `add` is what Ctrl+N does (its 新增 button). */
export function usePageShortcuts(handlers: { add?: () => unknown }): void {
  const entry = { ...handlers };
  onMounted(() => {
    install();
    pages.push(entry);
  });
  onBeforeUnmount(() => {
    const i = pages.indexOf(entry);
    if (i >= 0) pages.splice(i, 1);
  });
}
