import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { OrganisationProfileInput as OrganisationProfile } from '../../preload/contract/settings';
import type { VaultUnlock } from '../../preload/contract/vault';
import { AuditRepo } from '../audit/repo';
import { AnchorKeeper } from '../audit/anchor-keeper';
import { anchorKeyFrom, chainKeyFrom } from '../audit/keys';
import { AuditService } from '../audit/service';
import { initSettings } from '../settings/service';
import { FileAccess } from '../files/access';
import { JobRegistry } from '../jobs/registry';
import { AppError, conflict, problem } from '../shared/errors';
import type { Session } from '../shared/session';
import { openDatabase, type Db } from '../store/database';
import { ensurePrivateDir, ensurePrivateFiles, vaultPaths, writeFileAtomic, type VaultPaths } from '../store/files';
import {
  DEFAULT_KDF,
  KeyFileProblem,
  newRecoveryCode,
  normaliseRecoveryCode,
  unwrapKey,
  wrapKey,
  type KdfParams,
  type KeyFile,
} from '../store/keyfile';
import { migrate } from '../store/migrate';
import { purgeUnfinishedUploads } from '../attachments/uploads';
import { FailedUnlockStore, type FailedUnlocks } from './attempts';
import { unlockWaitMs } from './rules';
import { classifyOpenError, precheckDatabase, readDbSalt, readKeyFile } from './vault-files';

export type LockReason = 'user' | 'idle' | 'menu' | 'restore';

/** What a successful unlock tells the DPO once. */
export interface UnlockResult {
  /** Failed attempts since the previous unlock (times only), or null. */
  failedUnlocks: FailedUnlocks | null;
  /** Opened with the recovery code: a new passphrase must be chosen before anything else. */
  recoveryPending: boolean;
}

/** How long the last unlock took: the key (scrypt) apart from everything after it (bench, diagnostics). */
export interface UnlockTimings {
  keyMs: number;
  afterKeyMs: number;
}

export interface VaultOptions {
  dataDir: string;
  kdf?: KdfParams;
  nativeBinding?: string;
  now?: () => Date;
  /** The host's file access (native dialog in Electron, granted folders under HTTP). */
  files?: FileAccess;
}

interface OpenVault {
  db: Db;
  dbKey: Buffer;
  hmacKey: Buffer;
  anchorKey: Buffer;
  audit: AuditService;
  session: Session;
  /** Unlocked with the recovery code and no new passphrase chosen yet. */
  recoveryPending: boolean;
}

/**
 * The vault's lifecycle: none → (create) → unlocked ⇄ locked. Holds the only open handle and
 * the only copy of the database key; lock closes one and zeroes the other.
 */
export class VaultManager {
  readonly paths: VaultPaths;
  private readonly kdf: KdfParams;
  private readonly now: () => Date;
  private open: OpenVault | null = null;
  private lastActivity = Date.now();
  private readonly lockListeners = new Set<(reason: LockReason) => void>();
  private readonly unlockListeners = new Set<(session: Session) => void>();
  readonly failures: FailedUnlockStore;
  private busy: Promise<unknown> = Promise.resolve();
  /** Grants outlive no session: they are cleared at every lock. */
  readonly files: FileAccess;
  /** Kept across locks so that after the next unlock the DPO reads "cancelled by lock". */
  readonly jobs: JobRegistry;
  /** Null until an unlock succeeded. */
  lastUnlockTimings: UnlockTimings | null = null;

  constructor(private readonly options: VaultOptions) {
    this.paths = vaultPaths(options.dataDir);
    this.kdf = options.kdf ?? DEFAULT_KDF;
    this.now = options.now ?? (() => new Date());
    this.files = options.files ?? new FileAccess();
    this.jobs = new JobRegistry(() => new Date());
    this.failures = new FailedUnlockStore(options.dataDir);
  }

  get nativeBinding(): string | undefined {
    return this.options.nativeBinding;
  }

  get kdfParams(): KdfParams {
    return this.kdf;
  }

  clock(): Date {
    return this.now();
  }

  recoveryPending(): boolean {
    return this.open?.recoveryPending ?? false;
  }

  status(): 'none' | 'locked' | 'unlocked' {
    if (this.open) return 'unlocked';
    return existsSync(this.paths.keyFile) ? 'locked' : 'none';
  }

  /** The unlocked session for the DPO's channels; LOCKED otherwise, RECOVERY_PENDING until a new passphrase is chosen. */
  session(): Session {
    const session = this.hostSession();
    if (this.open?.recoveryPending) {
      throw new AppError('RECOVERY_PENDING', 'The vault was opened with the recovery code: choose a new passphrase first.');
    }
    return session;
  }

