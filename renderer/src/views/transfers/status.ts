/** How each receipt status looks in tables and cards. */
import type { ReceiptStatus } from '../../../../core/transfers/model';

export const STATUS_TAG: Record<ReceiptStatus, 'success' | 'warning' | 'danger' | 'info' | 'primary'> = {
  待回执: 'primary',
  已过有效期: 'warning',
  回执逾期: 'danger',
  已收回执: 'success',
  待寄回执: 'primary',
  回执逾期未寄: 'danger',
  已寄回执: 'success',
};
