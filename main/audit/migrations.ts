import type { Migration } from '../store/migration';

// Exports and the audit anchor: versions 700–799.
export const auditExportMigrations: Migration[] = [
  {
    version: 700,
    name: 'audit log by time, for date-range exports',
    up(db) {
      // audit.export takes a time range; without this a range over a long log scans every entry.
      db.exec('CREATE INDEX audit_log_at ON audit_log(at, seq)');
    },
  },
];
