import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Channel, Input, Output } from '../../preload/contract';
import type { Result } from '../../preload/contract/result';
import { createApi } from '../../main/api';
import { FileAccess } from '../../main/files/access';
import type { Session } from '../../main/shared/session';
import { VaultManager } from '../../main/vault/service';

/** Cheap scrypt for tests only; one test proves the default parameters separately. */
export const TEST_KDF = { N: 2 ** 12, r: 8, p: 1 };
export const TEST_PASSPHRASE = 'correct horse battery staple';
export const TEST_PROFILE = {
  legalName: '北京智言科技有限公司',
  registeredAddress: '北京市海淀区中关村大街1号',
  dpoName: 'Li Wei',
  dpoEmail: 'dpo@example.cn',
  phone: '+86 10 1234 5678',
};

export interface TestVault {
  dir: string;
  vault: VaultManager;
  session: Session;
  recoveryCode: string;
  /** The API as the renderer sees it, with outputs checked against the contract. */
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>>;
  /** Like call, but throws unless ok, and returns the value. */
  ok<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>;
  /** Moves the injected clock. */
  setNow(iso: string): void;
  cleanup(): void;
}

/** A real encrypted vault in a temp folder, created and unlocked, with an injectable clock. */
export async function makeTestVault(
  opts: {
    now?: string;
    /** Grant typed paths inside the vault's temp folder (like `--allow-dir`). */
    allowDir?: boolean;
    /** Further folders a typed path may lie in, for grants in tests. */
    roots?: string[];
    /** Use this data folder instead of a new temp one. */
    dataDir?: string;
  } = {},
): Promise<TestVault> {
  const dir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'dpo-test-'));
  let now = new Date(opts.now ?? '2026-11-29T02:00:00.000Z');
  const files = new FileAccess({ extraRoots: [...(opts.allowDir ? [dir] : []), ...(opts.roots ?? [])] });
  const vault = new VaultManager({ dataDir: dir, kdf: TEST_KDF, now: () => new Date(now), files });
  const { recoveryCode } = await vault.create(TEST_PASSPHRASE, TEST_PROFILE);
  const api = createApi(vault, { validateOutputs: true, logError: () => {} });
  const call = api as TestVault['call'];
  return {
    dir,
    vault,
    get session() {
      return vault.session();
    },
    recoveryCode,
    call,
    async ok(channel, input) {
      const result = await call(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.value;
    },
    setNow(iso) {
      now = new Date(iso);
    },
    cleanup() {
      vault.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What a refused input must leave unchanged: rows written on the connection and audit entries. */
export function writeCounts(tv: TestVault): { changes: number; audit: number } {
  const db = tv.session.db;
  return {
    changes: (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n,
    audit: (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n,
  };
}
