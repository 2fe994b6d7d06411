/**
 * npm run bench: prints JSON figures (milliseconds) for the targets in the issues.
 * Each area adds a file under scripts/bench/ exporting `bench(): Promise<Record<string, number | string>>`
 * and one line to SUITES below. Figures only; nothing here fails on time.
 */
import { bench as foundation } from './bench/foundation.ts';
import { bench as dues } from './bench/dues.ts';
import { bench as activities } from './bench/activities.ts';
import { bench as development } from './bench/development.ts';
import { bench as transfers } from './bench/transfers.ts';
import { bench as audit } from './bench/audit.ts';
import { bench as backup } from './bench/backup.ts';
import { bench as startup } from './bench/startup.ts';
import { bench as ui } from './bench/ui.ts';
import { bench as tests } from './bench/tests.ts';
import { bench as hours } from './bench/hours.ts';
import { bench as binder } from './bench/binder.ts';
import { bench as archive } from './bench/archive.ts';
import { bench as care } from './bench/care.ts';
import { bench as evaluation } from './bench/evaluation.ts';
import { bench as points } from './bench/points.ts';
import { bench as stars } from './bench/stars.ts';
import { bench as rectification } from './bench/rectification.ts';
import { bench as summary } from './bench/summary.ts';

const SUITES: [string, () => Promise<Record<string, number | string>>][] = [['foundation', foundation], ['dues', dues], ['activities', activities], ['development', development], ['transfers', transfers], ['audit', audit], ['backup', backup], ['startup', startup], ['ui', ui], ['tests', tests], ['hours', hours], ['binder', binder], ['archive', archive], ['care', care], ['evaluation', evaluation], ['points', points], ['stars', stars], ['rectification', rectification], ['summary', summary]];

const only = process.argv[2];
const out: Record<string, Record<string, number | string>> = {};
for (const [name, run] of SUITES) {
  if (only && only !== name) continue;
  out[name] = await run();
  process.stderr.write(`${name}: done\n`);
}
console.log(JSON.stringify({ machine: { node: process.version, platform: process.platform, arch: process.arch }, figures: out }, null, 2));
