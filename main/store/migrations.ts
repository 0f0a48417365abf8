import { auditExportMigrations } from '../audit/migrations';
import { attachmentsMigrations } from '../attachments/migrations';
import { calendarMigrations } from '../calendar/migrations';
import { deadlinesMigrations } from '../deadlines/migrations';
import { inboxMigrations } from '../inbox/migrations';
import { incidentsMigrations } from '../incidents/migrations';
import { noticesMigrations } from '../notices/migrations';
import { rulesMigrations } from '../rules/migrations';
import { governanceMigrations } from '../governance/migrations';
import { recordsMigrations } from '../records/migrations';
import { transfersMigrations } from '../transfers/migrations';
import { deadlinesOverviewMigrations } from '../deadlines/overview-migrations';
import { inboxOverviewMigrations } from '../inbox/overview-migrations';
import { incidentsOverviewMigrations } from '../incidents/overview-migrations';
import { assessmentMigrations } from '../incidents/assessment/migrations';
import { transfersOverviewMigrations } from '../transfers/overview-migrations';
import { foundationMigrations } from './foundation-migrations';
import type { Migration } from './migration';

export const allMigrations: Migration[] = [
  ...foundationMigrations,
  ...calendarMigrations,
  ...deadlinesMigrations,
  ...incidentsMigrations,
  ...noticesMigrations,
  ...transfersMigrations,
  ...inboxMigrations,
  ...auditExportMigrations,
  ...rulesMigrations,
  ...governanceMigrations,
  ...recordsMigrations,
  ...attachmentsMigrations,
  // Issue 17: the overview's maintained counts (one per module's range) and the assessment drafts.
  ...deadlinesOverviewMigrations,
  ...incidentsOverviewMigrations,
  ...assessmentMigrations,
  ...transfersOverviewMigrations,
  ...inboxOverviewMigrations,
].sort((a, b) => a.version - b.version);
