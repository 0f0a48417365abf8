import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createApi } from '../main/api';
import { runCopyWorker } from '../main/backup/repo/copy-worker';
import { verifyDatabaseFile } from '../main/backup/verify';
import { StagedFile } from '../main/attachments/staging';
import { FileAccess } from '../main/files/access';
import { VaultManager } from '../main/vault/service';
import type { BenchRow, BenchSection } from './types';

const PROFILE = { legalName: 'Bench Co.', registeredAddress: '', dpoName: 'Bench', dpoEmail: 'dpo@example.com', phone: '' };
const MB = 1024 * 1024;

/**
 * Attachments in and out (200 MB, streamed through the jobs the UI uses), then backup and
 * verification of a vault of at least 1 GB (records plus attachments), with the longest stall
 * of the event loop while the backup runs (the UI's calls are answered on it).
 */
export const backupBench: BenchSection = async (ctx) => {
  const rows: BenchRow[] = [];
  const files = join(ctx.dir, 'files');
  mkdirSync(files);
  const vault = new VaultManager({ dataDir: join(ctx.dir, 'vault'), kdf: { N: 2 ** 12, r: 8, p: 1 }, files: new FileAccess({ extraRoots: [ctx.dir], defaultRoots: () => [] }) });
  await vault.create('bench passphrase 1234', PROFILE);
  const api = createApi(vault);
  const ok = async (channel: string, input: unknown): Promise<any> => {
    const r = await api(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return r.value;
  };

  // Records: incidents and requests, so the backup is of a vault with data, not only files.
  const records = Math.round(2_000 * ctx.scale) || 1;
  let incidentId = '';
  for (let i = 0; i < records; i++) {
    const inc = await ok('incidents.create', { title: `Bench incident ${i}`, discoveredAt: '2026-11-29T01:00:00.000Z', individualsAffected: 100 + i, jurisdictions: ['CN'], piCategories: ['name', 'phone'] });
    incidentId ||= inc.id;
    await ok('inbox.create', { channel: 'email', requester: { name: `张伟 ${i}`, contact: `user${i}@example.cn` }, jurisdiction: 'CN', type: 'access', subject: `查询请求 ${i}`, body: '请提供我的个人信息副本。' });
  }
  const owner = { module: 'incidents', recordId: incidentId, subjectId: null };

  // 200 MB in (picked file, streamed by main) and out (save as).
  const size = Math.max(MB, Math.round(200 * MB * ctx.scale));
  const source = join(files, 'evidence.bin');
  writeRandom(source, size);
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const grant = await ok('files.grantPath', { purpose: 'attachment', mode: 'open', path: source });
  let t0 = performance.now();
  const added = await vault.jobs.wait((await ok('attachments.addFromFile', { owner, role: 'evidence', grantId: grant.grantId })).jobId, 5);
  const writeMs = performance.now() - t0;
  if (added.state !== 'done') throw new Error(JSON.stringify(added.error));
  const save = await ok('files.grantPath', { purpose: 'attachment', mode: 'save', path: join(files, 'out.bin') });
  t0 = performance.now();
  const saved = await vault.jobs.wait((await ok('attachments.saveAs', { id: (added.result as { id: string }).id, grantId: save.grantId })).jobId, 5);
  const readMs = performance.now() - t0;
  clearInterval(sampler);
  if (saved.state !== 'done' || statSync(join(files, 'out.bin')).size !== size) throw new Error('save as failed in the benchmark');
  rows.push({ name: `attachment write, ${(size / MB).toFixed(0)} MB file (encrypted, chunked)`, value: size / MB / (writeMs / 1000), unit: 'MB/s', goal: { op: '>=', value: 100 } });
  rows.push({ name: `attachment read, ${(size / MB).toFixed(0)} MB file to disk`, value: size / MB / (readMs / 1000), unit: 'MB/s', goal: { op: '>=', value: 100 } });
  rows.push({ name: 'peak RSS growth while a file goes in and out', value: (peak - rssBefore) / MB, unit: 'MB', goal: { op: '<=', value: 64 } });
  rmSync(join(files, 'out.bin'));

  // Grow the vault to ≥ 1 GB with more files (written straight through the staging class).
  const target = Math.round(1024 * MB * ctx.scale);
  const session = vault.hostSession();
  const chunk = randomBytes(8 * MB);
  t0 = performance.now();
  for (let n = 0; statSync(vault.paths.db).size + walSize(vault.paths.db) < target; n++) {
    const file = new StagedFile(session, owner as never, 'evidence', `bulk-${n}.bin`, 32 * MB * Math.max(ctx.scale, 1 / 32));
    while (file.bytesReceived < file.size) {
      chunk[0] = n & 0xff;
      file.append(chunk.subarray(0, Math.min(chunk.length, file.size - file.bytesReceived)));
    }
    await file.commit();
  }
  session.db.pragma('wal_checkpoint(TRUNCATE)');
  const vaultBytes = statSync(vault.paths.db).size;
  ctx.log(`  vault grown to ${(vaultBytes / MB).toFixed(0)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // The copy alone (VACUUM INTO on the worker), then the verification alone, then the whole job.
  const key = Buffer.from(vault.databaseKey());
  const copyPath = join(files, 'copy.db');
  t0 = performance.now();
  const copy = runCopyWorker({ copyFrom: vault.paths.db, path: copyPath, key });
  const checked = await copy.done;
  const copyAndCheckMs = performance.now() - t0;
  t0 = performance.now();
  const verified = await verifyDatabaseFile(copyPath, key, {});
  const verifyMs = performance.now() - t0 + 0;
  rmSync(copyPath);
  key.fill(0);
  rows.push({ name: `backup copy + integrity check on the worker, ${(vaultBytes / MB).toFixed(0)} MB vault`, value: vaultBytes / MB / (copyAndCheckMs / 1000), unit: 'MB/s', goal: { op: '>=', value: 100 } });
  rows.push({ name: `verify a copy (integrity, cipher, audit chain of ${verified.auditEntries}, counts)`, value: verifyMs / 1000, unit: 's' });
  void checked;

  const delay = monitorEventLoopDelay({ resolution: 10 });
  const backupGrant = await ok('files.grantPath', { purpose: 'backup', mode: 'save', path: join(files, 'bench.dpobackup') });
  let rssPeak = process.memoryUsage().rss;
  const rssBase = rssPeak;
  const rssTimer = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
  delay.enable();
  t0 = performance.now();
  const job = await vault.jobs.wait((await ok('vault.backup', { grantId: backupGrant.grantId })).jobId, 20);
  const backupMs = performance.now() - t0;
  delay.disable();
  clearInterval(rssTimer);
  if (job.state !== 'done') throw new Error(`backup failed in the benchmark: ${JSON.stringify(job.error)}`);
  const backupBytes = statSync(join(files, 'bench.dpobackup')).size;
  rows.push({ name: `whole backup job (copy, verify, container, read-back), ${(backupBytes / MB).toFixed(0)} MB file`, value: backupBytes / MB / (backupMs / 1000), unit: 'MB/s' });
  rows.push({ name: 'whole backup job, time', value: backupMs / 1000, unit: 's' });
  rows.push({ name: 'longest event-loop stall during the backup', value: delay.max / 1e6, unit: 'ms', goal: { op: '<=', value: 250 } });
  rows.push({ name: 'peak RSS growth during the backup', value: (rssPeak - rssBase) / MB, unit: 'MB' });
  vault.close();
  return rows;
};

function writeRandom(path: string, size: number): void {
  const piece = randomBytes(4 * MB);
  const fd = openSync(path, 'w');
  for (let written = 0; written < size; written += piece.length) {
    piece[0] = written & 0xff;
    writeSync(fd, piece, 0, Math.min(piece.length, size - written));
  }
  closeSync(fd);
}

function walSize(db: string): number {
  try {
    return statSync(`${db}-wal`).size;
  } catch {
    return 0;
  }
}
