/**
 * 本月待办 on the home page: one short list, most urgent first (overdue, due this week, due this month), each item
 * one click from the exact form. Built only from what the areas already judge (their own functions), so a rule
 * that changes there — e.g. the ledger's start date — changes the list too. Writes nothing.
 */
import type { Ctx } from '../context.ts';
import { byUrgency, type DeskTodo } from './model.ts';
import { lifeItems, periodEnd } from './life.ts';
import { duesItems } from './dues.ts';
import { developmentItems, termItems, transferItems } from './others.ts';
import { hoursTodo } from '../hours/findings.ts';

/** On the ledger's today (the platform clock: PARTY_LEDGER_TODAY in tests and demonstrations). */
export async function deskTodo(ctx: Ctx): Promise<DeskTodo> {
  const today = ctx.platform.today();
  const parts = await Promise.all([lifeItems(ctx, today), duesItems(ctx, today), developmentItems(ctx, today), transferItems(ctx, today), termItems(ctx, today, periodEnd(today.slice(0, 7))), hoursTodo(ctx, today)]);
  return { asOf: today, month: today.slice(0, 7), items: parts.flat().sort(byUrgency) };
}
