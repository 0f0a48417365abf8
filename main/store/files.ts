import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface VaultPaths {
  dir: string;
  db: string;
  keyFile: string;
  /** The audit anchor (main/audit/anchor.ts): the last verified head of the chain, signed. */
  anchorFile: string;
}

export function vaultPaths(dataDir: string): VaultPaths {
  return { dir: dataDir, db: join(dataDir, 'vault.db'), keyFile: join(dataDir, 'vault.key'), anchorFile: join(dataDir, 'vault.anchor') };
}

/** The vault's folder is the owner's only (0700), also when it existed before (e.g. made by hand with 0755). */
export function ensurePrivateDir(dir: string): void {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') chmodSync(dir, 0o700);
}

/** Files of the vault are the owner's only (0600), whatever mode they were found with. */
export function ensurePrivateFiles(...files: string[]): void {
  if (process.platform === 'win32') return;
  for (const file of files) if (existsSync(file)) chmodSync(file, 0o600);
}

/** Fsyncs a folder so a rename in it survives a power cut (no-op where folders cannot be opened). */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Write-then-rename with fsync, so a crash leaves the old key file or the new one, never half. */
export function writeFileAtomic(path: string, content: string): void {
  ensurePrivateDir(dirname(path));
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } catch (error) {
    // Disk full mid-write: the old file stays, the partial one goes.
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(tmp, path);
  fsyncDir(dirname(path));
}
