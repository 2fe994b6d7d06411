// @vitest-environment happy-dom
/** Typed dates kept (DateField, datesReady) and nothing typed lost (useDirtyGuard: ask before closing, drafts). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick, reactive, ref } from 'vue';
import { mount } from '@vue/test-utils';
import ElementPlus, { ElForm, ElFormItem, ElMessageBox } from 'element-plus';
import DateField from '../../renderer/src/components/DateField.vue';
import { datesReady } from '../../renderer/src/composables/date-fields';
import { useDirtyGuard } from '../../renderer/src/composables/dirty-guard';
import { settle, typeText } from './fake-client';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
  localStorage.clear();
});

const pause = () => new Promise((r) => setTimeout(r, 200));

function mountDate(initial: string) {
  const value = ref(initial);
  const w = mount(
    defineComponent({
      setup: () => () =>
        h(ElForm, null, () => h(ElFormItem, { label: '入党日期' }, () => h(DateField, { modelValue: value.value, 'onUpdate:modelValue': (v: unknown) => (value.value = v as string) }))),
    }),
    { attachTo: document.body, global: { plugins: [ElementPlus] } },
  );
  return { w, value, input: () => w.find('input').element as HTMLInputElement };
}

describe('DateField', () => {
  it('keeps a date typed over a prefilled one, before any blur, in every usual spelling', async () => {
    const { value, input } = mountDate('2026-11-28');
    await typeText(input(), '2026年10月15日');
    expect(value.value).toBe('2026-10-15');
    await typeText(input(), '20261016', true);
    expect(value.value).toBe('2026-10-16');
    expect(input().value).toBe('2026-10-16');
  });

  it('refuses an impossible date naming the field, keeps the text, and holds the save back', async () => {
    const { w, value, input } = mountDate('2026-11-28');
    await typeText(input(), '2026-13-45');
    expect(datesReady()).toBe(false); // what a save does first
    expect(value.value).toBe('2026-11-28');
    expect(input().value).toBe('2026-13-45');
    await pause(); // the form item shows an error after its 100 ms debounce
    expect(w.find('.el-form-item__error').text()).toContain('“入党日期”无法识别为日期');
    await typeText(input(), '2026/10/15');
    expect(datesReady()).toBe(true);
    await nextTick();
    expect(value.value).toBe('2026-10-15');
    await pause();
    expect(w.find('.el-form-item__error').exists()).toBe(false);
  });
});

function mountGuarded(opts: { key?: string } = {}) {
  const open = ref(false);
  const form = reactive({ name: '', content: '' });
  let guard!: ReturnType<typeof useDirtyGuard>;
  const w = mount(
    defineComponent({
      setup() {
        guard = useDirtyGuard({
          model: () => form,
          open,
          drafts: opts.key ? [{ key: () => opts.key!, get: () => form.content, set: (t) => (form.content = t) }] : undefined,
        });
        return () => h('div');
      },
    }),
    { attachTo: document.body, global: { plugins: [ElementPlus] } },
  );
  return { w, open, form, guard: () => guard };
}

const touch = () => window.dispatchEvent(new Event('pointerdown'));

describe('useDirtyGuard', () => {
  it('closes an unchanged dialog at once; a changed one asks, and 继续编辑 keeps it open', async () => {
    const ask = vi.spyOn(ElMessageBox, 'confirm');
    const { open, form, guard } = mountGuarded();
    open.value = true;
    await settle();
    touch();
    const done = vi.fn();
    guard().beforeClose(done);
    expect(done).toHaveBeenCalledOnce();
    expect(ask).not.toHaveBeenCalled();

    form.name = '李保留';
    ask.mockRejectedValueOnce('cancel');
    const kept = vi.fn();
    guard().beforeClose(kept);
    await settle();
    expect(ask).toHaveBeenCalledWith('放弃未保存的内容？', '提示', expect.objectContaining({ confirmButtonText: '放弃', cancelButtonText: '继续编辑' }));
    expect(kept).not.toHaveBeenCalled();

    ask.mockResolvedValueOnce('confirm' as never);
    await guard().cancel();
    expect(open.value).toBe(false);
  });

  it('keeps a long text as a draft while open, offers it back after a reload, and drops it on close', async () => {
    const first = mountGuarded({ key: 'activity:a1:content' });
    first.open.value = true;
    await settle();
    await first.guard().ready();
    first.form.content = '书记主持，委员逐一发言。';
    await settle();
    expect(localStorage.getItem('party-ledger:draft:activity:a1:content')).toBe('书记主持，委员逐一发言。');
    first.w.unmount(); // the window reloads with the dialog open: the draft stays

    const ask = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValueOnce('confirm' as never);
    const again = mountGuarded({ key: 'activity:a1:content' });
    again.open.value = true;
    await settle();
    await again.guard().ready();
    expect(ask).toHaveBeenCalledWith('恢复上次未保存的草稿？', '提示', expect.objectContaining({ confirmButtonText: '恢复' }));
    expect(again.form.content).toBe('书记主持，委员逐一发言。');
    again.open.value = false; // saved or 放弃
    await settle();
    expect(localStorage.getItem('party-ledger:draft:activity:a1:content')).toBeNull();
  });
});
