/**
 * The demo bureau's sign-in sheets (签到表): a scanned sheet on every meeting
 * from 1 January of the year of the last quarter that ended before today, except
 * the meetings of one branch (巡特警大队党支部) in that quarter — the gap the
 * 迎检清单 must find. Earlier meetings have none (the sheets are a year's filing). Written
 * through the attachments service; the inspect area's own table stays empty
 * (the demo uses the default checklist). A ledger without a data folder (an
 * in-memory test ledger) cannot hold files and gets no sheets.
 */
import { deflateSync } from 'node:zlib';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../context.ts';
import type { DemoState } from '../demo/types.ts';
import { addAttachment } from '../attachments/service.ts';
import { quarterPeriod } from '../activities/rules.ts';

export const DEMO_UNSIGNED_BRANCH = '巡特警大队党支部';

/** The quarter before today's: [from, to]. */
export function demoUnsignedQuarter(today: string): { from: string; to: string; key: string } {
  const y = Number(today.slice(0, 4));
  const q = Math.ceil(Number(today.slice(5, 7)) / 3);
  const p = q === 1 ? quarterPeriod(y - 1, 4) : quarterPeriod(y, q - 1);
  return { from: p.from, to: p.to, key: p.key };
}

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC[(c ^ x) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Uint8Array): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A small grey-scale "scan" of a sign-in sheet: a ruled table on paper. */
export function signInSheetPng(): Uint8Array {
  const w = 210;
  const h = 297;
  const raw = Buffer.alloc((w + 1) * h, 0xf4);
  for (let y = 0; y < h; y++) {
    raw[y * (w + 1)] = 0;
    for (let x = 0; x < w; x++) {
      const inTable = x >= 20 && x <= 190 && y >= 40 && y <= 270;
      const rule = inTable && ((y - 40) % 23 === 0 || x === 20 || x === 80 || x === 140 || x === 190);
      const title = y >= 18 && y <= 24 && x >= 70 && x <= 140;
      if (rule || title) raw[y * (w + 1) + 1 + x] = 0x30;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grey-scale
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]));
}

export async function demoSignInSheets(ctx: Ctx, tx: Transaction<DB>, _rng: unknown, state: DemoState): Promise<void> {
  if (!ctx.platform.dataDir || ctx.platform.dataDir === ':memory:') return;
  const gap = demoUnsignedQuarter(ctx.platform.today());
  const gapBranch = state.branches.find((b) => b.name === DEMO_UNSIGNED_BRANCH)?.id;
  const acts = await tx
    .selectFrom('activities')
    .select(['id', 'org_id', 'held_on'])
    .where('deleted_at', 'is', null)
    .where('type', '<>', '谈心谈话')
    .where('held_on', '>=', `${gap.from.slice(0, 4)}-01-01`)
    .orderBy('held_on')
    .orderBy('id')
    .execute();
  const png = signInSheetPng();
  for (const a of acts) {
    if (a.org_id === gapBranch && a.held_on >= gap.from && a.held_on <= gap.to) continue;
    await addAttachment(ctx, { entity: 'activities', entityId: a.id, fileName: '签到表.png', bytes: png, kind: '签到表' }, tx);
  }
}
