/**
 * Searchable text of an archive file: the words of a .docx (word/document.xml),
 * a .xlsx (its shared strings) or a plain text file. Scans, photos and PDFs have
 * none without OCR (not shipped: see README); they are kept as 'none'.
 * Also the frozen form of a generated document: its package dates (docProps)
 * set to a fixed time, so that the same content always has the same hash.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

const XML_ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };
const unescape = (s: string) => s.replace(/&(lt|gt|amp|quot|apos);/g, (m) => XML_ENTITIES[m]);

function isZip(b: Uint8Array): boolean {
  return b.length > 4 && b[0] === 0x50 && b[1] === 0x4b;
}

function entries(bytes: Uint8Array): Record<string, Uint8Array> | null {
  if (!isZip(bytes)) return null;
  try {
    return unzipSync(bytes);
  } catch {
    return null;
  }
}

/** The text of a file, or null when the app cannot read text from it. */
export function extractText(fileName: string, bytes: Uint8Array): string | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (ext === 'txt') return new TextDecoder().decode(bytes).trim();
  if (ext !== 'docx' && ext !== 'xlsx') return null;
  const z = entries(bytes);
  if (!z) return null;
  const part = ext === 'docx' ? z['word/document.xml'] : z['xl/sharedStrings.xml'];
  if (!part) return ext === 'xlsx' ? '' : null;
  const xml = strFromU8(part);
  if (ext === 'docx') {
    return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)]
      .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1])).join(''))
      .filter(Boolean)
      .join('\n');
  }
  return [...xml.matchAll(/<t(?: [^>]*)?>([^<]*)<\/t>/g)].map((m) => unescape(m[1])).join('\n');
}

const FIXED = '1980-01-01T00:00:00Z';
const FIXED_DATE = new Date(Date.UTC(1980, 0, 1, 12));

/**
 * A generated .docx/.xlsx with its creation and modification times fixed and
 * re-packed in the same entry order: the same content gives the same bytes.
 */
export function frozenDocument(bytes: Uint8Array): Uint8Array {
  const z = entries(bytes);
  if (!z) return bytes;
  const out: Zippable = {};
  for (const [name, data] of Object.entries(z)) {
    let d = data;
    if (name === 'docProps/core.xml') {
      const xml = strFromU8(data).replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${FIXED}$3`);
      d = strToU8(xml);
    }
    out[name] = [d, { mtime: FIXED_DATE, level: 6 }];
  }
  return zipSync(out);
}
