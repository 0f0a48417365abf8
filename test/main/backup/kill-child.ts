// Run by failures.test.ts as a separate process (bundled with Vite), then killed with SIGKILL
// in the middle of a backup. argv: dataDir, target path, allowed folder.
import { createApi } from '../../../main/api';
import { FileAccess } from '../../../main/files/access';
import { VaultManager } from '../../../main/vault/service';
import { TEST_KDF, TEST_PASSPHRASE } from '../../helpers/vault';

async function main(): Promise<void> {
  const [dataDir, target, allowed] = process.argv.slice(2);
  const vault = new VaultManager({ dataDir, kdf: TEST_KDF, files: new FileAccess({ extraRoots: [allowed], defaultRoots: () => [] }) });
  const api = createApi(vault);
  const unlocked = await api('vault.unlock', { passphrase: TEST_PASSPHRASE });
  if (!unlocked.ok) throw new Error(JSON.stringify(unlocked));
  const grant = await api('files.grantPath', { purpose: 'backup', mode: 'save', path: target });
  if (!grant.ok) throw new Error(JSON.stringify(grant));
  const job = await api('vault.backup', { grantId: (grant.value as { grantId: string }).grantId });
  if (!job.ok) throw new Error(JSON.stringify(job));
  process.stdout.write('started\n');
  setInterval(() => process.stdout.write(`progress ${JSON.stringify(vault.jobs.list()[0]?.progress)}\n`), 20);
}

void main().catch((e) => {
  process.stderr.write(String(e));
  process.exit(3);
});
