/**
 * party-ledger: the same core from the command line, a host over the handler map
 * (core/api.ts) like Electron and browser mode: each command is a table entry
 * (core/cli/registry.ts) run through the same invoke; `call` reaches any handler.
 * Exit codes: 0 done, 1 an error the clerk must fix (message in Chinese on stderr), 2 usage.
 */
import path from 'node:path';
import { defaultDataDir, ledgerFile } from '../paths.ts';
import { pinnedTodayFromEnv, systemPlatform } from '../platform.ts';
import { openLedgerContext, type Ledger } from '../ledger.ts';
import { LedgerDamagedError, LedgerError } from '../errors.ts';
import { damagedHelp, storageError } from '../storage-errors.ts';
import { handlers } from '../api.ts';
import { invokeWithoutLedger, runsWithoutLedger, type AnyHandler } from '../handler.ts';
import { commands, flag, parseArgs, registerCommands, UsageError, type CliIo } from './registry.ts';
import { runCommand } from './run.ts';
import { callCommands } from './call.ts';
import { unlockFromFlag } from './unlock.ts';
import { foundationCommands } from './foundation.ts';
import { activityCommands } from './activities.ts';
import { developmentCommands } from './development.ts';
import { duesCommands } from './dues.ts';
import { transferCommands } from './transfers.ts';
import { auditCommands } from './audit.ts';
import { backupCommands } from './backup.ts';
import { inspectCommands } from './inspect.ts';
import { testCommands } from './tests.ts';
import { studyCommands } from './study.ts';
import { hoursCommands } from './hours.ts';
import { pointsCommands } from './points.ts';
import { starsCommands } from './stars.ts';
import { archiveCommands } from './archive.ts';
import { evaluationCommands } from './evaluation.ts';
import { careCommands } from './care.ts';
import { rectificationCommands } from './rectification.ts';
import { secretaryCommands } from './secretary.ts';
import { noticesCommands } from './notices.ts';
import { summaryCommands } from './summary.ts';

registerCommands(foundationCommands);
registerCommands(activityCommands);
registerCommands(developmentCommands);
registerCommands(duesCommands);
registerCommands(transferCommands);
registerCommands(auditCommands);
registerCommands(backupCommands);
registerCommands(inspectCommands);
registerCommands(testCommands);
registerCommands(studyCommands);
registerCommands(hoursCommands);
registerCommands(pointsCommands);
registerCommands(starsCommands);
registerCommands(archiveCommands);
registerCommands(evaluationCommands);
registerCommands(careCommands);
registerCommands(rectificationCommands);
registerCommands(secretaryCommands);
registerCommands(noticesCommands);
registerCommands(summaryCommands);
registerCommands(callCommands);

const MAP = handlers as unknown as Record<string, AnyHandler>;

const BOOLEAN_FLAGS = new Set(['json', 'force', 'valid-only', 'no-cap', 'help', 'yes', 'list', 'pdf']);

function usage(): string {
  const lines = commands.map((c) => `  party-ledger ${c.usage}\n      ${c.summary}`);
  return `用法：party-ledger <命令> [--db 台账文件] [--json] [--lock-password-file 文件]\n\n命令：\n${lines.join('\n')}\n\n台账设置了密码锁时，需用 --lock-password-file 指定存放密码的文件（文件第一行为密码）。\n--db 默认为 ${ledgerFile(defaultDataDir())}（可用环境变量 PARTY_LEDGER_HOME 改变数据文件夹）`;
}

export async function main(argv: string[]): Promise<number> {
  let pinned: string | undefined;
  try {
    pinned = pinnedTodayFromEnv();
  } catch (e) {
    process.stderr.write(`错误：${(e as Error).message}\n`);
    return 1;
  }
  const args = parseArgs(argv, BOOLEAN_FLAGS);
  const json = args.flags.json === true;
  if (args.positional.length === 0 || args.flags.help === true) {
    (args.positional.length === 0 && args.flags.help !== true ? process.stderr : process.stdout).write(usage() + '\n');
    return args.flags.help === true ? 0 : 2;
  }
  const cmd = [...commands].sort((a, b) => b.path.length - a.path.length).find((c) => c.path.every((w, i) => args.positional[i] === w));
  if (!cmd) {
    process.stderr.write(`未知命令：${args.positional.join(' ')}\n\n${usage()}\n`);
    return 2;
  }
  const rest = { positional: args.positional.slice(cmd.path.length), flags: args.flags };
  let ledger: Ledger | null = null;
  const fileOf = () => {
    const dbFlag = args.flags.db;
    if (dbFlag === true) throw new UsageError('--db 需要一个文件路径');
    return dbFlag ? path.resolve(dbFlag) : ledgerFile(defaultDataDir());
  };
  const io: CliIo = {
    json,
    out: (line) => process.stdout.write(line + '\n'),
    warn: (line) => process.stderr.write(`提醒：${line}\n`),
    print: (value, text) => process.stdout.write((json ? JSON.stringify(value, null, 2) : text()) + '\n'),
    open: async () => {
      if (ledger) return ledger;
      const file = fileOf();
      ledger = await openLedgerContext(file, systemPlatform(path.dirname(file), '命令行', pinned));
      await unlockFromFlag(ledger, flag(args, 'lock-password-file'));
      return ledger;
    },
    // a pure calculation (dues calc, development check) runs without opening any ledger
    invoke: async (name, input) => (runsWithoutLedger(MAP, name) ? invokeWithoutLedger(MAP, systemPlatform('', '命令行', pinned), name, input) : (await io.open()).invoke(name, input)),
    ledgerFile: fileOf,
    clock: () => {
      const p = systemPlatform('', '命令行', pinned);
      return { now: p.now(), today: p.today() };
    },
  };
  try {
    await runCommand(cmd, rest, io);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n用法：party-ledger ${cmd.usage}\n`);
      return 2;
    }
    const err = storageError(e, { dataDir: path.dirname((ledger as Ledger | null)?.file ?? ledgerFile(defaultDataDir())) }) ?? e;
    process.stderr.write(`错误：${err instanceof LedgerError ? err.message : (err as Error).message}\n`);
    if (err instanceof LedgerDamagedError) process.stderr.write(damagedHelp(err) + '\n');
    return 1;
  } finally {
    if (ledger) await (ledger as Ledger).close();
  }
}

// A closed pipe (e.g. `| head`) ends output quietly instead of crashing.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});
process.exitCode = await main(process.argv.slice(2));
