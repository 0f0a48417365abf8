import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
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

export function ensurePrivateDir(dir: string): void {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/** Write-then-rename with fsync, so a crash leaves the old key file or the new one, never half. */
export function writeFileAtomic(path: string, content: string): void {
  ensurePrivateDir(dirname(path));
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
