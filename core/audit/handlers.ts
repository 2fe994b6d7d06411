import { z } from 'zod';
import { handler } from '../handler.ts';
import { id, ref, searchText } from '../validate.ts';
import { contains } from '../search.ts';
import { recyclableEntities, recyclableEntity, restore } from './service.ts';
import { verifyAuditChain } from './verify.ts';
import { auditDetail } from './detail.ts';
import { maskIdsDeep, maskIdsInText } from '../members/privacy.ts';

export const auditHandlers = {
  'audit/log': handler(
    z.object({ search: searchText, entity: ref.optional(), page: z.number().int().min(1).max(1_000_000).default(1), pageSize: z.number().int().min(1).max(500).default(30) }),
    async (ctx, q) => {
      let query = ctx.db.selectFrom('audit_log');
      if (q.entity) query = query.where('entity', '=', q.entity);
      if (q.search?.trim()) query = query.where(contains('summary', q.search.trim()));
      const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const rows = await query.selectAll().orderBy('seq', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
      return {
        total: Number(total),
        rows: rows.map((r) => ({
          id: r.id,
          at: r.at,
          actor: r.actor,
          entity: r.entity,
          entityId: r.entity_id,
          action: r.action,
          // The log keeps what was stored; what it shows has every ID number masked.
          summary: maskIdsInText(r.summary),
          before: r.before_json ? maskIdsDeep(JSON.parse(r.before_json)) : null,
          after: r.after_json ? maskIdsDeep(JSON.parse(r.after_json)) : null,
        })),
      };
    },
  ),
  'audit/detail': handler(z.object({ id }), (ctx, { id }) => auditDetail(ctx.db, id)),
  'audit/verify': handler(z.object({}), (ctx) => verifyAuditChain(ctx.db)),
  'recycle/list': handler(z.object({}), async (ctx) => {
    const out: { table: string; title: string; id: string; label: string; deletedAt: string }[] = [];
    for (const e of recyclableEntities()) {
      const rows = await (ctx.db as unknown as import('kysely').Kysely<any>)
        .selectFrom(e.table)
        .selectAll()
        .where('deleted_at', 'is not', null)
        .execute();
      for (const r of rows) out.push({ table: e.table, title: e.title, id: String(r.id), label: e.label(r), deletedAt: String(r.deleted_at) });
    }
    return out.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
  }),
  'recycle/restore': handler(z.object({ table: ref, id }), async (ctx, { table, id }) => {
    recyclableEntity(table);
    await ctx.db.transaction().execute((tx) => restore(tx, ctx, table, id));
    return { ok: true };
  }),
};
