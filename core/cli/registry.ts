/**
 * The command line's table. Most commands are entries over the handler map
 * (core/api.ts): `{ path, usage, summary, handler, input, print }`. The host
 * (core/cli/run.ts) turns the arguments into the handler's input, runs it through
 * the same `invoke` as Electron and browser mode (so the same zod checks and the
 * same Chinese messages), writes a returned document to `--out` and prints the
 * result. A few commands are host-level (`run`): they are about the ledger file
 * itself or files outside it (init, backup with a password file, restore).
 */
import type { Ledger } from '../ledger.ts';
import type { HandlerName, LedgerApi } from '../api.ts';

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | true>;
}

export interface CliIo {
  json: boolean;
  out: (line: string) => void;
  /** A warning for the clerk, on stderr (the result on stdout stays clean for --json and pipes). */
  warn: (line: string) => void;
  /** Prints a value: JSON when --json, else the text form. */
  print: (value: unknown, text: () => string) => void;
  open: () => Promise<Ledger>;
  /** Runs a handler through invoke: without opening the ledger when the handler needs none. */
  invoke: (name: string, input: unknown) => Promise<unknown>;
  /** The ledger file --db names (or the default), without opening it. */
  ledgerFile: () => string;
  /** Now and today by the host's clock (honours PARTY_LEDGER_TODAY). */
  clock: () => { now: string; today: string };
}

export class UsageError extends Error {}

/** What a command prints: `json` with --json, else `text()`. */
export interface Printed {
  json: unknown;
  text: () => string;
}

/** What `print` is given besides the result: the arguments, and where a returned document was written. */
export interface PrintContext {
  args: ParsedArgs;
  io: CliIo;
  /** The absolute path of --out when the handler returned a document, else null. */
  file: string | null;
}

export type Output<N extends HandlerName> = Awaited<ReturnType<LedgerApi[N]>>;

/** A command over one handler; `result` is typed by the handler's output. */
export interface HandlerCommand<N extends HandlerName> {
  path: string[];
  usage: string;
  summary: string;
  handler: N;
  /** The handler's input from the arguments; values are passed as written (zod checks and converts them). */
  input?: (args: ParsedArgs, io: CliIo) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** The handler returns a document: --out is required, checked before anything runs. */
  document?: boolean;
  /** By default: `{ file }` / “已导出：FILE” for a document, else the result as JSON. */
  print?: (result: Output<N>, c: PrintContext) => Printed | void | Promise<Printed | void>;
}

/** A host-level command, not a handler of the map (the ledger file itself, files outside it). */
export interface RunCommand {
  path: string[];
  usage: string;
  summary: string;
  run: (args: ParsedArgs, io: CliIo) => Promise<void>;
}

export interface AnyHandlerCommand {
  path: string[];
  usage: string;
  summary: string;
  handler: HandlerName;
  input?: (args: ParsedArgs, io: CliIo) => Record<string, unknown> | Promise<Record<string, unknown>>;
  document?: boolean;
  print?: (result: unknown, c: PrintContext) => Printed | void | Promise<Printed | void>;
}

export type Command = AnyHandlerCommand | RunCommand;

/** Declares a command over handler `N`, with `print` typed by its output. */
export function command<N extends HandlerName>(c: HandlerCommand<N>): Command {
  return c as unknown as AnyHandlerCommand;
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
