import { z } from 'zod';
import { handler } from '../handler.ts';
import { isoDate, ref, text } from '../validate.ts';
import { LedgerError } from '../errors.ts';
import { getSettings, setSetting } from '../settings/service.ts';
import { createUnit } from '../org/service.ts';
import { firstOfMonth, saveStartDate } from '../settings/start-date.ts';
import { isLedgerEmpty, loadDemo } from '../demo/index.ts';

export const setupHandlers = {
  'setup/status': handler(z.object({}), async (ctx) => {
    const s = await getSettings(ctx.db, 'org.');
    return { empty: await isLedgerEmpty(ctx), unitName: String(s['org.unitName'] ?? ''), committeeName: String(s['org.committeeName'] ?? ''), today: ctx.platform.today(), pinnedToday: ctx.platform.pinnedToday ?? null };
  }),
  'setup/create': handler(z.object({ unitName: text(60), committeeName: text(60), startDate: isoDate.optional() }), async (ctx, input) => {
    if (!(await isLedgerEmpty(ctx))) throw new LedgerError('台账中已有组织，不能重复创建');
    return ctx.db.transaction().execute(async (tx) => {
      await setSetting(tx, ctx, 'org.unitName', input.unitName);
      await setSetting(tx, ctx, 'org.committeeName', input.committeeName);
      // 台账启用日期: by default the first day of the current month, so earlier months are not judged
      await saveStartDate(ctx, tx, input.startDate ?? firstOfMonth(ctx.platform.today()));
      const id = await createUnit(
        ctx,
        { parentId: null, kind: '党委', name: input.committeeName, shortName: null, establishedOn: null, termYears: null, termStartOn: null, sortOrder: 0, note: null },
        tx,
      );
      return { id };
    });
  }),
  'setup/demo': handler(z.object({ force: z.boolean().optional() }), (ctx, { force }) => loadDemo(ctx, { force })),
  'settings/get': handler(z.object({ prefix: ref.default('') }), (ctx, { prefix }) => getSettings(ctx.db, prefix)),
  // There is no generic settings writer: each area writes its own keys through its validated handler
  // (org/settings-save, dues/settings-save, activities/rules/add-version, transfers/save-settings, members/id-mask-save).
};
