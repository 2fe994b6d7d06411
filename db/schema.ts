/**
 * Row types exactly as stored in SQLite. Booleans are 0 | 1, money is integer 分
 * in `*_fen` columns, dates are ISO text. Domain types live in core/.
 * Each area keeps its tables in db/schema/<area>.ts next to its migration and
 * adds its table map to `DB` here; importers keep `import type { DB } from 'db/schema.ts'`.
 */
import type { FoundationTables } from './schema/foundation.ts';
import type { AuditTables } from './schema/audit.ts';
import type { ActivitiesTables } from './schema/activities.ts';
import type { DuesTables } from './schema/dues.ts';
import type { TransfersTables } from './schema/transfers.ts';
import type { DevelopmentTables } from './schema/development.ts';
import type { ArchiveTables } from './schema/archive.ts';
import type { InspectTables } from './schema/inspect.ts';
import type { TestsTables } from './schema/tests.ts';
import type { HoursTables } from './schema/hours.ts';
import type { StudyTables } from './schema/study.ts';
import type { EvaluationTables } from './schema/evaluation.ts';
import type { CareTables } from './schema/care.ts';
import type { PointsTables } from './schema/points.ts';
import type { StarsTables } from './schema/stars.ts';
import type { RectificationTables } from './schema/rectification.ts';
import type { NoticesTables } from './schema/notices.ts';
import type { SummaryTables } from './schema/summary.ts';

export type { SettingsTable, OrgUnitsTable, OrgRolesTable, MembersTable, FoundationTables } from './schema/foundation.ts';
export type { AuditLogTable, AuditHeadTable, AuditTables } from './schema/audit.ts';
export type { ActivitiesTable, ActivityAttendanceTable, AttachmentsTable, ActivitiesTables } from './schema/activities.ts';
export type { DuesAssessmentsTable, DuesPaymentsTable, DuesRemittancesTable, DuesExpensesTable, DuesPublicationsTable, DuesTables } from './schema/dues.ts';
export type { TransfersTable, TransfersTables } from './schema/transfers.ts';
export type { DevelopmentFilesTable, DevelopmentStepsTable, DevelopmentTables } from './schema/development.ts';
export type { ArchiveCategoriesTable, ArchiveItemsTable, ArchiveTables } from './schema/archive.ts';
export type { InspectionItemsTable, InspectTables } from './schema/inspect.ts';
export type { PoliticalTestsTable, PoliticalTestResultsTable, PoliticalTestDrawsTable, TestsTables } from './schema/tests.ts';
export type { StudyTrainingsTable, StudyOnlineImportsTable, StudyOnlineHoursTable, HoursTables } from './schema/hours.ts';
export type { StarEntriesTable, StarReviewsTable, StarsTables } from './schema/stars.ts';
export type { StudyPlanTopicsTable, StudyGroupMembersTable, StudyTables } from './schema/study.ts';
export type { CareVisitsTable, DisposalCasesTable, DisposalStepsTable, CareTables } from './schema/care.ts';
export type { EvaluationsTable, EvaluationRatingsTable, EvaluationTables } from './schema/evaluation.ts';
export type { PointsEntriesTable, PointsExclusionsTable, PointsTables } from './schema/points.ts';
export type { RectPlansTable, RectItemsTable, RectProgressTable, RectEvidenceTable, RulesDocsTable, RectificationTables } from './schema/rectification.ts';
export type { ThemeDayPlansTable, MonthlyNoticesTable, NoticeNumbersTable, NoticesTables } from './schema/notices.ts';
export type { SummaryDraftsTable, SummaryVersionsTable, SummaryTables } from './schema/summary.ts';

export interface DB extends FoundationTables, AuditTables, ActivitiesTables, DuesTables, TransfersTables, DevelopmentTables, ArchiveTables, InspectTables, TestsTables, StudyTables, HoursTables, EvaluationTables, CareTables, PointsTables, StarsTables, RectificationTables, NoticesTables, SummaryTables {}
