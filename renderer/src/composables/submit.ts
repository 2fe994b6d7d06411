/**
 * The one way a form sends itself and shows the core's objections: each under
 * its own field (`fieldErrors`), the whole message as a notice, the button
 * busy meanwhile (`useSubmit`).
 */
import { ref } from 'vue';
import { ApiError } from '../api/client';
import { showError } from '../notify';
import { datesReady } from './date-fields';

/** One objection as the core sends it in `details`: its own `field` (service checks) or a zod `path`. */
interface Objection {
  field?: string;
  path?: (string | number)[];
  message: string;
}

function isObjection(x: unknown): x is Objection {
  return typeof x === 'object' && x !== null && typeof (x as Objection).message === 'string';
}

/**
 * The core's objections by form field: every detail under its own field (the
 * first one per field wins), else the error's message under its field; nothing
 * for an error that names no field. `prefix` ("member.") is dropped from the
 * field names of a nested input.
 */
export function fieldErrors(e: unknown, prefix = ''): Record<string, string> {
  if (!(e instanceof ApiError) || !e.field) return {};
  const strip = (f: string) => (prefix && f.startsWith(prefix) ? f.slice(prefix.length) : f);
  const out: Record<string, string> = {};
  for (const p of Array.isArray(e.details) ? e.details.filter(isObjection) : []) {
    const f = p.field ?? p.path?.join('.');
    if (f && !out[strip(f)]) out[strip(f)] = p.message;
  }
  if (!Object.keys(out).length) out[strip(e.field)] = e.message;
  return out;
}

export interface SubmitOptions {
  /** dropped from field names (a nested input such as transfers/in's `member.`) */
  prefix?: string;
}

/**
 * `errors` (by field) and `saving` for a form, and `submit(action)`: clears the
 * errors, runs the action, and on failure places the objections and shows the
 * message. Resolves true when the action succeeded.
 */
export function useSubmit(opts: SubmitOptions = {}) {
  const errors = ref<Record<string, string>>({});
  const saving = ref(false);
  async function submit(action: () => Promise<unknown>): Promise<boolean> {
    errors.value = {};
    // a typed date that is no date stays on screen with its objection; nothing is sent
    if (!datesReady()) return false;
    saving.value = true;
    try {
      await action();
      return true;
    } catch (e) {
      errors.value = fieldErrors(e, opts.prefix);
      showError(e);
      return false;
    } finally {
      saving.value = false;
    }
  }
  const clear = () => {
    errors.value = {};
  };
  return { errors, saving, submit, clear };
}
