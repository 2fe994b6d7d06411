/** `npm start` without Electron: open the ledger, serve browser mode, print the URL, open a browser if there is one. */
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { defaultDataDir, ledgerFile } from '../paths.ts';
import { pinnedTodayFromEnv, systemPlatform } from '../platform.ts';
import { openLedgerContext } from '../ledger.ts';
import { startHost } from './server.ts';
import { LedgerDamagedError, LedgerError } from '../errors.ts';
import { damagedHelp } from '../storage-errors.ts';
import { acquireLock } from '../backup/lock.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = defaultDataDir();
let ledger: Awaited<ReturnType<typeof openLedgerContext>>;
let pinned: string | undefined;
try {
  pinned = pinnedTodayFromEnv();
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
// one ledger, one app: a second desktop or browser-mode instance on this data folder stops here
const lock = acquireLock(dataDir, 'browser');
if (!lock.ok) {
  console.error(lock.message);
  process.exit(1);
}
try {
  ledger = await openLedgerContext(ledgerFile(dataDir), systemPlatform(dataDir, undefined, pinned));
} catch (e) {
  // damaged, read-only, full: the Chinese sentence already names the file, the cause and the way out
  console.error(e instanceof LedgerError ? e.message : `无法打开台账 ${ledgerFile(dataDir)}：${(e as Error).message}`);
  if (e instanceof LedgerDamagedError) console.error(damagedHelp(e));
  process.exit(1);
}
const host = await startHost({ ledger, staticDir: path.join(root, 'dist', 'renderer'), port: Number(process.env.PARTY_LEDGER_PORT ?? 0) });
console.log(`党务台账（浏览器模式）已启动，请在浏览器中打开：${host.url}`);
console.log(`数据文件：${ledger.file}　按 Ctrl+C 退出。`);
if (process.stdin.isTTY) {
  console.log('启动地址只能使用一次；如已关闭浏览器，按回车键获取新的启动地址。');
  process.stdin.on('data', () => console.log(`新的启动地址：${host.newLaunchUrl()}`));
}
if (pinned) console.log(`演示日期：${pinned}（PARTY_LEDGER_TODAY，仅用于测试、演示和培训）`);

if (!process.env.CI && process.env.PARTY_LEDGER_NO_BROWSER !== '1') {
  const opener = process.platform === 'win32' ? ['cmd', ['/c', 'start', '', host.url]] : process.platform === 'darwin' ? ['open', [host.url]] : ['xdg-open', [host.url]];
  try {
    const child = spawn(opener[0] as string, opener[1] as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    /* no system browser: the printed URL is enough */
  }
}

const stop = async () => {
  await host.close();
  await ledger.close();
  lock.release();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
