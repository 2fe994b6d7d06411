/** What a letter is called: the next serial number of the year and our side's name as printed on it. */
import type { Tx } from '../audit/service.ts';
import { getSetting } from '../settings/service.ts';
import { formatLetterNo, SETTING_KEYS } from './rules.ts';

/**
 * The next free serial; numbers of deleted letters are not reused. A pattern with {year}
 * starts again each year; a unit pattern without it keeps counting across years, since
 * otherwise the first letter of a new year would repeat last year's first number.
 */
export async function nextLetterNo(tx: Tx, year: number): Promise<{ seq: number; letterNo: string }> {
  const pattern = await getSetting<string>(tx, SETTING_KEYS.letterNoPattern);
  let q = tx.selectFrom('transfers').select((eb) => eb.fn.max('letter_seq').as('m')).where('direction', '=', '转出');
  if (pattern.includes('{year}')) q = q.where('letter_year', '=', year);
  const r = await q.executeTakeFirst();
  const seq = Number(r?.m ?? 0) + 1;
  return { seq, letterNo: formatLetterNo(pattern, year, seq) };
}

/** The name of our side as printed on letters: the unit and the branch ("临江分局刑侦大队党支部"). */
export async function ourOrgName(tx: Tx, branchName: string): Promise<string> {
  const committee = (await getSetting<string>(tx, 'org.committeeName')) || (await getSetting<string>(tx, 'org.unitName')) || '';
  const unit = (await getSetting<string>(tx, 'org.unitName')) || committee.replace(/^中共/, '').replace(/委员会$/, '');
  return `${unit}${branchName}`;
}
