/**
 * The checklist the unit works with: the shipped default items
 * (common/inspection-checklist.ts) with the unit's rows laid over them — a row
 * with a default_key edits or switches off that item, a row without one is an
 * item the unit added. The only writer of `inspection_items`.
 */
import type { Ctx } from '../context.ts';
import { audit, type Tx } from '../audit/service.ts';
import { LedgerError } from '../errors.ts';
import type { InspectionItemsTable } from '../../db/schema.ts';
import {
  BINDER_CODES,
  CADENCES_OF,
  DEFAULT_CHECKLIST,
  PROOF_LABEL,
  binderLabel,
  type BinderCode,
  type InspectCadence,
  type InspectProof,
  type InspectScope,
} from '../../common/inspection-checklist.ts';

export interface ChecklistItem {
  /** the default key for a default item (edited or not), the row id for the unit's own */
  id: string;
  /** the default item it is or edits; null for the unit's own */
  defaultKey: string | null;
  binder: BinderCode;
  title: string;
  scope: InspectScope;
  cadence: InspectCadence;
  proof: InspectProof;
  enabled: boolean;
  /** 默认 | 已修改 | 本单位新增 */
  origin: '默认' | '已修改' | '本单位新增';
  basis: string;
  note: string | null;
}

export interface ItemInput {
  id?: string;
  defaultKey?: string;
  binder: BinderCode;
  title: string;
  scope: InspectScope;
  cadence: InspectCadence;
  proof: InspectProof;
  enabled: boolean;
  note?: string | null;
}

const byBinder = (a: ChecklistItem, b: ChecklistItem) => a.binder.localeCompare(b.binder);

function rowItem(r: InspectionItemsTable, basis: string): Omit<ChecklistItem, 'id' | 'origin'> {
  return {
    defaultKey: r.default_key,
    binder: r.binder as BinderCode,
    title: r.title,
    scope: r.scope as InspectScope,
    cadence: r.cadence as InspectCadence,
    proof: JSON.parse(r.proof_json) as InspectProof,
    enabled: r.enabled === 1,
    basis,
    note: r.note,
  };
}

/** Every item, defaults first in binder order, each binder's own items after its defaults. */
export async function checklistItems(tx: Tx): Promise<ChecklistItem[]> {
  const rows = await tx.selectFrom('inspection_items').selectAll().where('deleted_at', 'is', null).orderBy('sort_order').orderBy('created_at').execute();
  const over = new Map<string, InspectionItemsTable>();
  for (const r of rows) if (r.default_key) over.set(r.default_key, r);
  const defaults = DEFAULT_CHECKLIST.values.map((d): ChecklistItem => {
    const r = over.get(d.key);
    if (r) return { id: d.key, origin: '已修改', ...rowItem(r, d.basis) };
    return { id: d.key, defaultKey: d.key, binder: d.binder, title: d.title, scope: d.scope, cadence: d.cadence, proof: d.proof, enabled: true, origin: '默认', basis: d.basis, note: null };
  });
  const own = rows.filter((r) => !r.default_key).map((r): ChecklistItem => ({ id: r.id, origin: '本单位新增', ...rowItem(r, '本单位规定') }));
  return [...defaults, ...own].sort(byBinder);
}

function check(i: ItemInput): void {
  if (!BINDER_CODES.includes(i.binder)) throw new LedgerError('“所属类别”应为十一个类别之一（组织建设至党务公开及其他）', 'binder');
  if (!i.title.trim()) throw new LedgerError('请填写“检查项目”', 'title');
  if (!CADENCES_OF[i.proof.kind].includes(i.cadence))
    throw new LedgerError(`用“${PROOF_LABEL[i.proof.kind]}”证明的项目，频次只能是：${CADENCES_OF[i.proof.kind].join('、')}`, 'cadence');
  if (i.proof.kind === 'signin' && !i.proof.types.length) throw new LedgerError('请选择需要签到表的会议类型', 'proof');
  if (i.proof.kind === 'archive' && !BINDER_CODES.includes(i.proof.category as BinderCode) && !i.proof.category.trim()) throw new LedgerError('请选择档案类别', 'proof');
  if ((i.proof.kind === 'roster' || i.proof.kind === 'assessment' || i.proof.kind === 'dossier') && i.scope !== '党支部') throw new LedgerError(`用“${PROOF_LABEL[i.proof.kind]}”证明的项目只能针对各党支部`, 'scope');
  if (i.proof.kind === 'signin' && i.scope === '党小组') throw new LedgerError('签到表按党组织检查，请选择党委或党支部', 'scope');
}

