/**
 * The archive's settings (archives.md 7.3): 全宗号 (blank until the 档案馆 gives
 * one), 门类代码 (WS, 文书档案), 机构代码 (the unit's own code of the 机构（问题）
 * level, optional) and the 保管期限 codes of the 档号 (Y / D30 / D10).
 * The 机构（问题） level of an item's 档号 is 机构代码·类别代码 (e.g. DJB·B), or the
 * category code alone: 件号 run per year, 保管期限 and category, so the category
 * has to be in the number for it to be unique.
 */
import type { Tx } from '../audit/service.ts';
import { getSettings } from '../settings/service.ts';
import { composeArchiveNo, type Retention } from '../../common/archive.ts';

export const ARCHIVE_SETTINGS = {
  fondsNo: 'archive.fondsNo',
  classCode: 'archive.classCode',
  orgCode: 'archive.orgCode',
  retentionCodes: 'archive.retentionCodes',
} as const;

export const archiveSettingDefaults: Record<string, unknown> = {
  [ARCHIVE_SETTINGS.fondsNo]: '',
  [ARCHIVE_SETTINGS.classCode]: 'WS',
  [ARCHIVE_SETTINGS.orgCode]: '',
  [ARCHIVE_SETTINGS.retentionCodes]: { 永久: 'Y', '30年': 'D30', '10年': 'D10' },
};

export interface ArchiveSettings {
  fondsNo: string;
  classCode: string;
  orgCode: string;
  retentionCodes: Record<Retention, string>;
}

export async function archiveSettings(tx: Tx): Promise<ArchiveSettings> {
  const s = await getSettings(tx, 'archive.');
  return {
    fondsNo: String(s[ARCHIVE_SETTINGS.fondsNo] ?? ''),
    classCode: String(s[ARCHIVE_SETTINGS.classCode] ?? 'WS'),
    orgCode: String(s[ARCHIVE_SETTINGS.orgCode] ?? ''),
    retentionCodes: s[ARCHIVE_SETTINGS.retentionCodes] as Record<Retention, string>,
  };
}

/** The 档号 of an item under the settings; null with the reason when it cannot be composed. */
export function archiveNoOf(s: ArchiveSettings, it: { year: number; retention: string; category_code: string; item_no: number }): { archiveNo: string | null; warning: string | null } {
  const level = [s.orgCode.trim(), it.category_code].filter(Boolean).join('·');
  const r = composeArchiveNo({
    fonds: s.fondsNo,
    classCode: s.classCode,
    year: it.year,
    retentionCode: s.retentionCodes[it.retention as Retention] ?? it.retention,
    level,
    itemNo: it.item_no,
  });
  return r.ok ? { archiveNo: r.archiveNo, warning: r.warning } : { archiveNo: null, warning: r.message };
}
