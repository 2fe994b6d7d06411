/**
 * Operation-log figures: appending one hash-chained row (inside a transaction, as
 * every change does) and checking the whole chain of 20,000 rows (audit verify).
 */
import { openLedgerContext } from '../../core/ledger.ts';
import { fixedPlatform } from '../../core/platform.ts';
import { audit } from '../../core/audit/service.ts';
import { verifyAuditChain } from '../../core/audit/verify.ts';
import { time } from './util.ts';

export async function bench(): Promise<Record<string, number | string>> {
  const l = await openLedgerContext(':memory:', fixedPlatform({ today: '2026-11-28' }));
  const rows = 20_000;
  const row = (i: number) => ({
    entity: 'members', entityId: `m${i}`, action: '修改', summary: `修改党员“某某${i}”的信息`,
    before: { name: '甲', idNumber: '110105199003070037', note: '旧'.repeat(100) }, after: { name: '乙', idNumber: '110105199003070037', note: '新'.repeat(100) },
  });
  const write = await time(() => l.ctx.db.transaction().execute(async (tx) => {
    for (let i = 0; i < rows; i++) await audit(tx, l.ctx, row(i));
  }));
  const verify = await time(() => verifyAuditChain(l.ctx.db));
  await l.close();
  return { auditRows: rows, appendOneRowMs: Math.round((write.ms / rows) * 1000) / 1000, verify20kRowsMs: verify.ms, chainHolds: String(verify.value.ok) };
}
