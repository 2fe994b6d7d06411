/**
 * The fake side of renderer/src/api/client for component and store tests.
 *
 * Each test file mocks the client module with
 *   vi.mock('../../renderer/src/api/client', (orig) => import('./fake-client').then((f) => f.clientModule(orig)));
 * so `call` and `saveFile` are answered here while `ApiError` and `readPickedFile`
 * stay the real ones (a component's `instanceof ApiError` sees the real class).
 * Everything else a component uses (Element Plus, Pinia, child components) is real.
 */
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import type { Component } from 'vue';

/**
 * happy-dom's Element.toString() serializes the element's whole subtree (a browser
 * says "[object HTMLDivElement]"); Popper, behind every Element Plus select and
 * tooltip, calls it on each update, which made opening a form take a second.
 * Answer as a browser does.
 */
Object.defineProperty(Element.prototype, 'toString', {
  configurable: true,
  value(this: Element) {
    return `[object ${this.constructor.name}]`;
  },
});

export interface Call {
  name: string;
  input: Record<string, unknown>;
}
type Answer = (input: Record<string, unknown>) => unknown;

/** Every call the component made, in order. */
export const calls: Call[] = [];
/** Files the component asked to save. */
export const savedFiles: { fileName: string }[] = [];
const answers = new Map<string, Answer>();

/** What the core answers to `name`; a throwing or rejecting answer is a failed call. */
export function answer(name: string, fn: Answer): void {
  answers.set(name, fn);
}

export const callsTo = (name: string): Record<string, unknown>[] => calls.filter((c) => c.name === name).map((c) => c.input);

export function resetFake(): Pinia {
  calls.length = 0;
  savedFiles.length = 0;
  answers.clear();
  document.body.innerHTML = '';
  const pinia = createPinia();
  setActivePinia(pinia);
  return pinia;
}

export async function clientModule(importOriginal: <T>() => Promise<T>) {
  const real = await importOriginal<typeof import('../../renderer/src/api/client')>();
  return {
    ...real,
    isDesktop: false,
    call: async (name: string, input: Record<string, unknown>) => {
      calls.push({ name, input });
      const fn = answers.get(name);
      if (!fn) throw new Error(`fake client: no answer for ${name}`);
      return fn(input);
    },
    saveFile: async (file: { fileName: string }) => {
      savedFiles.push(file);
      return file.fileName;
    },
  };
}

/** Mounts a component the way main.ts does (Pinia + Element Plus), attached to the document so dialogs render. */
export function mountReal<C extends Component>(component: C, options: { props?: Record<string, unknown>; pinia: Pinia; plugins?: unknown[] }) {
  const wrapper = mount(component as Component, {
    attachTo: document.body,
    props: options.props,
    global: { plugins: [options.pinia, ElementPlus, ...((options.plugins ?? []) as [])] },
  });
  return wrapper;
}

/** A dialog with v-model: the test plays the parent that writes the model back. */
export function mountDialog<C extends Component>(component: C, options: { props?: Record<string, unknown>; pinia: Pinia }) {
  const wrapper = mountReal(component, {
    pinia: options.pinia,
    props: { modelValue: false, ...options.props, 'onUpdate:modelValue': (v: boolean) => wrapper.setProps({ modelValue: v }) },
  });
  return wrapper;
}

/** Lets promises and Vue updates settle (twice, for chains of awaits). */
export async function settle(): Promise<void> {
  await flushPromises();
  await flushPromises();
}

/** The text of the messages (ElMessage) currently shown to the clerk. */
export const messages = (): string[] => [...document.querySelectorAll('.el-message')].map((e) => e.textContent?.trim() ?? '');

export const byTestId = <E extends Element = HTMLElement>(id: string): E | null => document.querySelector<E>(`[data-testid="${id}"]`);

/** The form item whose label reads `label` (Element Plus forms). */
export function formItem(label: string): HTMLElement {
  const item = [...document.querySelectorAll<HTMLElement>('.el-form-item')].find((e) => e.querySelector('.el-form-item__label')?.textContent?.trim() === label);
  if (!item) throw new Error(`no form item labelled ${label}`);
  return item;
}

/** Types into an input as the clerk does (input, then change) and lets Vue update. */
export async function typeText(input: HTMLInputElement | HTMLTextAreaElement, value: string, leave = false): Promise<void> {
  input.value = value;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('change'));
  if (leave) input.dispatchEvent(new FocusEvent('blur'));
  await settle();
}
