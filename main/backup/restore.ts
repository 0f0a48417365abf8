import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupPreview } from '../../preload/contract/backups';
import type { JobInfo } from '../../preload/contract/jobs';
import { signAnchor, writeAnchorFile } from '../audit/anchor';
import { anchorKeyFrom } from '../audit/keys';
import { AppError, diskFullOr, problem } from '../shared/errors';
import { ensurePrivateDir, fsyncDir, writeFileAtomic } from '../store/files';
import { KeyFileProblem, normaliseRecoveryCode, parseKeyFile, unwrapKey } from '../store/keyfile';
import { latestVersion } from '../store/migrate';
import type { VaultManager } from '../vault/service';
import { readContainer } from './container';
import { checkFormatEntry, openManifest, type Manifest } from './manifest';
import { verifyDatabaseFile } from './verify';

/** A backup the DPO has opened with its secret and looked at; restore needs one (and a confirmation). */
interface Inspection {
  id: string;
  path: string;
  name: string;
  size: number;
  dbKey: Buffer;
  byRecoveryCode: boolean;
  keyFileText: string;
  manifest: Manifest;
  expiresAt: number;
}

/** A preview stays usable this long; then the backup must be opened again. */
const INSPECTION_TTL_MS = 15 * 60_000;
const inspections = new WeakMap<VaultManager, Map<string, Inspection>>();

function store(vault: VaultManager): Map<string, Inspection> {
  let map = inspections.get(vault);
  if (!map) inspections.set(vault, (map = new Map()));
  for (const [id, i] of map) {
    if (i.expiresAt < Date.now()) {
      i.dbKey.fill(0);
      map.delete(id);
    }
  }
  return map;
}

