// @vitest-environment happy-dom
/** v-loading as the app registers it: no mask for a read that answers within 200 ms, a mask for a slower one, gone when it answers. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick, ref, withDirectives } from 'vue';
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { SHOW_AFTER_MS, vDelayedLoading } from '../../renderer/src/composables/delayed-loading';

const loading = ref(false);
const text = ref('正在读取…');
const Host = defineComponent(() => () => withDirectives(h('div', { class: 'host', 'element-loading-text': text.value }, '数据'), [[vDelayedLoading, loading.value]]));
const mask = () => document.querySelector<HTMLElement>('.host .el-loading-mask');

beforeEach(() => {
  vi.useFakeTimers();
  loading.value = false;
});
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

function mountHost() {
  return mount(Host, { attachTo: document.body, global: { plugins: [ElementPlus] } });
}

describe('delayed v-loading', () => {
  it('a read that answers within the delay never shows a mask', async () => {
    mountHost();
    loading.value = true;
    await nextTick();
    vi.advanceTimersByTime(SHOW_AFTER_MS - 1);
    await nextTick();
    expect(mask()).toBeNull();
    loading.value = false;
    await nextTick();
    vi.advanceTimersByTime(1000);
    await nextTick();
    expect(mask()).toBeNull();
  });

  it('a slower read shows the mask with its text, and it goes when the read answers', async () => {
    mountHost();
    loading.value = true;
    await nextTick();
    vi.advanceTimersByTime(SHOW_AFTER_MS);
    await nextTick();
    expect(mask()).not.toBeNull();
    expect(mask()!.textContent).toContain('正在读取…');
    loading.value = false;
    await nextTick();
    vi.advanceTimersByTime(1000);
    await nextTick();
    expect(mask()).toBeNull();
  });

  it('loading from the first render (a page that reads on mount) waits the same delay', async () => {
    loading.value = true;
    mountHost();
    await nextTick();
    expect(mask()).toBeNull();
    vi.advanceTimersByTime(SHOW_AFTER_MS);
    await nextTick();
    expect(mask()).not.toBeNull();
  });

  it('unmounting while the delay runs leaves no mask and no timer behind', async () => {
    const w = mountHost();
    loading.value = true;
    await nextTick();
    w.unmount();
    vi.advanceTimersByTime(1000);
    expect(document.querySelector('.el-loading-mask')).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });
});
