// Entry of the import worker when the app runs from TypeScript (tsx in dev, vitest in tests):
// a worker thread does not inherit the parent's loader hooks, so register tsx here, then load worker.ts.
// exceljs is required first, outside the hooks, so its many CommonJS files load at plain speed.
// The built app (dist/) starts worker.js directly and never uses this file.
import { createRequire } from 'node:module';
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

createRequire(import.meta.url)('exceljs');
register();
await import(workerData.target);
