import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { AppError } from '../shared/errors';
import type { VaultPaths } from '../store/files';
import { KeyFileProblem, parseKeyFile, type KeyFile } from '../store/keyfile';

/** SQLCipher v4's page size: a whole vault.db is a multiple of it. */
export const VAULT_PAGE_SIZE = 4096;

const RESTORE_HINT = 'Restore the vault from a backup (Restore from a backup on the lock screen), or put back a copy of the file.';

/** The first 16 bytes of a vault.db (SQLCipher's salt, not secret), hex; null when shorter. */
export function readDbSalt(dbPath: string): string | null {
  if (!existsSync(dbPath) || statSync(dbPath).size < 16) return null;
  const fd = openSync(dbPath, 'r');
  try {
    const buf = Buffer.alloc(16);
    return readSync(fd, buf, 0, 16, 0) === 16 ? buf.toString('hex') : null;
  } finally {
    closeSync(fd);
  }
}

/** Reads and bounds vault.key; every way it can be unusable has its own code and names the file. */
export function readKeyFile(paths: VaultPaths): KeyFile {
  if (!existsSync(paths.keyFile)) throw new AppError('NOT_FOUND', 'No vault exists in this data folder yet.');
  let text: string;
  try {
    text = readFileSync(paths.keyFile, 'utf8');
  } catch (error) {
    throw new AppError('VAULT_KEY_MALFORMED', `The key file ${paths.keyFile} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}). ${RESTORE_HINT}`);
  }
  try {
    return parseKeyFile(text);
  } catch (error) {
    if (!(error instanceof KeyFileProblem)) throw error;
    if (error.kind === 'malformed') {
      throw new AppError('VAULT_KEY_MALFORMED', `The key file ${paths.keyFile} is damaged: ${error.message}. ${RESTORE_HINT}`);
    }
    throw new AppError(
      'VAULT_KEY_PARAMS',
      `The key file ${paths.keyFile} has parameters this app does not accept (${error.message}); it was not used. ${RESTORE_HINT}`,
    );
  }
}

/**
 * Checks vault.db before it is opened, so that a missing or emptied database is never opened
 * as a brand-new vault (the audit chain would restart from genesis).
 */
export function precheckDatabase(paths: VaultPaths, keyFile: KeyFile): void {
  const wal = `${paths.db}-wal`;
  const walBytes = existsSync(wal) ? statSync(wal).size : 0;
  if (!existsSync(paths.db) || (statSync(paths.db).size === 0 && walBytes === 0)) {
    const what = existsSync(paths.db) ? 'is empty' : 'is missing';
    throw new AppError(
      'VAULT_DB_MISSING',
      `The vault database ${paths.db} ${what}, but its key file ${paths.keyFile} is there. Nothing was created in its place. Restore the vault from a backup, or put vault.db back beside vault.key.`,
    );
  }
  const size = statSync(paths.db).size;
  const salt = readDbSalt(paths.db);
  if (keyFile.dbSalt && salt && salt !== keyFile.dbSalt) {
    throw new AppError(
      'VAULT_DB_FOREIGN',
      `The vault database ${paths.db} belongs to another vault than the key file ${paths.keyFile}. Put this vault's own vault.db back, or restore from a backup.`,
    );
  }
  if (size > 0 && size % VAULT_PAGE_SIZE !== 0) {
    throw damaged(paths, `it is truncated (${size} bytes is not a whole number of ${VAULT_PAGE_SIZE}-byte pages)`);
  }
}

const damaged = (paths: VaultPaths, why: string) =>
  new AppError('VAULT_DB_DAMAGED', `The vault database ${paths.db} is damaged: ${why}. ${RESTORE_HINT}`);

/** Turns a failure while opening the database with the right key into a code the DPO can act on. */
export function classifyOpenError(paths: VaultPaths, error: unknown): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return damaged(paths, 'its pages do not decrypt or do not form a database (it may be corrupt, truncated, or another vault\'s)');
  }
  if (code === 'SQLITE_CANTOPEN') {
    return new AppError('VAULT_DB_MISSING', `The vault database ${paths.db} cannot be opened (it may have been moved). Restore the vault from a backup.`);
  }
  return error;
}
