/**
 * Child process of the attachment crash test: opens the ledger through core/ledger.ts
 * and adds attachments to one activity through the attachments service, in a loop,
 * until it is killed (at most 300, and never beyond the life of its parent). Prints `ready` once open and `ok <id> <sha256>` after each
 * attachment is committed (stdout to a pipe is synchronous on Linux and macOS).
 * Usage: node --import tsx crash-attach-child.ts LEDGER_FILE ACTIVITY_ID
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { openLedgerContext } from '../../core/ledger.ts';
import { systemPlatform } from '../../core/platform.ts';
import { addAttachment } from '../../core/attachments/service.ts';

const [file, activityId] = process.argv.slice(2);
const ledger = await openLedgerContext(file, systemPlatform(path.dirname(file), '崩溃测试'));
process.stdout.write('ready\n');
const earlier: Uint8Array[] = [];
const parent = process.ppid;
// bounded, and ends when the test that started it is gone, so it can never fill a disk
for (let i = 0; i < 300 && process.ppid === parent; i++) {
  // mostly new content (1 MiB, so a kill can land inside the write); every fourth one reuses earlier bytes
  const bytes = i % 4 === 3 && earlier.length ? earlier[i % earlier.length] : new Uint8Array(randomBytes(1024 * 1024));
  earlier.push(bytes);
  const a = await addAttachment(ledger.ctx, { entity: 'activities', entityId: activityId, fileName: `扫描件${i}.pdf`, bytes, kind: '扫描件' });
  process.stdout.write(`ok ${a.id} ${a.sha256}\n`);
}
