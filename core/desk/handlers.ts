/** 首页: what to do this month, the setup checklist of a new ledger, and the cards' head counts. Read only. */
import { z } from 'zod';
import { handler } from '../handler.ts';
import { deskTodo } from './todo.ts';
import { setupChecklist } from './checklist.ts';
import { deskCounts } from './counts.ts';

const none = z.object({});

export const deskHandlers = {
  'desk/todo': handler(none, (ctx) => deskTodo(ctx)),
  'desk/setup-checklist': handler(none, (ctx) => setupChecklist(ctx)),
  'desk/counts': handler(none, (ctx) => deskCounts(ctx)),
};
