import { randomBytes } from 'node:crypto';
import { createApi, type ApiCall } from '../main/api';
import { AuditRepo } from '../main/audit/repo';
import { AuditService } from '../main/audit/service';
import { FileAccess } from '../main/files/access';
import { JobRegistry } from '../main/jobs/registry';
import type { Session } from '../main/shared/session';
import type { Db } from '../main/store/database';
import type { VaultManager } from '../main/vault/service';

/**
 * The whole app (every channel, its services and repositories) over an already open database,
 * as an unlocked vault gives it, for the plain copy: the workload that runs on the vault runs
 * here unchanged, minus the cipher. Its audit entries are keyed with a throwaway key.
 */
export function apiOver(db: Db, now: () => Date): ApiCall {
  const actorStmt = db.prepare<[], { name: string | null }>(`SELECT json_extract(value, '$.profile.dpoName') AS name FROM settings WHERE key = 'settings'`);
  const actor = () => actorStmt.get()?.name || 'DPO';
  const files = new FileAccess();
  const session: Session = {
    db,
    audit: new AuditService(new AuditRepo(db), randomBytes(32), now, actor),
    now,
    actor,
    tx: (fn) => db.transaction(fn).immediate(),
    files,
    jobs: new JobRegistry(now),
  };
  const vault = { session: () => session, touch: () => {}, files } as unknown as VaultManager;
  return createApi(vault, { logError: () => {} });
}
