/**
 * The whole application contract: every area's handler map, merged. Every host
 * runs a handler by name through `invoke` over this map (core/ledger.ts →
 * core/lock/invoke.ts → `invokeHandler` in core/handler.ts): Electron registers
 * one IPC channel per name, browser mode serves `/api/<name>`, and the command
 * line's commands are a table over these names (core/cli/), `party-ledger call`
 * reaching any of them. The renderer types its client with `LedgerApi`.
 * A new area adds one import and one spread here.
 */
import type { ApiOf } from './handler.ts';
import { setupHandlers } from './setup/handlers.ts';
import { orgHandlers } from './org/handlers.ts';
import { memberHandlers } from './members/handlers.ts';
import { auditHandlers } from './audit/handlers.ts';
import { activityHandlers } from './activities/handlers.ts';
import { attachmentHandlers } from './attachments/handlers.ts';
import { duesHandlers } from './dues/handlers.ts';
import { transferHandlers } from './transfers/handlers.ts';
import { developmentHandlers } from './development/handlers.ts';
import { importHandlers } from './imports/handlers.ts';
import { lockHandlers } from './lock/handlers.ts';
import { backupHandlers } from './backup/handlers.ts';

export const handlers = {
  ...setupHandlers,
  ...orgHandlers,
  ...memberHandlers,
  ...auditHandlers,
  ...activityHandlers,
  ...attachmentHandlers,
  ...duesHandlers,
  ...transferHandlers,
  ...developmentHandlers,
  ...importHandlers,
  ...lockHandlers,
  ...backupHandlers,
};

export type Handlers = typeof handlers;
export type LedgerApi = ApiOf<Handlers>;
export type HandlerName = keyof Handlers;
