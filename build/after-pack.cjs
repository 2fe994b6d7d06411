/**
 * electron-builder afterPack hook: sets Electron's fuses in the packaged binary
 * (before signing), so the shipped app cannot be turned into a plain Node.js
 * (ELECTRON_RUN_AS_NODE), be given NODE_OPTIONS or --inspect, or load code
 * from outside its checked app.asar. The fuse list and the binary's path are
 * exported for tests/electron/fuses.test.ts.
 */
const path = require('node:path');

/** Fuse name → wanted state (names of @electron/fuses' FuseV1Options). */
const FUSES = {
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableCookieEncryption: true,
  OnlyLoadAppFromAsar: true,
  EnableEmbeddedAsarIntegrityValidation: true,
  // the UI comes from app://, so file:// needs none of its extra privileges
  GrantFileProtocolExtraPrivileges: false,
};

/** The Electron binary electron-builder just packed, per platform. */
function electronBinary(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${name}.app`);
    case 'win32':
      return path.join(context.appOutDir, `${name}.exe`);
    default:
      return path.join(context.appOutDir, context.packager.executableName);
  }
}

async function afterPack(context) {
  const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');
  const config = { version: FuseVersion.V1, resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === 3 /* arm64 */ };
  for (const [name, on] of Object.entries(FUSES)) config[FuseV1Options[name]] = on;
  await flipFuses(electronBinary(context), config);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.electronBinary = electronBinary;
