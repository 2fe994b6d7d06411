/** Settings, the organization tree, its posts and the member roster (migration …_foundation). Row types as stored; see db/schema.ts. */

export interface SettingsTable {
  key: string;
  value_json: string;
  updated_at: string;
}

export interface OrgUnitsTable {
  id: string;
  parent_id: string | null;
  /** 党委 | 党总支 | 党支部 | 党小组 */
  kind: string;
  name: string;
  short_name: string | null;
  established_on: string | null;
  term_years: number | null;
  term_start_on: string | null;
  sort_order: number;
  note: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface OrgRolesTable {
  id: string;
  org_id: string;
  member_id: string | null;
  person_name: string;
  /** 书记 | 副书记 | 组织委员 | 宣传委员 | 纪检委员 | 委员 | 组长 */
  role: string;
  start_on: string | null;
  end_on: string | null;
  created_at: string;
  deleted_at: string | null;
}

export interface MembersTable {
  id: string;
  name: string;
  gender: string;
  ethnicity: string;
  birth_date: string;
  id_number: string;
  native_place: string | null;
  education: string | null;
  work_start_date: string | null;
  join_date: string;
  full_date: string | null;
  /** 预备 | 正式 */
  party_status: string;
  /** 在职 | 离退休 | … */
  category: string;
  work_unit: string | null;
  police_type: string | null;
  position: string | null;
  police_rank: string | null;
  phone: string | null;
  branch_id: string;
  group_id: string | null;
  note: string | null;
  /** 转出 | 去世 | 出党 | 停止党籍, null while on the roster */
  left_type: string | null;
  left_date: string | null;
  left_reason: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface FoundationTables {
  settings: SettingsTable;
  org_units: OrgUnitsTable;
  org_roles: OrgRolesTable;
  members: MembersTable;
}
