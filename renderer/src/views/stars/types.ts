/** The outputs of the 评星定级 handlers, as the views see them. */
import type { LedgerApi } from '../../../../core/api';

export type Output<K extends keyof LedgerApi> = Awaited<ReturnType<LedgerApi[K]>>;
