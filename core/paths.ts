/**
 * Where the ledger lives when no Electron is around (browser mode, CLI):
 * PARTY_LEDGER_HOME if set, else the same per-user folder the desktop app uses.
 */
import os from 'node:os';
import path from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.PARTY_LEDGER_HOME) return path.resolve(env.PARTY_LEDGER_HOME);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'party-ledger');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'party-ledger');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'party-ledger');
}

export function ledgerFile(dataDir: string): string {
  return path.join(dataDir, 'ledger.sqlite');
}