/** Opens a backup with its own passphrase or recovery code and says what it holds; changes nothing. */
export async function inspectBackup(vault: VaultManager, input: { grantId: string; passphrase?: string; recoveryCode?: string }): Promise<BackupPreview> {
  const file = vault.files.resolve(input.grantId, { purpose: 'backup', modes: ['open'], field: 'grantId' });
  const contents = await readContainer(file.path);
  checkFormatEntry(contents.format);
  const keyFileText = contents.key.toString('utf8');
  let keyFile;
  try {
    keyFile = parseKeyFile(keyFileText);
  } catch (error) {
    if (error instanceof KeyFileProblem) throw new AppError('BACKUP_INVALID', `The key file inside this backup cannot be used: ${error.message}.`);
    throw error;
  }
  const byRecoveryCode = input.recoveryCode !== undefined;
  const dbKey = byRecoveryCode
    ? await unwrapKey(keyFile.byRecoveryCode, normaliseRecoveryCode(input.recoveryCode ?? ''))
    : await unwrapKey(keyFile.byPassphrase, input.passphrase ?? '');
  if (!dbKey) {
    throw new AppError('WRONG_PASSPHRASE', byRecoveryCode ? 'That recovery code does not open this backup.' : 'That passphrase does not open this backup (it is the passphrase the vault had when the backup was made).', {
      [byRecoveryCode ? 'recoveryCode' : 'passphrase']: problem('doesNotOpenBackup'),
    });
  }
  const manifest = openManifest(contents.manifest, dbKey);
  if (createHash('sha256').update(contents.key).digest('hex') !== manifest.parts['vault.key'].sha256) {
    dbKey.fill(0);
    throw new AppError('BACKUP_INVALID', 'The key file inside this backup is not the one its manifest names.');
  }
  const newer = manifest.schemaVersion > latestVersion();
  const id = randomBytes(16).toString('hex');
  const map = store(vault);
  for (const old of map.values()) old.dbKey.fill(0);
  map.clear();
  map.set(id, { id, path: file.path, name: file.name, size: file.size ?? 0, dbKey, byRecoveryCode, keyFileText, manifest, expiresAt: Date.now() + INSPECTION_TTL_MS });
  return {
    inspectionId: id,
    file: { name: file.name, size: file.size ?? 0 },
    createdAt: manifest.createdAt,
    app: manifest.app,
    schemaVersion: manifest.schemaVersion,
    counts: manifest.counts,
    auditHead: manifest.auditHead,
    restorable: !newer,
    problem: newer
      ? `This backup was made by a newer version of DPO Workstation (app ${manifest.app.version}, schema ${manifest.schemaVersion}; this app knows up to ${latestVersion()}). Install the newer version to restore it.`
      : null,
    replacesVault: vault.status() !== 'none' || existsSync(vault.paths.db),
  };
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');

/**
 * Replaces the vault by an inspected backup, after the DPO confirmed: the open vault is locked
 * first; the database is extracted and verified in full (integrity, cipher, audit chain, the
 * manifest's counts and head) before anything is moved; the current files are kept as
 * vault.before-restore-<time>/ beside; an older schema is migrated as at unlock, a newer one
 * refused; the restored vault's first new audit entry names the backup and its SHA-256.
 */
export function startRestore(vault: VaultManager, inspectionId: string): JobInfo {
  const map = store(vault);
  const inspection = map.get(inspectionId);
  if (!inspection) throw new AppError('NOT_FOUND', 'Open the backup again (with its passphrase or recovery code) and look at it before restoring.');
  if (inspection.manifest.schemaVersion > latestVersion()) {
    throw new AppError('BACKUP_NEWER', `This backup was made by a newer version of DPO Workstation (schema ${inspection.manifest.schemaVersion}); install it to restore this backup.`);
  }
  map.delete(inspectionId);
  // Locked before the job starts: a lock cancels every running job, the restore included.
  if (vault.status() === 'unlocked') vault.lock('restore');
  const paths = vault.paths;
  const id = randomBytes(4).toString('hex');
  const extracted = join(paths.dir, `.restore-${id}.db`);
  return vault.jobs.start<BackupPreview | null>({
    kind: 'vault.restore',
    subject: inspection.name,
    discard: () => rmSync(extracted, { force: true }),
    run: (ctx) =>
      vault.exclusive(async () => {
        const { manifest, dbKey } = inspection;
        try {
          if (vault.status() === 'unlocked') throw new AppError('CONFLICT', problem('unlockedWhileWaiting'));
          ensurePrivateDir(paths.dir);
          const total = inspection.size * 3;
          const contents = await readContainer(inspection.path, { extractDbTo: extracted, signal: ctx.signal, onBytes: (n) => ctx.progress(n, total) });
          if (contents.db?.sha256 !== manifest.parts['vault.db'].sha256 || contents.db.size !== manifest.parts['vault.db'].size) {
            throw new AppError('BACKUP_INVALID', 'The database inside this backup is not the one its manifest names (the file is damaged).');
          }
          if (createHash('sha256').update(contents.key).digest('hex') !== manifest.parts['vault.key'].sha256) {
            throw new AppError('BACKUP_INVALID', 'The key file inside this backup is not the one its manifest names.');
          }
          ctx.progress(inspection.size, total);
          const verified = await verifyDatabaseFile(extracted, dbKey, { nativeBinding: vault.nativeBinding, signal: ctx.signal, anchor: manifest.anchor ?? null });
          if (verified.auditHead !== manifest.auditHead || JSON.stringify(verified.counts) !== JSON.stringify(manifest.counts)) {
            throw new AppError('BACKUP_INVALID', 'The database inside this backup does not match its manifest (counts or audit head differ).');
          }
          if (ctx.signal.aborted) return null;
          ctx.progress(inspection.size * 2, total);

          // Swap: keep what is there now, then put the backup's files in place.
          const keptName = `vault.before-restore-${stamp(vault.clock())}`;
          const kept = join(paths.dir, keptName);
          // The audit anchor beside the key file belongs to the vault it anchors: it is kept with it.
          const present = [paths.db, `${paths.db}-wal`, `${paths.db}-shm`, paths.keyFile, paths.anchorFile].filter((f) => existsSync(f));
          if (present.length) {
            mkdirSync(kept, { mode: 0o700 });
            for (const f of present) renameSync(f, join(kept, f.slice(paths.dir.length + 1)));
          }
          const putBack = () => {
            for (const f of [paths.db, `${paths.db}-wal`, `${paths.db}-shm`, paths.keyFile, paths.anchorFile]) rmSync(f, { force: true });
            for (const f of present) renameSync(join(kept, f.slice(paths.dir.length + 1)), f);
            if (present.length) rmSync(kept, { recursive: true, force: true });
          };
          try {
            renameSync(extracted, paths.db);
            writeFileAtomic(paths.keyFile, inspection.keyFileText);
            // The restored vault is anchored at the head the backup verified to, so the next
            // unlock checks its log against it instead of trusting whatever chain it finds.
            if (verified.auditHead) {
              const anchorKey = anchorKeyFrom(dbKey);
              try {
                writeAnchorFile(paths.anchorFile, signAnchor(anchorKey, { seq: verified.auditEntries, hash: verified.auditHead, at: vault.clock().toISOString() }));
              } finally {
                anchorKey.fill(0);
              }
            }
            fsyncDir(paths.dir);
            vault.adoptRestored(Buffer.from(dbKey), inspection.byRecoveryCode, (session) =>
              session.audit.append({
                action: 'vault.restore',
                // Filed under backups: the restored file is this vault's last verified backup.
                entity: 'backup',
                entityId: inspection.name,
                summary: `Vault restored from the backup ${inspection.name} of ${manifest.createdAt}`,
                details: {
                  backup: { name: inspection.name, path: inspection.path, size: contents.file?.size ?? inspection.size, sha256: contents.file?.sha256 ?? null },
                  createdAt: manifest.createdAt,
                  app: manifest.app,
                  schemaVersion: manifest.schemaVersion,
                  auditHead: manifest.auditHead,
                  counts: manifest.counts,
                  keptAs: present.length ? keptName : null,
                },
              }),
            );
          } catch (error) {
            putBack();
            throw error;
          }
          ctx.progress(total, total);
          return {
            inspectionId,
            file: { name: inspection.name, size: inspection.size },
            createdAt: manifest.createdAt,
            app: manifest.app,
            schemaVersion: manifest.schemaVersion,
            counts: manifest.counts,
            auditHead: manifest.auditHead,
            restorable: true,
            problem: null,
            replacesVault: present.length > 0,
          };
        } catch (error) {
          rmSync(extracted, { force: true });
          throw diskFullOr(error);
        } finally {
          dbKey.fill(0);
        }
      }),
  });
}
