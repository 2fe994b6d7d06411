import { z } from 'zod';
import { handler } from '../handler.ts';
import { DOCX_MIME, XLSX_MIME, fileResult, id, isoDate, month, optText, ref, searchText, text, year } from '../validate.ts';
import { memberInputSchema } from '../members/model.ts';
import { getSettings, setSetting } from '../settings/service.ts';
import { DIRECTIONS } from './model.ts';
import { getTransfer, listTransfers, transferCounts } from './queries.ts';
import { cancelTransferOut, planTransferOut, transferOut } from './out.ts';
import { transferIn } from './in.ts';
import { recordReceipt, transferAlerts } from './receipts.ts';
import { exportTransferLetter } from './letter.ts';
import { exportTransferRegisters } from './registers.ts';
import { SETTING_KEYS, committeeContact, saveUnitTransferRules, transferVersion, transferVersions } from './rules.ts';

const optMonth = z
  .union([month, z.literal(''), z.null()])
  .optional()
  .transform((v) => (v ? v : null));
const validityDays = z.coerce.number({ error: '应为天数' }).int('应为整数天').min(1, '至少 1 天').max(365, '不超过 365 天').nullish().transform((v) => v ?? null);

const outInput = z.object({
  memberId: id,
  toOrg: text(100),
  transferDate: isoDate,
  validityDays,
  duesPaidTo: optMonth,
  memberPhone: optText(50),
  note: optText(500),
});

const inInput = z.object({
  mode: z.enum(['new', 'rejoin'], { error: '应为新增党员或恢复原党员' }),
  member: memberInputSchema.omit({ branchId: true }).nullish(),
  memberId: ref.nullish(),
  branchId: id,
  letterNo: text(30),
  fromOrg: text(100),
  letterDate: isoDate,
  transferDate: isoDate,
  duesPaidTo: optMonth,
  duesStartMonth: optMonth,
  note: optText(500),
});


export const transferHandlers = {
  'transfers/list': handler(
    z.object({ year: year.optional(), direction: z.enum(DIRECTIONS).optional(), openOnly: z.boolean().optional(), search: searchText }),
    (ctx, q) => listTransfers(ctx, q),
  ),
  'transfers/get': handler(z.object({ id }), (ctx, { id }) => getTransfer(ctx, id)),
  'transfers/plan-out': handler(outInput.extend({ toOrg: z.string().max(100, '不能超过 100 字').optional() }), (ctx, input) => planTransferOut(ctx, input)),
  'transfers/out': handler(outInput, (ctx, input) => transferOut(ctx, input)),
  'transfers/in': handler(inInput, (ctx, input) => transferIn(ctx, input)),
  'transfers/receipt': handler(z.object({ id, receiptOn: z.union([isoDate, z.null()]), note: optText(200) }), (ctx, { id, receiptOn, note }) =>
    recordReceipt(ctx, id, receiptOn, note),
  ),
  'transfers/cancel-out': handler(z.object({ id }), async (ctx, { id }) => {
    await cancelTransferOut(ctx, id);
    return { ok: true };
  }),
  'transfers/counts': handler(z.object({ from: isoDate, to: isoDate }), (ctx, { from, to }) => transferCounts(ctx, from, to)),
  'transfers/alerts': handler(z.object({}), (ctx) => transferAlerts(ctx)),
  'transfers/letter': handler(z.object({ id }), async (ctx, { id }) => {
    const r = await exportTransferLetter(ctx, id);
    // warnings: the 党委's address block is incomplete in 单位设置 (the letter is made all the same; the host asks first)
    return { ...fileResult(r.fileName, r.bytes, DOCX_MIME), warnings: r.warnings };
  }),
  'transfers/registers': handler(z.object({ year }), async (ctx, { year }) => {
    const r = await exportTransferRegisters(ctx, year);
    return { ...fileResult(r.fileName, r.bytes, XLSX_MIME), in: r.in, out: r.out };
  }),
  'transfers/settings': handler(z.object({}), async (ctx) => {
    const s = await getSettings(ctx.db, 'transfers.');
    const inForce = await transferVersion(ctx.db, ctx.platform.today());
    return {
      /** The version in force today, its numbers alongside its name, date and source. */
      rules: { version: inForce.version, effectiveFrom: inForce.effectiveFrom, source: inForce.source, verified: inForce.verified, ...inForce.values },
      versions: await transferVersions(ctx.db),
      /** The 党委's address block as the letter prints it: kept in 单位设置 (org/settings-save), shown here read-only. */
      contact: await committeeContact(ctx.db),
      numeralStyle: s[SETTING_KEYS.numeralStyle] as 'chinese' | 'financial',
      letterNoPattern: String(s[SETTING_KEYS.letterNoPattern]),
    };
  }),
  'transfers/save-settings': handler(
    z.object({
      validityDaysDefault: z.coerce.number().int().min(1, '至少 1 天').max(365, '不超过 365 天'),
      validityDaysMax: z.coerce.number().int().min(1, '至少 1 天').max(365, '不超过 365 天'),
      numeralStyle: z.enum(['chinese', 'financial']),
      // {year} and {seq} are replaced (rules.ts); without {seq} every letter would get the same number.
      letterNoPattern: z.string().trim().min(1, '不能为空').max(30, '不能超过 30 字').refine((v) => v.includes('{seq}'), '须包含 {seq}（序号）').optional(),
    }),
    async (ctx, input) => {
      await ctx.db.transaction().execute(async (tx) => {
        await saveUnitTransferRules(tx, ctx, input);
        await setSetting(tx, ctx, SETTING_KEYS.numeralStyle, input.numeralStyle);
        if (input.letterNoPattern !== undefined) await setSetting(tx, ctx, SETTING_KEYS.letterNoPattern, input.letterNoPattern);
      });
      return { ok: true };
    },
  ),
};
