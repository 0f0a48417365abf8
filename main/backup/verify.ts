import type { BackupCounts } from '../../preload/contract/backups';
import { anchorSignatureOk, compareWithAnchor } from '../audit/anchor';
import { anchorKeyFrom, chainKeyFrom } from '../audit/keys';
import type { AuditAnchor } from '../audit/model';
import { AuditRepo } from '../audit/repo';
import { ChainVerifier } from '../audit/rules';
import { AppError, problem } from '../shared/errors';
import { openDatabase } from '../store/database';
import { runCopyWorker, type CheckResult, type WorkerRun } from './repo/copy-worker';
import { countRecords, schemaVersion } from './repo/counts';

export interface VerifiedCopy {
  counts: BackupCounts;
  auditHead: string | null;
  auditEntries: number;
  schemaVersion: number;
}


/**
 * Everything a copy must pass before it is trusted: SQLite's integrity check and the cipher's
 * page authentication (on the worker), then the audit chain walked entry by entry (here, a
 * page at a time between awaits, so the app keeps answering), then its counts.
 */
export async function verifyDatabaseFile(
  path: string,
  dbKey: Buffer,
  opts: {
    nativeBinding?: string;
    signal?: AbortSignal;
    onWorker?(run: WorkerRun): void;
    checked?: CheckResult;
    /** The anchor the backup carries: the copy's chain must hold the anchored head. */
    anchor?: AuditAnchor | null;
  } = {},
): Promise<VerifiedCopy> {
  let check = opts.checked;
  if (!check) {
    const run = runCopyWorker({ path, key: dbKey, nativeBinding: opts.nativeBinding });
    opts.onWorker?.(run);
    check = await run.done;
  }
  if (check.problems.length) throw new AppError('BACKUP_INVALID', `The copy failed SQLite's integrity check: ${check.problems.slice(0, 3).join('; ')}.`);
  const db = openDatabase(path, { key: dbKey, readonly: true, nativeBinding: opts.nativeBinding });
  const hmacKey = chainKeyFrom(dbKey);
  try {
    const verifier = new ChainVerifier(hmacKey);
    let n = 0;
    for (const row of new AuditRepo(db).iterateAll(5_000)) {
      if (!verifier.push(row)) break;
      if (++n % 5_000 === 0) {
        await new Promise((r) => setImmediate(r));
        if (opts.signal?.aborted) throw new AppError('CONFLICT', problem('cancelled'));
      }
    }
    const chain = verifier.result();
    if (!chain.ok) {
      throw new AppError('BACKUP_INVALID', `The copy's audit chain does not verify (first broken link at entry ${chain.firstBroken!.seq}: ${chain.firstBroken!.reason}).`);
    }
    if (opts.anchor) checkAnchorHeld(opts.anchor, dbKey, new AuditRepo(db));
    return { counts: countRecords(db), auditHead: chain.head, auditEntries: chain.entries, schemaVersion: schemaVersion(db) };
  } finally {
    db.close();
    hmacKey.fill(0);
  }
}

/** A copy whose chain lost or rewrote the entries its anchor vouches for is not restored. */
function checkAnchorHeld(anchor: AuditAnchor, dbKey: Buffer, repo: AuditRepo): void {
  const key = anchorKeyFrom(dbKey);
  try {
    if (!anchorSignatureOk(key, anchor)) {
      throw new AppError('BACKUP_INVALID', 'The audit anchor inside this backup is not signed by its vault.');
    }
  } finally {
    key.fill(0);
  }
  const c = compareWithAnchor(anchor, repo.last(), (seq) => repo.hashAt(seq));
  if (c.status === 'missingAfter') {
    throw new AppError('BACKUP_INVALID', `The backup's audit log ends at entry ${c.lastSeq}, but its anchor vouches for entries up to ${anchor.seq}: entries are missing.`);
  }
  if (c.status !== 'matches') {
    throw new AppError('BACKUP_INVALID', `The backup's audit log differs from its anchor at entry ${anchor.seq}: the log was rewritten.`);
  }
}
