import { Kysely, sql } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// 缴纳方式 (现金/转账/代缴) and 缴纳类型 (按月/按季/补交/预交) used to share one
// column, `method`. A new column `pay_kind` holds the type; it is backfilled from
// the dates (paid within its month: 按月, after: 补交, before: 预交), except a row
// recorded as 按季, which stays 按季. A method that is not 现金, 转账 or 代缴 (it was a
// type, or something unknown) becomes 未记录: the ledger never said how it was paid.
// The rule is the one of common/dues-pay.ts `payKindFor`, copied so this file never changes.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('dues_payments').addColumn('pay_kind', 'text', (c) => c.notNull().defaultTo('按月')).execute();
  await sql`update dues_payments set pay_kind = case
      when method = '按季' then '按季'
      when substr(paid_on, 1, 7) > month then '补交'
      when substr(paid_on, 1, 7) < month then '预交'
      else '按月' end`.execute(db);
  await sql`update dues_payments set method = '未记录' where method not in ('现金', '转账', '代缴')`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('forward-only');
}
