/**
 * Small grayscale or colour PNG images for the demo's "scans" and "photos": a
 * ruled sheet with rows of dark marks (a sign-in sheet as scanned), or colour
 * bands (a photo). Deterministic for a seed; no image library needed.
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), Buffer.from(data)]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(width: number, height: number, colour: boolean, pixel: (x: number, y: number) => number[]): Uint8Array {
  const bpp = colour ? 3 : 1;
  const raw = Buffer.alloc((width * bpp + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * bpp + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) {
      const p = pixel(x, y);
      for (let i = 0; i < bpp; i++) raw[row + 1 + x * bpp + i] = p[i];
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = colour ? 2 : 0;
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]));
}

/** A scanned sign-in sheet: rules every 20 px and `names` rows of marks. */
export function scanImage(seed: number, names: number): Uint8Array {
  return png(210, 297, false, (x, y) => {
    if (y > 30 && y < 290 && y % 20 === 10) return [60];
    const row = Math.floor((y - 30) / 20);
    const inMark = row >= 0 && row < names && y % 20 > 13 && x > 20 && x < 70 + ((seed * 7 + row * 13) % 60);
    if (inMark) return [40];
    if (y > 8 && y < 20 && x > 60 && x < 150) return [20];
    return [235 + ((x * 31 + y * 17 + seed) % 12)];
  });
}

/** A photo: colour bands whose tones depend on the seed. */
export function photoImage(seed: number): Uint8Array {
  return png(160, 120, true, (x, y) => [(seed * 37 + y * 2) % 256, (seed * 11 + x) % 256, (120 + ((x + y + seed) % 100)) % 256]);
}
