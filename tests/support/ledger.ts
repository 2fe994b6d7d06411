/**
 * A fresh ledger for a test: `:memory:` (or a temp file) built by the real
 * migrations, a fixed clock and counting ids. Optionally loads the demo bureau.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLedgerContext, type Ledger } from '../../core/ledger.ts';
import { fixedPlatform } from '../../core/platform.ts';
import { loadDemo } from '../../core/demo/index.ts';
import type { HandlerName, LedgerApi } from '../../core/api.ts';
import type { LedgerError } from '../../core/errors.ts';

export interface TestLedger extends Ledger {
  /** Typed call of a handler through the same validation every host uses. */
  call: <K extends HandlerName>(name: K, input: Parameters<LedgerApi[K]>[0]) => ReturnType<LedgerApi[K]>;
}

export async function testLedger(opts: { today?: string; demo?: boolean; file?: string } = {}): Promise<TestLedger> {
  const platform = fixedPlatform({ today: opts.today ?? '2026-11-28' });
  const l = await openLedgerContext(opts.file ?? ':memory:', platform);
  if (opts.demo) await loadDemo(l.ctx);
  return { ...l, call: ((name: string, input: unknown) => l.invoke(name, input)) as TestLedger['call'] };
}

/** The error a call fails with; fails the test when the call succeeds. */
export async function failure(p: Promise<unknown>): Promise<LedgerError> {
  try {
    await p;
  } catch (e) {
    return e as LedgerError;
  }
  throw new Error('expected a failure');
}

export function tempDir(prefix = 'party-ledger-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Reads one XML part of a .docx (or any zip) as text. */
export async function zipPart(bytes: Uint8Array, part: string): Promise<string> {
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(bytes);
  const f = zip.file(part);
  if (!f) throw new Error(`no ${part} in the archive`);
  return f.async('string');
}

/**
 * The visible text of a WordprocessingML part, paragraph by paragraph (one
 * line each): the text a reader sees, whatever runs, rubies (names kept whole,
 * templates/typography.ts) or explicit line breaks (titles) it is made of.
 */
export function docxText(xml: string): string {
  return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n');
}
