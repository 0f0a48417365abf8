import type { ComponentType } from 'react';
import { BackupStatusPanel } from '../features/backup/BackupStatusPanel';
import { ThresholdPanel } from '../features/transfers/ThresholdPanel';

/**
 * Panels other modules show at the top of the dashboard (e.g. a transfer threshold warning).
 * A module adds its component here; the dashboard renders them in order.
 */
export const dashboardPanels: { key: string; Panel: ComponentType }[] = [
  { key: 'backup.status', Panel: BackupStatusPanel },
  { key: 'transfers.threshold', Panel: ThresholdPanel },
];