  /** The open session for the hosts' own timers (auto-lock) and jobs, also during recovery. */
  hostSession(): Session {
    if (!this.open) throw new AppError('LOCKED', 'The vault is locked. Unlock it to continue.');
    return this.open.session;
  }

  /** The open database key, for a backup copy made by a worker (never leaves main). */
  databaseKey(): Buffer {
    if (!this.open) throw new AppError('LOCKED', 'The vault is locked. Unlock it to continue.');
    return this.open.dbKey;
  }

  /** Runs after every unlock (and restore), e.g. to start a due automatic backup. */
  onUnlock(listener: (session: Session) => void): () => void {
    this.unlockListeners.add(listener);
    return () => this.unlockListeners.delete(listener);
  }

  touch(): void {
    this.lastActivity = Date.now();
  }

  idleMs(at = Date.now()): number {
    return at - this.lastActivity;
  }

  onLock(listener: (reason: LockReason) => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  async create(passphrase: string, profile: OrganisationProfile): Promise<{ recoveryCode: string }> {
    return this.exclusive(async () => {
      if (existsSync(this.paths.keyFile)) throw conflict(problem('vaultExists'));
      if (existsSync(this.paths.db)) {
        throw conflict(problem('orphanDatabase'));
      }
      ensurePrivateDir(this.paths.dir);
      const dbKey = randomBytes(32);
      const recoveryCode = newRecoveryCode();
      const keyFile: KeyFile = {
        format: 'dpo-vault-key',
        version: 1,
        cipher: 'sqlcipher-v4',
        byPassphrase: await wrapKey(dbKey, passphrase, this.kdf),
        byRecoveryCode: await wrapKey(dbKey, recoveryCode, this.kdf),
      };
      try {
        this.openWith(dbKey, { create: true }, (session) => initSettings(session, profile));
        // The header goes to vault.db now (not only the WAL), so its salt can name this vault.
        this.open!.db.pragma('wal_checkpoint(TRUNCATE)');
        const dbSalt = readDbSalt(this.paths.db);
        writeFileAtomic(this.paths.keyFile, JSON.stringify({ ...keyFile, ...(dbSalt ? { dbSalt } : {}) }, null, 2));
      } catch (error) {
        this.closeHandle();
        for (const f of [this.paths.db, `${this.paths.db}-wal`, `${this.paths.db}-shm`, this.paths.anchorFile]) rmSync(f, { force: true });
        throw error;
      }
      return { recoveryCode };
    });
  }

  async unlock(secret: VaultUnlock): Promise<UnlockResult> {
    return this.exclusive(async () => {
      if (this.open) return { failedUnlocks: null, recoveryPending: this.open.recoveryPending };
      const keyFile = readKeyFile(this.paths);
      const failures = this.failures.read();
      const waitMs = unlockWaitMs(failures, this.now());
      if (waitMs > 0) {
        throw new AppError(
          'TOO_MANY_ATTEMPTS',
          `${failures!.count} failed attempts in a row: wait ${Math.ceil(waitMs / 1000)} s before trying again.`,
        );
      }
      // Before deriving: a missing or foreign database is said as such, whatever the secret.
      precheckDatabase(this.paths, keyFile);
      const byPassphrase = secret.passphrase !== undefined;
      const keyStarted = performance.now();
      const dbKey = await this.unwrapOrThrow(() =>
        byPassphrase
          ? unwrapKey(keyFile.byPassphrase, secret.passphrase ?? '')
          : unwrapKey(keyFile.byRecoveryCode, normaliseRecoveryCode(secret.recoveryCode ?? '')),
      );
      if (!dbKey) {
        const now = this.failures.record(this.now());
        const wait = unlockWaitMs(now, this.now());
        throw new AppError(
          'WRONG_PASSPHRASE',
          `${byPassphrase ? 'That passphrase does not open this vault.' : 'That recovery code does not open this vault.'}${
            wait > 0 ? ` ${now.count} failed attempts: the next try is possible in ${Math.ceil(wait / 1000)} s.` : ''
          }`,
        );
      }
      const keyDone = performance.now();
      this.openWith(dbKey, { create: false }, (session) => {
        session.audit.append({
          action: 'vault.unlock',
          entity: 'vault',
          summary: byPassphrase ? 'Vault unlocked with the passphrase' : 'Vault unlocked with the recovery code',
          details: { by: byPassphrase ? 'passphrase' : 'recoveryCode' },
        });
        if (failures) {
          session.audit.append({
            action: 'vault.failedUnlocks',
            entity: 'vault',
            summary: `${failures.count} failed unlock attempts since the last unlock`,
            details: failures,
          });
        }
      });
      this.failures.clear();
      this.open!.recoveryPending = !byPassphrase;
      if (!keyFile.dbSalt) {
        const dbSalt = readDbSalt(this.paths.db);
        if (dbSalt) writeFileAtomic(this.paths.keyFile, JSON.stringify({ ...keyFile, dbSalt }, null, 2));
      }
      this.afterUnlock();
      this.lastUnlockTimings = { keyMs: keyDone - keyStarted, afterKeyMs: performance.now() - keyDone };
      return { failedUnlocks: failures, recoveryPending: !byPassphrase };
    });
  }

  /**
   * Opens a vault whose files were just put in place (restore) with the key already unwrapped.
   * `afterOpen` runs in the first transaction (the restore's audit entry).
   */
  adoptRestored(dbKey: Buffer, byRecoveryCode: boolean, afterOpen: (session: Session) => void): void {
    if (this.open) throw conflict(problem('lockBeforeRestore'));
    this.openWith(dbKey, { create: false }, afterOpen);
    this.open!.recoveryPending = byRecoveryCode;
    this.failures.clear();
    this.afterUnlock();
  }

  /** After a recovery-code unlock: the new passphrase, and a new recovery code shown once (the old one stops working). */
  async completeRecovery(next: string): Promise<{ recoveryCode: string }> {
    return this.exclusive(async () => {
      const open = this.open;
      if (!open) throw new AppError('LOCKED', 'The vault is locked. Unlock it to continue.');
      if (!open.recoveryPending) throw conflict(problem('notRecoveryOpened'));
      const keyFile = readKeyFile(this.paths);
      const recoveryCode = newRecoveryCode();
      const updated: KeyFile = {
        ...keyFile,
        byPassphrase: await wrapKey(open.dbKey, next, this.kdf),
        byRecoveryCode: await wrapKey(open.dbKey, recoveryCode, this.kdf),
      };
      // Audit first, key file second (as for a passphrase change): a crash between leaves the
      // old passphrase and code working and an entry saying the change was attempted.
      open.session.tx(() =>
        open.session.audit.append({
          action: 'vault.recover',
          entity: 'vault',
          summary: 'New passphrase chosen after a recovery-code unlock; a new recovery code replaced the old one',
          details: { passphrase: 'rewrapped', recoveryCode: 'replaced' },
        }),
      );
      writeFileAtomic(this.paths.keyFile, JSON.stringify(updated, null, 2));
      open.recoveryPending = false;
      return { recoveryCode };
    });
  }

  /** Settings → Create a new recovery code: needs the passphrase; the old code stops working. */
  async newRecoveryCode(passphrase: string): Promise<{ recoveryCode: string }> {
    return this.exclusive(async () => {
      const session = this.session();
      const keyFile = readKeyFile(this.paths);
      const dbKey = await unwrapKey(keyFile.byPassphrase, passphrase);
      if (!dbKey) throw new AppError('WRONG_PASSPHRASE', 'The passphrase is not right.', { passphrase: problem('notCurrentPassphrase') });
      try {
        const recoveryCode = newRecoveryCode();
        const updated: KeyFile = { ...keyFile, byRecoveryCode: await wrapKey(dbKey, recoveryCode, this.kdf) };
        session.tx(() =>
          session.audit.append({
            action: 'vault.newRecoveryCode',
            entity: 'vault',
            summary: 'A new recovery code replaced the old one',
            details: { recoveryCode: 'replaced' },
          }),
        );
        writeFileAtomic(this.paths.keyFile, JSON.stringify(updated, null, 2));
        return { recoveryCode };
      } finally {
        dbKey.fill(0);
      }
    });
  }

  lock(reason: LockReason = 'user'): void {
    if (!this.open) return;
    this.closeHandle();
    for (const listener of this.lockListeners) listener(reason);
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    return this.exclusive(async () => {
      const session = this.session();
      const keyFile = readKeyFile(this.paths);
      const dbKey = await unwrapKey(keyFile.byPassphrase, current);
      if (!dbKey) throw new AppError('WRONG_PASSPHRASE', 'The current passphrase is not right.', { current: problem('notCurrentPassphrase') });
      try {
        const updated: KeyFile = { ...keyFile, byPassphrase: await wrapKey(dbKey, next, this.kdf) };
        // Audit first, key file second: a crash in between leaves the old passphrase working
        // and an entry that says a change was attempted, never a key nobody can open.
        session.tx(() =>
          session.audit.append({ action: 'vault.changePassphrase', entity: 'vault', summary: 'Passphrase changed (database key rewrapped)' }),
        );
        writeFileAtomic(this.paths.keyFile, JSON.stringify(updated, null, 2));
      } finally {
        dbKey.fill(0);
      }
    });
  }

  /** Closes the handle on shutdown without notifying listeners. */
  close(): void {
    this.closeHandle();
  }

  private async unwrapOrThrow(unwrap: () => Promise<Buffer | null>): Promise<Buffer | null> {
    try {
      return await unwrap();
    } catch (error) {
      if (error instanceof KeyFileProblem) {
        throw new AppError('VAULT_KEY_PARAMS', `The key file ${this.paths.keyFile} has parameters this app does not accept (${error.message}); it was not used.`);
      }
      throw error;
    }
  }

  /**
   * What a backup or restore killed mid-way left in the data folder (a staging folder, an
   * extracted database): no such job survives the process, so at unlock they go.
   */
  private removeStaleWork(): void {
    for (const name of readdirSync(this.paths.dir)) {
      if (/^\.backup-staging-[0-9a-f]{8}$/.test(name) || /^\.restore-[0-9a-f]{8}\.db$/.test(name)) {
        rmSync(join(this.paths.dir, name), { recursive: true, force: true });
      }
    }
  }

  private afterUnlock(): void {
    const session = this.open?.session;
    if (!session) return;
    for (const listener of this.unlockListeners) {
      try {
        listener(session);
      } catch {
        // A listener (e.g. the backup scheduler) never makes an unlock fail.
      }
    }
  }

  private openWith(dbKey: Buffer, how: { create: boolean }, afterOpen: (session: Session) => void): void {
    let db: Db;
    ensurePrivateDir(this.paths.dir);
    try {
      // fileMustExist: an unlock never creates a database (a missing one would start a new, empty vault).
      db = openDatabase(this.paths.db, { key: dbKey, nativeBinding: this.options.nativeBinding, fileMustExist: !how.create });
    } catch (error) {
      dbKey.fill(0);
      throw classifyOpenError(this.paths, error);
    }
    ensurePrivateFiles(this.paths.keyFile);
    this.removeStaleWork();
    try {
      migrate(db);
      const hmacKey = chainKeyFrom(dbKey);
      // The actor is read at each entry, so a renamed DPO signs the next entry with the new name.
      const actorStmt = db.prepare<[], { name: string | null }>(
        `SELECT json_extract(value, '$.profile.dpoName') AS name FROM settings WHERE key = 'settings'`,
      );
      const actor = () => actorStmt.get()?.name || 'DPO';
      // The anchor outside the vault has its own key, so an anchor can never pass for a chain MAC.
      const anchorKey = anchorKeyFrom(dbKey);
      const auditRepo = new AuditRepo(db);
      const anchor = new AnchorKeeper(this.paths.anchorFile, anchorKey, auditRepo, hmacKey, this.now);
      // A long audit check runs on worker threads, each with its own read-only connection.
      const workers = { path: this.paths.db, key: () => dbKey, nativeBinding: this.options.nativeBinding };
      const audit = new AuditService(auditRepo, hmacKey, this.now, actor, anchor, anchorKey, workers);
      let depth = 0;
      const session: Session = {
        db,
        audit,
        now: this.now,
        actor,
        tx: (fn) => {
          depth++;
          try {
            return db.transaction(fn).immediate();
          } finally {
            // After the outermost commit the anchor may move to the new head (coalesced, see AnchorKeeper).
            if (--depth === 0) audit.afterCommit();
          }
        },
        files: this.files,
        jobs: this.jobs,
      };
      this.open = { db, dbKey, hmacKey, anchorKey, audit, session, recoveryPending: false };
      const rootsStmt = db.prepare<[], { roots: string | null }>(
        `SELECT json_extract(value, '$.fileRoots') AS roots FROM settings WHERE key = 'settings'`,
      );
      this.files.useSettingsRoots(() => {
        const raw = rootsStmt.get()?.roots;
        return raw ? (JSON.parse(raw) as string[]) : null;
      });
      session.tx(() => {
        // Triggers and anchor first: the report describes the log as it was found.
        audit.checkAtOpen();
        purgeUnfinishedUploads(session);
        afterOpen(session);
      });
      // A long log found without an anchor is checked in full by a job, not inside the unlock.
      audit.startDeferredCheck(session);
      this.touch();
    } catch (error) {
      this.closeHandle();
      if (db.open) db.close();
      dbKey.fill(0);
      throw classifyOpenError(this.paths, error);
    }
  }

  private closeHandle(): void {
    const open = this.open;
    this.open = null;
    if (!open) return;
    // Work of the session ends with it, before the handle closes (DESIGN.md: no job outlives a lock).
    this.jobs.cancelAll('lock');
    this.files.clear();
    this.files.useSettingsRoots(() => null);
    try {
      try {
        open.audit.closeAnchor();
      } finally {
        open.db.close();
      }
    } finally {
      open.dbKey.fill(0);
      open.hmacKey.fill(0);
      open.anchorKey.fill(0);
    }
  }

  /** Key-file operations never interleave (two unlocks, or a change during an unlock, or a restore). */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.busy.then(fn, fn);
    this.busy = run.catch(() => undefined);
    return run;
  }
}
