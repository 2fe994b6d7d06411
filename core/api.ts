/**
 * The whole application contract: the ordered list of areas (each one module,
 * core/<area>/index.ts), composed once. A handler name defined by two areas
 * stops the start-up. Hosts loop over `handlers` and call them through
 * `invokeHandler` (core/handler.ts); the renderer types its client with
 * `LedgerApi`. A new area adds its module to `areas`.
 *
 * The order is the order the areas build on each other: the demo steps run in
 * it (the organization and roster first, 党费 last, over everyone the earlier
 * steps put on the roster), and `--force` empties the tables in reverse.
 *
 * Every host runs a handler by name over this map (core/ledger.ts →
 * core/lock/invoke.ts → `invokeHandler` in core/handler.ts): Electron registers
 * one IPC channel per name, browser mode serves `/api/<name>`, and the command
 * line's commands are a table over these names (core/cli/), `party-ledger call`
 * reaching any of them.
 */
import type { ApiOf } from './handler.ts';
import { installAreas } from './area.ts';
import { setupArea } from './setup/index.ts';
import { orgArea } from './org/index.ts';
import { membersArea } from './members/index.ts';
import { transfersArea } from './transfers/index.ts';
import { activitiesArea } from './activities/index.ts';
import { attachmentsArea } from './attachments/index.ts';
import { developmentArea } from './development/index.ts';
import { duesArea } from './dues/index.ts';
import { archiveArea } from './archive/index.ts';
import { auditArea } from './audit/index.ts';
import { importsArea } from './imports/index.ts';
import { lockArea } from './lock/index.ts';
import { backupArea } from './backup/index.ts';
import { statsArea } from './stats/index.ts';
import { deskArea } from './desk/index.ts';
import { finderArea } from './finder/index.ts';
import { inspectArea } from './inspect/index.ts';
import { testsArea } from './tests/index.ts';
import { studyArea } from './study/index.ts';
import { hoursArea } from './hours/index.ts';
import { evaluationArea } from './evaluation/index.ts';
import { careArea } from './care/index.ts';
import { disposalArea } from './disposal/index.ts';
import { pointsArea } from './points/index.ts';
import { starsArea } from './stars/index.ts';
import { rectificationArea } from './rectification/index.ts';
import { noticesArea } from './notices/index.ts';
import { summaryArea } from './summary/index.ts';

export const areas = [
  setupArea,
  orgArea,
  membersArea,
  transfersArea,
  activitiesArea,
  attachmentsArea,
  developmentArea,
  duesArea,
  archiveArea,
  auditArea,
  importsArea,
  lockArea,
  backupArea,
  statsArea,
  deskArea,
  finderArea,
  inspectArea,
  testsArea,
  studyArea,
  hoursArea,
  evaluationArea,
  careArea,
  disposalArea,
  pointsArea,
  rectificationArea,
  noticesArea,
  // 评星定级 scores every other area's ledger: its demo step runs after them all
  starsArea,
  // 党建工作总结 quotes every other area, 评星定级 included: after it
  summaryArea,
] as const;

const registry = installAreas(areas);

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

export type Handlers = UnionToIntersection<(typeof areas)[number]['handlers']>;
export type LedgerApi = ApiOf<Handlers>;
export type HandlerName = keyof Handlers & string;

export const handlers = registry.handlers as unknown as Handlers;

/** The name of the area a handler belongs to ('audit' for 'recycle/list'); undefined for an unknown name. */
export function areaOf(handlerName: string): string | undefined {
  return registry.byHandler.get(handlerName)?.name;
}
