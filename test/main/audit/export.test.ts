import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportDir, finished, openGrant, saveGrant } from '../../helpers/exports';
import { makeTestVault, type TestVault } from '../../helpers/vault';

let tv: TestVault;
afterEach(() => tv?.cleanup());

async function vaultWithEntries(n: number) {
  tv = await makeTestVault();
  await exportDir(tv);
  for (let i = 0; i < n; i++) await tv.ok('settings.update', { dueSoonHours: 10 + i });
  // An entry whose summary would be a formula in Excel.
  await tv.ok('incidents.create', { title: '=HYPERLINK("http://x")', discoveredAt: '2026-11-28T10:00:00+08:00', individualsAffected: 3, jurisdictions: ['CN'] });
  return tv;
}

async function exportAudit(format: 'jsonl' | 'csv', name: string, range: { from?: string; to?: string } = {}) {
  const grant = await saveGrant(tv, name);
  const job = await finished(tv, await tv.ok('audit.export', { format, grantId: grant.grantId, language: 'en', ...range }));
  expect(job.state).toBe('done');
  return { path: grant.path, job };
}

describe('audit export', () => {
  it('JSON Lines: a header with the chain head and anchor, every entry with its MAC, an end line; verifies against the vault', async () => {
    await vaultWithEntries(3);
    const head = await tv.ok('audit.verify', {});
    const { path, job } = await exportAudit('jsonl', 'audit.jsonl');
    const lines = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ type: 'header', format: 'dpo-audit-export', chainHead: { seq: head.entries, hash: head.head }, app: { version: expect.any(String) } });
    expect(lines[0].anchor).toMatchObject({ seq: head.entries, signature: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const entries = lines.filter((l) => l.type === 'entry');
    expect(entries).toHaveLength(head.entries);
    expect(entries[0]).toMatchObject({ seq: 1, prevHash: '0'.repeat(64), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(lines.at(-1)).toMatchObject({ type: 'end', count: head.entries });
    expect(job.result).toMatchObject({ rows: head.entries, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const check = await tv.ok('audit.verifyExport', { grantId: await openGrant(tv, path) });
    expect(check).toMatchObject({ ok: true, entries: head.entries, matching: head.entries, firstProblem: null, fileHeadInVault: true });
    // The export itself is in the log.
    expect((await tv.ok('audit.list', { limit: 1 })).items[0].action).toBe('audit.export');
  });

  it('CSV: BOM, headers in the language, a formula-looking summary neutralised, the head row last; verifies too', async () => {
    await vaultWithEntries(2);
    const { path } = await exportAudit('csv', 'audit.csv');
    const text = readFileSync(path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n')[0]).toBe('\ufeffSeq,At (UTC),Actor,Action,Entity,Entity id,Summary,Details (JSON),Previous hash,MAC (hash)');
    expect(text).not.toMatch(/,=HYPERLINK|,"=HYPERLINK/);
    expect(text).toMatch(/Incident INC-2026-0001 logged: =HYPERLINK/);
    expect(text.trim().split('\r\n').at(-1)).toMatch(/^#chain-head,\d+,[0-9a-f]{64},/);
    const check = await tv.ok('audit.verifyExport', { grantId: await openGrant(tv, path) });
    expect(check).toMatchObject({ ok: true, format: 'csv', firstProblem: null, fileHeadInVault: true });
    expect(check.entries).toBeGreaterThan(2);
  });

  it('a date range exports only the entries in it', async () => {
    await vaultWithEntries(1);
    tv.setNow('2026-12-05T02:00:00.000Z');
    await tv.ok('settings.update', { dueSoonHours: 40 });
    const { path } = await exportAudit('jsonl', 'december.jsonl', { from: '2026-12-01T00:00:00+08:00' });
    const entries = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((l) => l.type === 'entry');
    expect(entries.map((e) => e.at)).toEqual(['2026-12-05T02:00:00.000Z']);
    expect((await tv.ok('audit.verifyExport', { grantId: await openGrant(tv, path) })).ok).toBe(true);
  });

  it('verifyExport names an entry edited in the file (its MAC no longer matches)', async () => {
    await vaultWithEntries(2);
    const { path } = await exportAudit('jsonl', 'edited.jsonl');
    writeFileSync(path, readFileSync(path, 'utf8').replace('Settings changed: dueSoonHours', 'Settings changed: nothing'));
    const check = await tv.ok('audit.verifyExport', { grantId: await openGrant(tv, path) });
    expect(check.ok).toBe(false);
    // 1 settings.init, 2 the granted folder, 3 the first dueSoonHours change.
    expect(check.firstProblem).toMatchObject({ reason: 'badMac', seq: 3 });
  });

  it('verifyExport names entries the vault has lost since the export (a truncated vault)', async () => {
    await vaultWithEntries(3);
    const { path } = await exportAudit('csv', 'before-cut.csv');
    tv.session.db.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq > 3');
    const check = await tv.ok('audit.verifyExport', { grantId: await openGrant(tv, path) });
    expect(check.ok).toBe(false);
    expect(check.firstProblem).toMatchObject({ reason: 'notInVault', seq: 4 });
    expect(check.fileHeadInVault).toBe(false);
  });

  it('refuses a file that is not an audit export, and a grant for the wrong format', async () => {
    await vaultWithEntries(1);
    const dir = await exportDir(tv);
    writeFileSync(`${dir}/other.jsonl`, '{"hello":1}\n');
    const check = await tv.ok('audit.verifyExport', { grantId: await openGrant(tv, `${dir}/other.jsonl`) });
    expect(check).toMatchObject({ ok: false, firstProblem: { reason: 'unreadable' } });
    const grant = await saveGrant(tv, 'wrong.csv');
    const r = await tv.call('audit.export', { format: 'jsonl', grantId: grant.grantId });
    expect(r.ok ? null : r.error.fields).toEqual({ grantId: 'Choose a .jsonl file name for this format' });
  });

  it('a cancelled export leaves no file, not even a partial one', async () => {
    await vaultWithEntries(1);
    // Enough entries that the job is still running when the cancel arrives.
    tv.session.tx(() => {
      for (let i = 0; i < 6000; i++) tv.session.audit.append({ action: 'bench', entity: 'x', summary: `entry ${i}` });
    });
    const grant = await saveGrant(tv, 'cancelled.jsonl');
    const job = await tv.ok('audit.export', { format: 'jsonl', grantId: grant.grantId });
    await tv.ok('jobs.cancel', { jobId: job.jobId });
    const end = await finished(tv, job);
    expect(end.state).toBe('cancelled');
    expect(existsSync(grant.path)).toBe(false);
    expect(readdirSync(dirname(grant.path))).toEqual([]);
  });
});
