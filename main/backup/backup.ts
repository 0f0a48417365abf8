import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { BackupResult } from '../../preload/contract/backups';
import type { JobInfo } from '../../preload/contract/jobs';
import type { AuditService } from '../audit/service';
import { appInfo } from '../shared/app-info';
import { AppError, diskFullOr, problem } from '../shared/errors';
import type { Session } from '../shared/session';
import { fsyncDir } from '../store/files';
import type { VaultManager } from '../vault/service';
import { readContainer, writeContainer } from './container';
import { runCopyWorker, type WorkerRun } from './repo/copy-worker';
import { formatEntry, openManifest, sealManifest, type Manifest } from './manifest';
import { ENTRY } from './model';
import { verifyDatabaseFile } from './verify';

export interface BackupTarget {
  /** The final path (a grant's, or a name inside the automatic folder). */
  path: string;
  automatic: boolean;
  /** After the rename and the audit entry (rotation of the automatic folder). */
  afterWrite?(session: Session, result: BackupResult): void;
  /** A failed run (not a cancelled one), e.g. to record it for the board. */
  onFailure?(session: Session, error: AppError | Error): void;
}

async function sha256OfFile(path: string, signal?: AbortSignal): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    if (signal?.aborted) throw new AppError('CONFLICT', problem('cancelled'));
    hash.update(chunk);
    size += chunk.length;
  }
  return { size, sha256: hash.digest('hex') };
}

/**
 * One backup as a session job: copy (worker) → verify the copy (integrity, cipher, audit chain,
 * counts) → stage the parts → write the container under a temporary name and fsync → read it
 * back and compare every part with the manifest → rename to the final name → audit entry.
 * Lock cancels it at any step and its discard leaves no file with the final name (and removes
 * the staging folder and the temporary file). A failed verification deletes the file and the
 * job's error says why.
 */
