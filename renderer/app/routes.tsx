import type { ComponentType } from 'react';
import { AuditPage } from '../features/audit/AuditPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { InboxPage } from '../features/inbox/InboxPage';
import { IncidentsPage } from '../features/incidents/IncidentsPage';
import { OverviewPage } from '../features/overview/OverviewPage';
import { NoticesPage } from '../features/notices/NoticesPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { TransfersPage } from '../features/transfers/TransfersPage';
import type { PageName } from './store';

/** Each page gets the open record's id (from #/page/id), if any. */
export const routes: Record<PageName, ComponentType<{ id?: string }>> = {
  dashboard: DashboardPage,
  incidents: IncidentsPage,
  notices: NoticesPage,
  transfers: TransfersPage,
  inbox: InboxPage,
  audit: AuditPage,
  settings: SettingsPage,
  overview: OverviewPage,
};

/** Navigation order; the number is the Alt+N shortcut. */
export const navOrder: PageName[] = ['dashboard', 'incidents', 'notices', 'transfers', 'inbox', 'audit', 'settings', 'overview'];
