import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../store/files';

/** Failed unlocks since the last successful one: times only, never what was typed. */
export interface FailedUnlocks {
  count: number;
  firstAt: string;
  lastAt: string;
}

/**
 * Kept in a small file beside the vault, because the database cannot be written without the
 * key. Deleting it resets the delay, which is fine: it slows scripts hitting the app's API;
 * offline guessing against vault.key is slowed by scrypt itself.
 */
export class FailedUnlockStore {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'vault.unlock-failures.json');
  }

  read(): FailedUnlocks | null {
    if (!existsSync(this.file)) return null;
    try {
      const raw = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<FailedUnlocks>;
      if (Number.isSafeInteger(raw.count) && (raw.count as number) > 0 && typeof raw.firstAt === 'string' && typeof raw.lastAt === 'string'
        && !Number.isNaN(Date.parse(raw.firstAt)) && !Number.isNaN(Date.parse(raw.lastAt))) {
        return { count: raw.count as number, firstAt: raw.firstAt, lastAt: raw.lastAt };
      }
    } catch {
      // A damaged counter file counts as one failure rather than none.
    }
    const at = new Date(0).toISOString();
    return { count: 1, firstAt: at, lastAt: at };
  }

  record(now: Date): FailedUnlocks {
    const before = this.read();
    const at = now.toISOString();
    const next = { count: (before?.count ?? 0) + 1, firstAt: before?.firstAt ?? at, lastAt: at };
    writeFileAtomic(this.file, JSON.stringify(next));
    return next;
  }

  clear(): void {
    rmSync(this.file, { force: true });
  }
}
