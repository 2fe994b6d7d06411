#!/usr/bin/env node
// party-ledger: runs the command line from the JavaScript built ahead of time (dist/node/cli.js, made by
// `npm install` and refreshed by `npm start` / `npm test`). When a TypeScript source is newer than that build
// (development), it runs the sources in place through tsx instead, so an edit is never run stale.
import { coreBuildFresh } from '../scripts/core-build-state.mjs';

if (coreBuildFresh()) {
  await import('../dist/node/cli.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../core/cli/main.ts');
}
