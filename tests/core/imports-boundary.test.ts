/**
 * What may import what across the top folders: the renderer reaches the core
 * only through types (values come over `call`), and common/ is side-agnostic:
 * it imports nothing outside itself and touches no Node or browser globals.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function sources(dir: string, exts: string[]): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p, exts));
    else if (exts.some((x) => e.name.endsWith(x))) out.push(p);
  }
  return out;
}

const stripComments = (s: string) => s.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

export interface ImportRef {
  spec: string;
  typeOnly: boolean;
  text: string;
}

/** Every static import/export-from and dynamic import() in a source text. */
export function importsOf(source: string): ImportRef[] {
  const s = stripComments(source);
  const out: ImportRef[] = [];
  for (const m of s.matchAll(/(?:^|[;\n])\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/g))
    out.push({ spec: m[4], typeOnly: Boolean(m[2]), text: m[0].trim() });
  for (const m of s.matchAll(/(?:^|[;\n])\s*import\s*['"]([^'"]+)['"]/g)) out.push({ spec: m[1], typeOnly: false, text: m[0].trim() });
  for (const m of s.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ spec: m[1], typeOnly: false, text: m[0].trim() });
  return out;
}

const inside = (file: string, spec: string, folder: string) =>
  spec.startsWith('.') && (path.resolve(path.dirname(file), spec) + path.sep).startsWith(path.join(root, folder) + path.sep);

describe('import boundaries', () => {
  it('the scanner sees value imports, type imports, re-exports and dynamic imports', () => {
    const refs = importsOf(`import type { A } from '../core/a';\nimport { b } from "../core/b";\nexport { c } from './c';\n// import { d } from '../core/d';\nconst e = await import('../core/e');\nimport '../core/f';`);
    expect(refs.map((r) => [r.spec, r.typeOnly])).toEqual([
      ['../core/a', true],
      ['../core/b', false],
      ['./c', false],
      ['../core/f', false],
      ['../core/e', false],
    ]);
  });

  it('no renderer file imports anything from core/ other than `import type`', () => {
    const files = sources(path.join(root, 'renderer'), ['.ts', '.vue']);
    expect(files.length).toBeGreaterThan(20);
    const bad: string[] = [];
    for (const f of files)
      for (const r of importsOf(fs.readFileSync(f, 'utf8'))) if (!r.typeOnly && inside(f, r.spec, 'core')) bad.push(`${path.relative(root, f)}: ${r.text}`);
    expect(bad).toEqual([]);
  });

  it('common/ imports nothing outside common/ (no node:*, core/, renderer/, no package)', () => {
    const files = sources(path.join(root, 'common'), ['.ts']);
    expect(files.length).toBeGreaterThan(3);
    const bad: string[] = [];
    for (const f of files) for (const r of importsOf(fs.readFileSync(f, 'utf8'))) if (!inside(f, r.spec, 'common')) bad.push(`${path.relative(root, f)}: ${r.text}`);
    expect(bad).toEqual([]);
  });

  it('common/ uses no Node or browser globals (window, document, process, Buffer, require, …)', () => {
    // an object key of that name (`{ document: '生成文档' }`) is not the global
    const globals = /\b(window|document|process|Buffer|require|globalThis|localStorage|navigator|fetch|__dirname)\b(?!\s*:)/;
    const bad: string[] = [];
    for (const f of sources(path.join(root, 'common'), ['.ts'])) {
      const lines = stripComments(fs.readFileSync(f, 'utf8')).split('\n');
      lines.forEach((l, i) => {
        if (globals.test(l)) bad.push(`${path.relative(root, f)}:${i + 1}: ${l.trim()}`);
      });
    }
    expect(bad).toEqual([]);
  });
});
