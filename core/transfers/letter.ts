/**
 * The view model of the 中国共产党党员组织关系介绍信 (组通字〔2006〕45号 form):
 * already formatted strings for the three parts, with the dues month, the
 * validity in capital numerals (大写) as the filling rules require, the date in
 * plain Chinese numerals. Both organizations carry the 中共 prefix by one rule
 * (partyOrgName); the 党委's address block comes from 单位设置, and a letter
 * printed with it incomplete comes with a warning the host shows first.
 */
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { yearsBetween } from '../../common/dates.ts';
import { partyOrgName } from '../../common/labels.ts';
import { getSetting } from '../settings/service.ts';
import { getMember } from '../members/service.ts';
import { idNumberFor } from '../members/privacy.ts';
import { transferLetterDocx, type TransferLetterModel } from '../../templates/transfer-letter.ts';
import { committeeContact, contactWarnings, numeralStyle } from './rules.ts';
import { countNumerals, dateNumerals, monthNumerals } from './numerals.ts';
import { getTransfer } from './queries.ts';

export async function transferLetterModel(ctx: Ctx, id: string): Promise<TransferLetterModel> {
  const t = await getTransfer(ctx, id);
  if (t.direction !== '转出') throw new LedgerError('只有转出记录才打印介绍信；转入的介绍信由对方开具');
  if (!t.duesPaidTo || !t.validityDays) throw new LedgerError('该转出记录缺少党费月份或有效期，无法打印');
  const m = await getMember(ctx.db, t.memberId);
  const style = await numeralStyle(ctx.db);
  const contact = await committeeContact(ctx.db);
  const committee = (await getSetting<string>(ctx.db, 'org.committeeName')) || (await getSetting<string>(ctx.db, 'org.unitName')) || '';
  return {
    letterNo: t.letterNo,
    name: t.memberName,
    gender: m.gender,
    age: String(yearsBetween(m.birthDate, t.letterDate)),
    ethnicity: m.ethnicity.replace(/族$/, ''),
    partyStatus: t.partyStatus,
    idNumber: await idNumberFor(ctx.db, 'transferLetter', m.idNumber),
    fromOrg: partyOrgName(t.fromOrg),
    toOrg: partyOrgName(t.toOrg),
    duesPaidTo: monthNumerals(t.duesPaidTo, style),
    validityDays: countNumerals(t.validityDays, style),
    date: dateNumerals(t.letterDate),
    memberPhone: t.memberPhone ?? '',
    committeeName: partyOrgName(committee),
    committeeAddress: contact.address,
    committeePhone: contact.phone,
    committeeFax: contact.fax,
    committeePostcode: contact.postcode,
  };
}

/** The letter, and what the clerk should know before printing it (the UI asks to confirm, the CLI writes it to stderr). */
export async function exportTransferLetter(ctx: Ctx, id: string): Promise<{ bytes: Uint8Array; fileName: string; warnings: string[] }> {
  const model = await transferLetterModel(ctx, id);
  const warnings = contactWarnings({ address: model.committeeAddress, phone: model.committeePhone, fax: model.committeeFax, postcode: model.committeePostcode });
  return { bytes: await transferLetterDocx(model), fileName: `党员组织关系介绍信第${model.letterNo}号（${model.name}）.docx`, warnings };
}
