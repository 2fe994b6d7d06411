/**
 * The app lock as the renderer sees it: whether the lock screen shows, and the
 * idle watch that locks after the set minutes without a key or mouse. The core
 * enforces the same (core/lock/): a call from a locked session is refused and
 * brings the lock screen up here through `onLocked`.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { call, onLocked } from '../api/client';

const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;
const PING_EVERY_MS = 60_000;

export const useLockStore = defineStore('lock', () => {
  const enabled = ref(false);
  const locked = ref(false);
  const checked = ref(false);
  const idleMinutes = ref(10);
  let lastInput = Date.now();
  let lastPing = Date.now();
  let timer: ReturnType<typeof setInterval> | null = null;

  async function check() {
    const s = await call('lock/status', {});
    enabled.value = s.enabled;
    locked.value = !s.unlocked;
    idleMinutes.value = s.idleMinutes;
    checked.value = true;
    watchIdle();
  }

  async function unlock(password: string) {
    await call('lock/unlock', { password });
    locked.value = false;
    lastInput = lastPing = Date.now();
  }

  async function lockNow() {
    await call('lock/lock', {});
    locked.value = enabled.value;
  }

  function onInput() {
    lastInput = Date.now();
  }

  /** Locks after the idle minutes; while the clerk works without calling the core, tells it so once a minute. */
  function tick() {
    if (!enabled.value || locked.value) return;
    const now = Date.now();
    if (now - lastInput > idleMinutes.value * 60_000) {
      void lockNow().catch(() => (locked.value = true));
    } else if (lastInput > lastPing && now - lastPing > PING_EVERY_MS) {
      lastPing = now;
      void call('lock/status', { active: true }).then((s) => (locked.value = !s.unlocked)).catch(() => {});
    }
  }

  function watchIdle() {
    if (timer) return;
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onInput, { passive: true, capture: true });
    timer = setInterval(tick, 15_000);
  }

  onLocked(() => {
    enabled.value = true;
    locked.value = true;
  });

  return { enabled, locked, checked, idleMinutes, check, unlock, lockNow };
});
