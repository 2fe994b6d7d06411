/**
 * The ordered list of migrations, imported statically so that the same list
 * serves tsx, vitest, vite and the packaged app. Add a new file and one line
 * here; never edit or remove a landed migration.
 */
import type { Migration } from 'kysely';
import * as m0001 from './2026-11-28T00-00-00_foundation.ts';
import * as mActivities from './2026-11-28T01-00-00_activities.ts';
import * as mDues from './2026-11-28T02-00-00_dues.ts';
import * as mDevelopment from './2026-11-28T03-00-00_development.ts';
import * as mTransfers from './2026-11-28T04-00-00_transfers.ts';
import * as mAuditChain from './2026-12-01T01-00-00_audit_chain.ts';
import * as mDuesPayKind from './2026-12-02T05-00-00_dues_pay_kind.ts';
import * as mArchive from './2026-12-02T10-00-00_archive.ts';
import * as mInspection from './2026-12-02T12-00-00_inspection.ts';
import * as mHomeIndexes from './2026-12-02T13-00-00_home_indexes.ts';
import * as mStatsIndexes from './2026-12-02T14-00-00_stats_indexes.ts';
import * as mTests from './2026-12-02T16-00-00_tests.ts';
import * as mStudy from './2026-12-03T10-00-00_study.ts';
import * as mStudyHours from './2026-12-03T11-00-00_study_hours.ts';
import * as mEvaluation from './2026-12-03T20-00-00_evaluation.ts';
import * as mCare from './2026-12-03T20-10-00_care.ts';
import * as mStars from './2026-12-03T20-20-00_stars.ts';
import * as mPoints from './2026-12-03T20-30-00_points.ts';
import * as mRectification from './2026-12-03T20-40-00_rectification.ts';
import * as mPointsIndexes from './2026-12-04T00-30-00_points_indexes.ts';
import * as mNotices from './2026-12-04T01-00-00_notices.ts';
import * as mSummary from './2026-12-04T02-00-00_summary.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-28T00-00-00_foundation': m0001,
  '2026-11-28T01-00-00_activities': mActivities,
  '2026-11-28T02-00-00_dues': mDues,
  '2026-11-28T03-00-00_development': mDevelopment,
  '2026-11-28T04-00-00_transfers': mTransfers,
  '2026-12-01T01-00-00_audit_chain': mAuditChain,
  '2026-12-02T05-00-00_dues_pay_kind': mDuesPayKind,
  '2026-12-02T10-00-00_archive': mArchive,
  '2026-12-02T12-00-00_inspection': mInspection,
  '2026-12-02T13-00-00_home_indexes': mHomeIndexes,
  '2026-12-02T14-00-00_stats_indexes': mStatsIndexes,
  '2026-12-02T16-00-00_tests': mTests,
  '2026-12-03T10-00-00_study': mStudy,
  '2026-12-03T11-00-00_study_hours': mStudyHours,
  '2026-12-03T20-00-00_evaluation': mEvaluation,
  '2026-12-03T20-10-00_care': mCare,
  '2026-12-03T20-20-00_stars': mStars,
  '2026-12-03T20-30-00_points': mPoints,
  '2026-12-03T20-40-00_rectification': mRectification,
  '2026-12-04T00-30-00_points_indexes': mPointsIndexes,
  '2026-12-04T01-00-00_notices': mNotices,
  '2026-12-04T02-00-00_summary': mSummary,
};
