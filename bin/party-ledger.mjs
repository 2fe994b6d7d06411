#!/usr/bin/env node
// Runs the TypeScript CLI in place through tsx, so `npx party-ledger` works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
await import('../core/cli/main.ts');
