/** 党员积分 (migration …_points). Row types as stored; see db/schema.ts. Points are whole, signed integers. */

export interface PointsEntriesTable {
  id: string;
  member_id: string;
  item_key: string;
  item_name: string;
  on_date: string;
  points: number;
  reason: string;
  /** null until the 支委会 approved it */
  approved_on: string | null;
  approval_ref: string | null;
  approval_activity_id: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface PointsExclusionsTable {
  id: string;
  member_id: string;
  year: number;
  reason: string;
  note: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface PointsTables {
  points_entries: PointsEntriesTable;
  points_exclusions: PointsExclusionsTable;
}