/** Adds an item of the unit's own, or saves an edit of a default item (defaultKey) or of an own item (id). */
export async function saveItem(ctx: Ctx, i: ItemInput): Promise<ChecklistItem[]> {
  check(i);
  const now = ctx.platform.now();
  const fields = { binder: i.binder, title: i.title.trim(), scope: i.scope, cadence: i.cadence, proof_json: JSON.stringify(i.proof), enabled: (i.enabled ? 1 : 0) as 0 | 1, note: i.note?.trim() || null, updated_at: now };
  await ctx.db.transaction().execute(async (tx) => {
    if (i.defaultKey) {
      if (!DEFAULT_CHECKLIST.values.some((d) => d.key === i.defaultKey)) throw new LedgerError('找不到这个默认检查项目', 'defaultKey');
      const before = await tx.selectFrom('inspection_items').selectAll().where('default_key', '=', i.defaultKey).where('deleted_at', 'is', null).executeTakeFirst();
      if (before) {
        await tx.updateTable('inspection_items').set(fields).where('id', '=', before.id).execute();
        await audit(tx, ctx, { entity: 'inspection_items', entityId: before.id, action: '修改', summary: `修改迎检清单项目“${fields.title}”（${binderLabel(i.binder)}）`, before, after: fields });
      } else {
        const row: InspectionItemsTable = { id: ctx.platform.newId(), default_key: i.defaultKey, sort_order: 0, created_at: now, deleted_at: null, ...fields };
        await tx.insertInto('inspection_items').values(row).execute();
        await audit(tx, ctx, { entity: 'inspection_items', entityId: row.id, action: '修改', summary: `修改迎检清单默认项目“${fields.title}”（${binderLabel(i.binder)}）`, after: row });
      }
    } else if (i.id) {
      const before = await tx.selectFrom('inspection_items').selectAll().where('id', '=', i.id).where('deleted_at', 'is', null).executeTakeFirst();
      if (!before || before.default_key) throw new LedgerError('找不到要修改的检查项目，可能已被删除', 'id');
      await tx.updateTable('inspection_items').set(fields).where('id', '=', i.id).execute();
      await audit(tx, ctx, { entity: 'inspection_items', entityId: i.id, action: '修改', summary: `修改迎检清单项目“${fields.title}”（${binderLabel(i.binder)}）`, before, after: fields });
    } else {
      const row: InspectionItemsTable = { id: ctx.platform.newId(), default_key: null, sort_order: 0, created_at: now, deleted_at: null, ...fields };
      await tx.insertInto('inspection_items').values(row).execute();
      await audit(tx, ctx, { entity: 'inspection_items', entityId: row.id, action: '新增', summary: `新增迎检清单项目“${fields.title}”（${binderLabel(i.binder)}）`, after: row });
    }
  });
  return checklistItems(ctx.db);
}

/** Removes an own item, or the unit's edit of a default item (the default comes back); both go to the recycle bin. */
export async function removeItem(ctx: Ctx, id: string): Promise<ChecklistItem[]> {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('inspection_items')
      .selectAll()
      .where('deleted_at', 'is', null)
      .where((eb) => eb.or([eb('id', '=', id), eb('default_key', '=', id)]))
      .executeTakeFirst();
    if (!row) throw new LedgerError(DEFAULT_CHECKLIST.values.some((d) => d.key === id) ? '这是默认项目，没有修改可以恢复；不需要时可停用' : '找不到这个检查项目，可能已被删除', 'id');
    await tx.updateTable('inspection_items').set({ deleted_at: ctx.platform.now() }).where('id', '=', row.id).execute();
    await audit(tx, ctx, { entity: 'inspection_items', entityId: row.id, action: '删除', summary: row.default_key ? `迎检清单项目“${row.title}”恢复为默认` : `删除迎检清单项目“${row.title}”`, before: row });
  });
  return checklistItems(ctx.db);
}
