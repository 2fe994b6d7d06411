/** Header text and column letters of a worksheet; no dependencies, so the import worker stays light. */

/** Header text reduced to its core: no spaces, line breaks, stars or bracketed hints. */
export function normalizeHeader(h: string): string {
  return h
    .replace(/[\s*＊]/g, '')
    .replace(/[（(][^）)]*[）)]/g, '')
    .trim();
}

/** 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
