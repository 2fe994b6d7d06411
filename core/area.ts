/**
 * An area of the ledger (org, members, dues, …) is one value: its handlers, the
 * Chinese labels of their fields, the tables that go to the recycle bin, its
 * settings' defaults, its demo step and its tables. Each `core/<area>/index.ts`
 * exports one, built with `defineArea`; core/api.ts lists them in order and
 * installs them once (`installAreas`). Nothing registers itself at import time:
 * the services that need this data (labels, recycle bin, settings, attachments,
 * demo) read it from the installed list.
 */
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../db/schema.ts';
import type { Ctx } from './context.ts';
import type { Rng } from './demo/random.ts';
import type { DemoState } from './demo/types.ts';
import { commonLabels, type Labels } from './labels.ts';

type Tx = Kysely<DB> | Transaction<DB>;

/** A table whose rows can go to the recycle bin, with the Chinese name of the entity and its label. */
export interface RecyclableEntity {
  table: keyof DB & string;
  title: string;
  label: (row: Record<string, unknown>) => string;
  /** Runs in the restore's transaction before anything is written, with the deleted row; throws (LedgerError) to refuse (e.g. a newer record took its place). */
  checkRestore?: (tx: Transaction<DB>, ctx: Ctx, row: Record<string, unknown>) => Promise<void>;
  /** Runs in the restore's transaction after the row is back; throws (LedgerError) to refuse, or restores what belongs with it. */
  onRestore?: (tx: Transaction<DB>, ctx: Ctx, id: string) => Promise<void>;
}

/** A table whose records can carry attachments (core/attachments/service.ts). */
export interface AttachmentOwner {
  /** Chinese name of the owner, e.g. 组织生活记录 */
  title: string;
  /** Whether a (not deleted) owner row exists. */
  exists: (tx: Tx, id: string) => Promise<boolean>;
}

/** One area's part of the demo bureau, adding to what the earlier areas made. */
export type DemoStep = (ctx: Ctx, tx: Transaction<DB>, rng: Rng, state: DemoState) => Promise<void>;

/** A handler map as core/handler.ts builds it, seen structurally. */
export type HandlerMap = Record<string, { input: z.ZodType; run: (ctx: Ctx, input: never) => Promise<unknown> }>;

export interface AreaModule<H extends HandlerMap = HandlerMap> {
  /** the area's folder under core/, e.g. 'dues' */
  name: string;
  /** its Chinese name, e.g. 党费 */
  title: string;
  handlers: H;
  /** one line of Chinese per handler, what it does (`party-ledger call --list`; core/<area>/summaries.ts) */
  summaries: Record<string, string>;
  /** labels of this area's input fields; they win over `commonLabels` for this area's handlers only */
  labels: Labels;
  recyclable: RecyclableEntity[];
  /** built-in values of this area's settings (the database holds only what the unit changed) */
  settingDefaults: Record<string, unknown>;
  /** this area's demo generator; the steps run in the order of the area list */
  demo?: { title: string; run: DemoStep };
  /** the ledger tables this area writes, parents first (the audit chain is not among them) */
  tables: (keyof DB & string)[];
  attachmentOwners?: Record<string, AttachmentOwner>;
}

/** Keeps the handler map's own type, so that core/api.ts can type the client. */
export function defineArea<H extends HandlerMap>(area: AreaModule<H>): AreaModule<H> {
  return area;
}

export interface AreaRegistry {
  areas: readonly AreaModule[];
  handlers: HandlerMap;
  /** handler name → its area */
  byHandler: ReadonlyMap<string, AreaModule>;
  /** area name → common labels overlaid with the area's own */
  labels: ReadonlyMap<string, Labels>;
  recyclable: ReadonlyMap<string, RecyclableEntity>;
  settingDefaults: ReadonlyMap<string, unknown>;
  attachmentOwners: ReadonlyMap<string, AttachmentOwner>;
  /** every area's tables, the last-filled first (core/demo/index.ts empties them with foreign keys checked at commit) */
  tables: readonly string[];
  demoSteps: readonly { name: string; run: DemoStep }[];
}

/** Merges the areas; a name defined by two areas (handler, table, setting, …) is a programming error and throws. */
export function composeAreas(areas: readonly AreaModule[]): AreaRegistry {
  const owner = new Map<string, string>();
  const claim = (kind: string, key: string, area: string) => {
    const k = `${kind}\u0000${key}`;
    const first = owner.get(k);
    if (first !== undefined) throw new Error(`${kind} "${key}" is defined by two areas: "${first}" and "${area}"`);
    owner.set(k, area);
  };
  const handlers: HandlerMap = {};
  const byHandler = new Map<string, AreaModule>();
  const labels = new Map<string, Labels>();
  const recyclable = new Map<string, RecyclableEntity>();
  const settingDefaults = new Map<string, unknown>();
  const attachmentOwners = new Map<string, AttachmentOwner>();
  const tables: string[] = [];
  for (const a of areas) {
    claim('area', a.name, a.name);
    labels.set(a.name, { ...commonLabels, ...a.labels });
    for (const [name, h] of Object.entries(a.handlers)) {
      claim('handler', name, a.name);
      handlers[name] = h;
      byHandler.set(name, a);
    }
    for (const e of a.recyclable) {
      claim('recyclable table', e.table, a.name);
      recyclable.set(e.table, e);
    }
    for (const [k, v] of Object.entries(a.settingDefaults)) {
      claim('setting', k, a.name);
      settingDefaults.set(k, v);
    }
    for (const [entity, o] of Object.entries(a.attachmentOwners ?? {})) {
      claim('attachment owner', entity, a.name);
      attachmentOwners.set(entity, o);
    }
    for (const t of a.tables) {
      claim('table', t, a.name);
      tables.unshift(t);
    }
  }
  const demoSteps = areas.flatMap((a) => (a.demo ? [{ name: a.demo.title, run: a.demo.run }] : []));
  return { areas, handlers, byHandler, labels, recyclable, settingDefaults, attachmentOwners, tables, demoSteps };
}

let installed: AreaRegistry | undefined;

/** Called once, by core/api.ts. */
export function installAreas(areas: readonly AreaModule[]): AreaRegistry {
  installed = composeAreas(areas);
  return installed;
}

/** The installed areas; core/api.ts (loaded by every host through core/ledger.ts) installs them. */
export function installedAreas(): AreaRegistry {
  if (!installed) throw new Error('no areas installed: import core/api.ts (core/ledger.ts does) before using the services');
  return installed;
}

/** The labels that apply to one handler: its own area's over the common ones. */
export function labelsFor(handlerName: string): Labels {
  const area = installed?.byHandler.get(handlerName);
  return (area && installed?.labels.get(area.name)) || commonLabels;
}
