import { hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import type { OrganisationProfileInput as OrganisationProfile } from '../../preload/contract/settings';
import type { VaultUnlock } from '../../preload/contract/vault';
import { AuditRepo } from '../audit/repo';
import { AnchorKeeper } from '../audit/anchor-keeper';
import { AuditService } from '../audit/service';
import { initSettings } from '../settings/service';
import { FileAccess } from '../files/access';
import { JobRegistry } from '../jobs/registry';
import { AppError, conflict } from '../shared/errors';
import type { Session } from '../shared/session';
import { openDatabase, type Db } from '../store/database';
import { ensurePrivateDir, vaultPaths, writeFileAtomic, type VaultPaths } from '../store/files';
import {
  DEFAULT_KDF,
  newRecoveryCode,
  normaliseRecoveryCode,
  unwrapKey,
  wrapKey,
  type KdfParams,
  type KeyFile,
} from '../store/keyfile';
import { migrate } from '../store/migrate';

export type LockReason = 'user' | 'idle' | 'menu';

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
  private busy: Promise<unknown> = Promise.resolve();
  /** Grants outlive no session: they are cleared at every lock. */
  readonly files: FileAccess;
  /** Kept across locks so that after the next unlock the DPO reads "cancelled by lock". */
  readonly jobs: JobRegistry;

  constructor(private readonly options: VaultOptions) {
    this.paths = vaultPaths(options.dataDir);
    this.kdf = options.kdf ?? DEFAULT_KDF;
    this.now = options.now ?? (() => new Date());
    this.files = options.files ?? new FileAccess();
    this.jobs = new JobRegistry(() => new Date());
  }

  status(): 'none' | 'locked' | 'unlocked' {
    if (this.open) return 'unlocked';
    return existsSync(this.paths.keyFile) ? 'locked' : 'none';
  }

  /** The unlocked session; LOCKED otherwise. */
  session(): Session {
    if (!this.open) throw new AppError('LOCKED', 'The vault is locked. Unlock it to continue.');
    return this.open.session;
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
      if (existsSync(this.paths.keyFile)) throw conflict('A vault already exists in this data folder.');
      if (existsSync(this.paths.db)) {
        throw conflict('A vault database without its key file is in this data folder; move it away before creating a new vault.');
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
        this.openWith(dbKey, (session) => initSettings(session, profile));
        writeFileAtomic(this.paths.keyFile, JSON.stringify(keyFile, null, 2));
      } catch (error) {
        this.closeHandle();
        for (const f of [this.paths.db, `${this.paths.db}-wal`, `${this.paths.db}-shm`, this.paths.anchorFile]) rmSync(f, { force: true });
        throw error;
      }
      return { recoveryCode };
    });
  }

  async unlock(secret: VaultUnlock): Promise<void> {
    return this.exclusive(async () => {
      if (this.open) return;
      const keyFile = this.readKeyFile();
      const byPassphrase = secret.passphrase !== undefined;
      const dbKey = byPassphrase
        ? await unwrapKey(keyFile.byPassphrase, secret.passphrase ?? '')
        : await unwrapKey(keyFile.byRecoveryCode, normaliseRecoveryCode(secret.recoveryCode ?? ''));
      if (!dbKey) {
        throw new AppError(
          'WRONG_PASSPHRASE',
          byPassphrase ? 'That passphrase does not open this vault.' : 'That recovery code does not open this vault.',
        );
      }
      this.openWith(dbKey, (session) =>
        session.audit.append({
          action: 'vault.unlock',
          entity: 'vault',
          summary: byPassphrase ? 'Vault unlocked with the passphrase' : 'Vault unlocked with the recovery code',
        }),
      );
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
      const keyFile = this.readKeyFile();
      const dbKey = await unwrapKey(keyFile.byPassphrase, current);
      if (!dbKey) throw new AppError('WRONG_PASSPHRASE', 'The current passphrase is not right.', { current: 'Not the current passphrase' });
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

  private readKeyFile(): KeyFile {
    if (!existsSync(this.paths.keyFile)) throw new AppError('NOT_FOUND', 'No vault exists in this data folder yet.');
    const parsed = JSON.parse(readFileSync(this.paths.keyFile, 'utf8')) as KeyFile;
    if (parsed.format !== 'dpo-vault-key' || parsed.version !== 1) {
      throw new AppError('CONFLICT', 'The vault key file has a format this version does not know.');
    }
    return parsed;
  }

  private openWith(dbKey: Buffer, afterOpen: (session: Session) => void): void {
    let db: Db;
    try {
      db = openDatabase(this.paths.db, { key: dbKey, nativeBinding: this.options.nativeBinding });
    } catch (error) {
      dbKey.fill(0);
      throw error;
    }
    try {
      migrate(db);
      const hmacKey = Buffer.from(hkdfSync('sha256', dbKey, Buffer.alloc(0), 'dpo-audit-chain-v1', 32));
      // The actor is read at each entry, so a renamed DPO signs the next entry with the new name.
      const actorStmt = db.prepare<[], { name: string | null }>(
        `SELECT json_extract(value, '$.profile.dpoName') AS name FROM settings WHERE key = 'settings'`,
      );
      const actor = () => actorStmt.get()?.name || 'DPO';
      // The anchor outside the vault has its own key, so an anchor can never pass for a chain MAC.
      const anchorKey = Buffer.from(hkdfSync('sha256', dbKey, Buffer.alloc(0), 'dpo-audit-anchor-v1', 32));
      const auditRepo = new AuditRepo(db);
      const anchor = new AnchorKeeper(this.paths.anchorFile, anchorKey, auditRepo, hmacKey, this.now);
      const audit = new AuditService(auditRepo, hmacKey, this.now, actor, anchor, anchorKey);
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
      this.open = { db, dbKey, hmacKey, anchorKey, audit, session };
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
        afterOpen(session);
      });
      this.touch();
    } catch (error) {
      this.closeHandle();
      db.close();
      dbKey.fill(0);
      throw error;
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

  /** Key-file operations never interleave (two unlocks, or a change during an unlock). */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.busy.then(fn, fn);
    this.busy = run.catch(() => undefined);
    return run;
  }
}
