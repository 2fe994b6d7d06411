/**
 * Nothing typed is lost: a form dialog asks "放弃未保存的内容？" before it
 * closes with changes (Esc, ×, a click outside — el-dialog's `before-close` —
 * and its 取消/关闭 button through `cancel`), and long texts keep a local
 * draft (localStorage) that is offered back when the same record is opened
 * again after the window was closed or reloaded. A draft is dropped when the
 * dialog closes (saved, unchanged or 放弃) and when the clerk declines it.
 *
 * "Changed" compares the model with a snapshot taken at the clerk's first key, focus
 * or click in the dialog (so a form filled after an asynchronous load is not
 * changed yet), or at `ready()` for a dialog that says when it has loaded.
 */
import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue';
import { ElMessageBox } from 'element-plus';
import { pushDialog } from './shortcuts';

export interface Draft {
  /** the record's key (its id, or 'new:' + type + org); null: no draft for now */
  key: () => string | null;
  get: () => string;
  set: (text: string) => void;
}

export interface DirtyGuardOptions {
  /** everything the clerk edits in the dialog */
  model: () => unknown;
  /** the dialog's v-model; omitted: the dialog is open while it is mounted */
  open?: Ref<boolean>;
  /** how 取消 closes the dialog (default: open = false) */
  close?: () => void;
  /** what Ctrl+S does (the dialog's 保存) */
  save?: () => unknown;
  drafts?: Draft[];
}

const PREFIX = 'party-ledger:draft:';

function store(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

async function confirm(message: string, yes: string, no: string): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, '提示', { confirmButtonText: yes, cancelButtonText: no, type: 'warning', closeOnClickModal: false });
    return true;
  } catch {
    return false;
  }
}

/** Asks before a changed dialog closes; a "no" keeps the dialog and what was typed. */
export function askDiscard(): Promise<boolean> {
  return confirm('放弃未保存的内容？', '放弃', '继续编辑');
}

export function useDirtyGuard(opts: DirtyGuardOptions) {
  let initial: string | null = null;
  const snap = () => JSON.stringify(opts.model() ?? null);
  const take = () => {
    initial = snap();
  };
  const dirty = () => initial !== null && snap() !== initial;

  // drafts: the text as loaded (so an untouched text writes no draft) and the key last written
  const loaded = new Map<Draft, string>();
  const written = new Map<Draft, string>();
  let drafting = false;

  function writeDrafts() {
    const s = store();
    if (!s || !drafting) return;
    for (const d of opts.drafts ?? []) {
      const k = d.key();
      const prev = written.get(d);
      if (prev && prev !== k) s.removeItem(PREFIX + prev);
      if (!k) continue;
      const text = d.get();
      if (text && text !== loaded.get(d)) {
        s.setItem(PREFIX + k, text);
        written.set(d, k);
      } else {
        s.removeItem(PREFIX + k);
        written.delete(d);
      }
    }
  }

  function clearDrafts() {
    const s = store();
    drafting = false;
    for (const d of opts.drafts ?? []) {
      const k = d.key();
      if (k) s?.removeItem(PREFIX + k);
      const w = written.get(d);
      if (w) s?.removeItem(PREFIX + w);
    }
    written.clear();
  }

  if (opts.drafts?.length) watch(() => opts.drafts!.map((d) => [d.key(), d.get()]), writeDrafts, { deep: true });

  /** The dialog has loaded its record: the unchanged snapshot, then any draft of this record is offered back. */
  async function ready() {
    take();
    const s = store();
    for (const d of opts.drafts ?? []) {
      loaded.set(d, d.get());
      const k = d.key();
      const kept = k ? s?.getItem(PREFIX + k) : null;
      if (k && kept && kept !== d.get()) {
        if (await confirm('恢复上次未保存的草稿？', '恢复', '不恢复')) d.set(kept);
        else s?.removeItem(PREFIX + k);
      }
    }
    drafting = true;
    writeDrafts();
  }

  /** Saved and still open (保存并添加附件): what is on screen now is the unchanged state, and no draft is needed. */
  function saved() {
    take();
    for (const d of opts.drafts ?? []) loaded.set(d, d.get());
    writeDrafts();
  }

  let pop: (() => void) | null = null;
  function opened() {
    initial = null;
    loaded.clear();
    drafting = false;
    pop?.();
    pop = pushDialog({ save: opts.save, touch: () => initial === null && take() });
  }
  function closed() {
    pop?.();
    pop = null;
    clearDrafts();
    initial = null;
  }

  if (opts.open) {
    watch(opts.open, (v) => (v ? opened() : closed()), { immediate: opts.open.value });
  } else {
    onMounted(opened);
  }
  // unmounted while open (the window reloaded, the page left): the dialog leaves the stack, the drafts stay
  onBeforeUnmount(() => {
    pop?.();
    pop = null;
  });

  /** For el-dialog's `before-close`: closes at once when unchanged, else asks first. */
  function beforeClose(done: () => void) {
    if (!dirty()) return done();
    void askDiscard().then((yes) => yes && done());
  }

  /** For the 取消/关闭 button. */
  async function cancel() {
    if (dirty() && !(await askDiscard())) return;
    if (opts.close) opts.close();
    else if (opts.open) opts.open.value = false;
  }

  return { dirty, beforeClose, cancel, ready, saved };
}
