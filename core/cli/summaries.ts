/**
 * The one-line Chinese description of every handler, gathered from each area's
 * `core/<area>/summaries.ts` (kept beside the area, so its module can carry them).
 */
import { summaries as setup } from '../setup/summaries.ts';
import { summaries as org } from '../org/summaries.ts';
import { summaries as members } from '../members/summaries.ts';
import { summaries as audit } from '../audit/summaries.ts';
import { summaries as activities } from '../activities/summaries.ts';
import { summaries as attachments } from '../attachments/summaries.ts';
import { summaries as dues } from '../dues/summaries.ts';
import { summaries as transfers } from '../transfers/summaries.ts';
import { summaries as development } from '../development/summaries.ts';
import { summaries as imports } from '../imports/summaries.ts';
import { summaries as lock } from '../lock/summaries.ts';
import { summaries as backup } from '../backup/summaries.ts';

export const handlerSummaries: Record<string, string> = {
  ...setup,
  ...org,
  ...members,
  ...audit,
  ...activities,
  ...attachments,
  ...dues,
  ...transfers,
  ...development,
  ...imports,
  ...lock,
  ...backup,
};
