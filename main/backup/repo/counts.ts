import type { BackupCounts } from '../../../preload/contract/backups';
import type { Db } from '../../store/database';

/**
 * Read-only counts for a backup's manifest, run on the copy (and on a restored file): one
 * number per module's register table. These are the only queries here on other modules'
 * tables, and they only count.
 */
export function countRecords(db: Db): BackupCounts {
  // A backup from before a module existed (say, before attachments) counts 0 for it.
  const tables = new Set(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]);
  const n = (sql: string) => {
    const table = /FROM (\w+)/.exec(sql)![1];
    return tables.has(table) ? ((db.prepare(sql).pluck().get() as number | null) ?? 0) : 0;
  };
  return {
    incidents: n('SELECT count(*) FROM incidents'),
    notices: n('SELECT count(*) FROM notices'),
    transfers: n('SELECT count(*) FROM transfers'),
    inbox: n('SELECT count(*) FROM inbox_requests'),
    attachments: n(`SELECT count(*) FROM attachments WHERE state = 'stored'`),
    attachmentBytes: n(`SELECT coalesce(sum(size), 0) FROM attachments WHERE state = 'stored'`),
    auditEntries: n('SELECT count(*) FROM audit_log'),
  };
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}
