/** What the clerk typed, read once: Chinese text, Latin letters (pinyin), or trailing digits of an ID number or phone. */
export interface SearchQuery {
  /** trimmed text as typed */
  text: string;
  /** lower-case Latin letters without spaces (zwh, zhang wen hua → zhangwenhua); '' when the text has anything else */
  letters: string;
  /** 3 or more digits (an ID number may end in X): matched against the end of 身份证号 and phone; '' otherwise */
  digits: string;
}

export function readQuery(q: string): SearchQuery {
  const text = q.trim();
  const compact = text.replace(/\s+/g, '');
  return {
    text,
    letters: /^[A-Za-z]+$/.test(compact) ? compact.toLowerCase() : '',
    digits: /^\d{3,}[Xx]?$/.test(compact) ? compact.toUpperCase() : '',
  };
}

/** 0 the whole field, 1 its start, 2 anywhere, null no match: the order hits are listed in. */
export function textRank(value: string | null | undefined, text: string): number | null {
  if (!value || !text) return null;
  const v = value.toLowerCase();
  const t = text.toLowerCase();
  if (v === t) return 0;
  if (v.startsWith(t)) return 1;
  return v.includes(t) ? 2 : null;
}

/** 138****5678: a phone number on screen keeps its first 3 and last 4 digits. */
export function maskPhone(phone: string | null): string {
  if (!phone) return '';
  const s = phone.trim();
  if (s.length <= 7) return '*'.repeat(s.length);
  return `${s.slice(0, 3)}${'*'.repeat(s.length - 7)}${s.slice(-4)}`;
}

/** A few words of `content` around the first `text`, for the line under a meeting hit. */
export function snippet(content: string | null, text: string, width = 24): string {
  if (!content) return '';
  const flat = content.replace(/\s+/g, ' ');
  const at = flat.toLowerCase().indexOf(text.toLowerCase());
  if (at < 0) return '';
  const start = Math.max(0, at - Math.floor((width - text.length) / 2));
  const end = Math.min(flat.length, start + width);
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
}