export function startBackup(vault: VaultManager, session: Session, target: BackupTarget): JobInfo {
  const id = randomBytes(4).toString('hex');
  const staging = join(vault.paths.dir, `.backup-staging-${id}`);
  const temp = `${target.path}.partial-${id}`;
  let worker: WorkerRun | null = null;
  const cleanUp = () => {
    worker?.stop();
    rmSync(staging, { recursive: true, force: true });
    rmSync(temp, { force: true });
  };
  return session.jobs.start<BackupResult>({
    kind: target.automatic ? 'backups.auto' : 'vault.backup',
    subject: basename(target.path),
    discard: cleanUp,
    run: async (ctx) => {
      const dbKey = Buffer.from(vault.databaseKey());
      try {
        mkdirSync(staging, { mode: 0o700 });
        const createdAt = session.now().toISOString();
        // Taken before the copy starts, so the copy's chain (a snapshot from a moment later)
        // always holds the anchored head; a restore checks that it does.
        const anchor = (session.audit as AuditService).currentAnchor();
        const stagedDb = join(staging, ENTRY.db);
        const wal = `${vault.paths.db}-wal`;
        const estimate = statSync(vault.paths.db).size + (existsSync(wal) ? statSync(wal).size : 0);
        // Progress: copy (the staged file growing), verify, pack, read back: four passes.
        const total = Math.max(1, estimate) * 4;
        const poll = setInterval(() => {
          if (existsSync(stagedDb)) ctx.progress(Math.min(estimate, statSync(stagedDb).size), total);
        }, 200);
        let checked;
        try {
          worker = runCopyWorker({ copyFrom: vault.paths.db, path: stagedDb, key: dbKey, nativeBinding: vault.nativeBinding });
          checked = await worker.done;
        } finally {
          clearInterval(poll);
          worker = null;
        }
        if (ctx.signal.aborted) return cancelled();
        const dbBytes = statSync(stagedDb).size;
        ctx.progress(dbBytes, dbBytes * 4);
        const verified = await verifyDatabaseFile(stagedDb, dbKey, { nativeBinding: vault.nativeBinding, signal: ctx.signal, checked });
        const dbPart = await sha256OfFile(stagedDb, ctx.signal);
        ctx.progress(dbBytes * 2, dbBytes * 4);

        const keyBytes = readFileSync(vault.paths.keyFile);
        const manifest: Manifest = {
          format: 'dpo-backup-manifest',
          version: 1,
          createdAt,
          app: appInfo(),
          schemaVersion: verified.schemaVersion,
          counts: verified.counts,
          auditHead: verified.auditHead,
          anchor,
          parts: { 'vault.db': dbPart, 'vault.key': { size: keyBytes.length, sha256: createHash('sha256').update(keyBytes).digest('hex') } },
        };
        writeFileSync(join(staging, ENTRY.format), formatEntry(), { mode: 0o600 });
        writeFileSync(join(staging, ENTRY.manifest), sealManifest(manifest, dbKey), { mode: 0o600 });
        writeFileSync(join(staging, ENTRY.key), keyBytes, { mode: 0o600 });

        const written = await writeContainer(staging, temp, dbBytes * 4, {
          signal: ctx.signal,
          onBytes: (n) => ctx.progress(dbBytes * 2 + Math.min(n, dbBytes), dbBytes * 4),
        });
        // Unlinking a gigabyte file can take a while: off the event loop.
        await rm(staging, { recursive: true, force: true });
        if (ctx.signal.aborted) return cancelled();

        // Read the written file back: every part must be the one the manifest names.
        const back = await readContainer(temp, {
          hashDb: true,
          signal: ctx.signal,
          onBytes: (n) => ctx.progress(dbBytes * 3 + Math.min(n, dbBytes), dbBytes * 4),
        });
        const sealed = openManifest(back.manifest, dbKey);
        const keyHash = createHash('sha256').update(back.key).digest('hex');
        if (back.file?.sha256 !== written.sha256) throw verifyFailed('the file read back is not the file written');
        if (back.db?.sha256 !== manifest.parts['vault.db'].sha256) throw verifyFailed('the database inside differs from the verified copy');
        if (keyHash !== manifest.parts['vault.key'].sha256) throw verifyFailed('the key file inside differs from the vault’s');
        if (JSON.stringify(sealed) !== JSON.stringify(manifest)) throw verifyFailed('the manifest inside differs from the one written');

        if (ctx.signal.aborted) return cancelled();
        const verifiedAt = session.now().toISOString();
        const result: BackupResult = {
          name: basename(target.path),
          path: target.path,
          size: written.size,
          sha256: written.sha256,
          auditHead: manifest.auditHead,
          createdAt,
          verifiedAt,
          counts: manifest.counts,
        };
        // Rename and audit entry in one synchronous step: a lock cannot come between them.
        if (existsSync(target.path)) throw new AppError('CONFLICT', problem('backupTargetAppeared', { path: target.path }));
        renameSync(temp, target.path);
        fsyncDir(dirname(target.path));
        session.tx(() =>
          session.audit.append({
            action: 'vault.backup',
            entity: 'backup',
            entityId: result.name,
            summary: `Verified backup written to ${result.path} (${result.size} bytes)`,
            details: { ...result, automatic: target.automatic },
          }),
        );
        target.afterWrite?.(session, result);
        return result;
      } catch (error) {
        cleanUp();
        const reported = diskFullOr(error);
        if (!ctx.signal.aborted) {
          try {
            target.onFailure?.(session, reported as Error);
          } catch {
            // Recording the failure must not hide it.
          }
        }
        throw reported;
      } finally {
        dbKey.fill(0);
      }
    },
  });
}

const cancelled = () => null as unknown as BackupResult;

const verifyFailed = (why: string) =>
  new AppError('BACKUP_INVALID', `The backup failed its verification and was deleted: ${why}. Nothing in the vault changed; try again.`);
