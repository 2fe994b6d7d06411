/** One way to tell the clerk that something failed or succeeded. */
import { ElMessage } from 'element-plus';

export function showError(e: unknown): void {
  ElMessage({ type: 'error', message: (e as Error)?.message ?? String(e), duration: 6000, showClose: true });
}

export function showOk(message: string): void {
  ElMessage({ type: 'success', message });
}

/** Runs an action, shows its failure, returns whether it succeeded. */
export async function attempt(action: () => Promise<unknown>, okMessage?: string): Promise<boolean> {
  try {
    await action();
    if (okMessage) showOk(okMessage);
    return true;
  } catch (e) {
    showError(e);
    return false;
  }
}
