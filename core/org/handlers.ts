import { z } from 'zod';
import { handler } from '../handler.ts';
import { id, isoDate, optDate, optText, ref, text } from '../validate.ts';
import { getSetting, setSetting } from '../settings/service.ts';
import { readStartDate, saveStartDate } from '../settings/start-date.ts';
import { createUnit, deleteUnit, endRole, listBranches, orgTree, ORG_KINDS, postFindings, ROLES, saveRole, updateRole, updateUnit } from './service.ts';

const unitInput = z.object({
  parentId: ref.nullish().transform((v) => v || null),
  kind: z.enum(ORG_KINDS, { error: '应为 党委、党总支、党支部 或 党小组' }),
  name: text(60),
  shortName: optText(30),
  establishedOn: optDate,
  termYears: z.coerce.number().int().min(1, '至少 1 年').max(10, '不超过 10 年').nullish().transform((v) => v ?? null),
  termStartOn: optDate,
  sortOrder: z.number().int().min(-1_000_000).max(1_000_000).nullish().transform((v) => v ?? null),
  note: optText(500),
});

/** A person in a post: from the roster (memberId) or by name; the 任职日期 may be empty. */
const roleInput = z.object({
  memberId: ref.nullish().transform((v) => v || null),
  personName: optText(30),
  role: z.enum(ROLES, { error: '职务不在列表中' }),
  startOn: optDate,
});

/** 单位信息: the names printed on every document; the only writer of the org.* settings. */
const blankable = (max: number) => optText(max).transform((v) => v ?? '');
/** The 党委's contact details: optional in the input (a form that does not show them leaves them as they are). */
const contactText = (max: number) => blankable(max).optional();
const orgSettingsInput = z.object({
  unitName: text(60),
  committeeName: text(60),
  sealText: blankable(60),
  committeeAddress: contactText(100),
  committeePhone: contactText(30),
  committeeFax: contactText(30),
  committeePostcode: z
    .string()
    .trim()
    .regex(/^(\d{6})?$/, '应为 6 位数字')
    .optional(),
});

export const orgHandlers = {
  'org/settings-save': handler(orgSettingsInput, async (ctx, s) => {
    await ctx.db.transaction().execute(async (tx) => {
      const values: Record<string, string | undefined> = {
        'org.unitName': s.unitName,
        'org.committeeName': s.committeeName,
        'org.sealText': s.sealText,
        'org.committeeAddress': s.committeeAddress,
        'org.committeePhone': s.committeePhone,
        'org.committeeFax': s.committeeFax,
        'org.committeePostcode': s.committeePostcode,
      };
      for (const [key, value] of Object.entries(values)) if (value !== undefined && (await getSetting(tx, key)) !== value) await setSetting(tx, ctx, key, value);
    });
    return { ok: true };
  }),
  // 台账启用日期: nothing before it is judged missing, overdue or owed (core/settings/start-date.ts)
  'org/start-date': handler(z.object({}), (ctx) => readStartDate(ctx)),
  'org/start-date-save': handler(z.object({ startDate: isoDate }), async (ctx, { startDate }) => {
    await ctx.db.transaction().execute((tx) => saveStartDate(ctx, tx, startDate));
    return readStartDate(ctx);
  }),
  'org/tree': handler(z.object({}), (ctx) => orgTree(ctx)),
  'org/branches': handler(z.object({}), (ctx) => listBranches(ctx)),
  'org/create': handler(unitInput, async (ctx, input) => ({ id: await createUnit(ctx, input) })),
  'org/update': handler(unitInput.extend({ id }), async (ctx, { id, ...input }) => {
    await updateUnit(ctx, id, input);
    return { ok: true };
  }),
  'org/delete': handler(z.object({ id }), async (ctx, { id }) => {
    await deleteUnit(ctx, id);
    return { ok: true };
  }),
  'org/roles/add': handler(roleInput.extend({ orgId: id, endOn: optDate }), async (ctx, input) => ({ id: await saveRole(ctx, input) })),
  'org/roles/update': handler(roleInput.extend({ id, endOn: optDate }), async (ctx, { id, ...input }) => {
    await updateRole(ctx, id, input);
    return { ok: true };
  }),
  'org/roles/check': handler(z.object({}), (ctx) => postFindings(ctx)),
  'org/roles/end': handler(z.object({ id, endOn: isoDate }), async (ctx, { id, endOn }) => {
    await endRole(ctx, id, endOn);
    return { ok: true };
  }),
};
