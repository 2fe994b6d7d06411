/**
 * CLI commands, registered per area. A command gets the parsed arguments and a
 * way to open the ledger (commands such as `dues calc` never open it).
 */
import type { Ledger } from '../ledger.ts';

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | true>;
}

export interface CliIo {
  json: boolean;
  out: (line: string) => void;
  /** Prints a value: JSON when --json, else the text form. */
  print: (value: unknown, text: () => string) => void;
  open: () => Promise<Ledger>;
  /** The ledger file --db names (or the default), without opening it. */
  ledgerFile: () => string;
  /** Now and today by the host's clock (honours PARTY_LEDGER_TODAY). */
  clock: () => { now: string; today: string };
}

export class UsageError extends Error {}

export interface Command {
  /** Words that select the command, e.g. ['members', 'list']. */
  path: string[];
  usage: string;
  summary: string;
  run: (args: ParsedArgs, io: CliIo) => Promise<void>;
}

export const commands: Command[] = [];

export function registerCommands(list: Command[]): void {
  commands.push(...list);
}

export function flag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags[name];
  if (v === true) throw new UsageError(`--${name} 需要一个值`);
  return v;
}

export function requireFlag(args: ParsedArgs, name: string): string {
  const v = flag(args, name);
  if (!v) throw new UsageError(`缺少 --${name}`);
  return v;
}

export function parseArgs(argv: string[], booleanFlags: Set<string>): ParsedArgs {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) flags[a.slice(2, eq)] = a.slice(eq + 1);
      else if (booleanFlags.has(a.slice(2)) || i + 1 >= argv.length || argv[i + 1].startsWith('--')) flags[a.slice(2)] = true;
      else flags[a.slice(2)] = argv[++i];
    } else positional.push(a);
  }
  return { positional, flags };
}
