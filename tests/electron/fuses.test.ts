/** Electron fuses at packaging: the afterPack hook is wired into electron-builder and flips exactly the fuses we want, on the right binary. */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FuseV1Options } from '@electron/fuses';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const hook = require(path.join(ROOT, 'build', 'after-pack.cjs')) as {
  (ctx: unknown): Promise<void>;
  FUSES: Record<string, boolean>;
  electronBinary: (ctx: unknown) => string;
};

describe('fuses', () => {
  it('electron-builder runs the hook after packing', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.build.afterPack).toBe('build/after-pack.cjs');
    expect(pkg.build.asar).not.toBe(false);
    expect(typeof hook).toBe('function');
  });
  it('turns off RunAsNode, NODE_OPTIONS and --inspect; turns on cookie encryption and the checked ASAR', () => {
    expect(hook.FUSES).toEqual({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableCookieEncryption: true,
      OnlyLoadAppFromAsar: true,
      EnableEmbeddedAsarIntegrityValidation: true,
      GrantFileProtocolExtraPrivileges: false,
    });
    for (const name of Object.keys(hook.FUSES)) expect(FuseV1Options[name as keyof typeof FuseV1Options], name).toEqual(expect.any(Number));
  });
  it('finds the packed binary on each platform', () => {
    const ctx = (platform: string) => ({ electronPlatformName: platform, appOutDir: '/out', packager: { appInfo: { productFilename: '党务台账' }, executableName: 'party-ledger' } });
    expect(hook.electronBinary(ctx('win32'))).toBe(path.join('/out', '党务台账.exe'));
    expect(hook.electronBinary(ctx('linux'))).toBe(path.join('/out', 'party-ledger'));
    expect(hook.electronBinary(ctx('darwin'))).toBe(path.join('/out', '党务台账.app'));
  });
});
