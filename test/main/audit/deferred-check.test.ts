import { existsSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditIntegrity } from '../../../preload/contract/audit';
import { OPEN_CHECK_MAX_ENTRIES } from '../../../main/audit/integrity';
import type { AuditService } from '../../../main/audit/service';
import { TEST_PASSPHRASE, makeTestVault, type TestVault } from '../../helpers/vault';

// Issue 16: an unlock does no work that grows with the log. A long log found without its anchor
// is checked in full by a session job right after the unlock; what the check finds is reported
// as the unlock's own check reported it (the anchor and its entry, or the broken entry).

let tv: TestVault;
afterEach(() => tv?.cleanup());

/** A vault whose log is longer than the unlock checks itself, locked, its anchor file gone. */
async function longLogWithoutAnchor(tamper?: string) {
  tv = await makeTestVault();
  const s = tv.session;
  s.tx(() => {
    for (let i = 0; i < OPEN_CHECK_MAX_ENTRIES + 50; i++) s.audit.append({ action: 'inbox.update', entity: 'request', entityId: `r-${i}`, summary: `Request REQ-${i} changed: subject` });
  });
  if (tamper) {
    s.db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
    s.db.exec(tamper);
  }
  tv.vault.lock();
  rmSync(tv.vault.paths.anchorFile);
  // What stands when the unlock is done (its listeners run last, before the job's first step).
  let atUnlock: { report: AuditIntegrity['atOpen']; anchorFile: boolean } | null = null;
  const off = tv.vault.onUnlock((session) => {
    atUnlock = { report: structuredClone((session.audit as AuditService).integrity().atOpen), anchorFile: existsSync(tv.vault.paths.anchorFile) };
  });
  await tv.vault.unlock({ passphrase: TEST_PASSPHRASE });
  off();
  return atUnlock!;
}

async function jobEnds(jobId: string) {
  for (;;) {
    const job = await tv.ok('jobs.status', { jobId });
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('a long log without an anchor at unlock', () => {
  it('is not checked inside the unlock: a job checks it, and a chain that verifies gets its anchor and the entry saying so', async () => {
    const { report: atOpen, anchorFile } = await longLogWithoutAnchor();
    expect(anchorFile).toBe(false);
    expect(atOpen).toMatchObject({ anchorAtOpen: 'absent', anchorCreated: false, deferredCheck: { state: 'running', firstBroken: null } });
    expect(atOpen!.deferredCheck!.throughSeq).toBeGreaterThan(OPEN_CHECK_MAX_ENTRIES);
    const job = await jobEnds(atOpen!.deferredCheck!.jobId!);
    expect(job).toMatchObject({ kind: 'audit.verify', state: 'done', subject: `#1–#${atOpen!.deferredCheck!.throughSeq}` });
    expect(existsSync(tv.vault.paths.anchorFile)).toBe(true);
    const after = await tv.ok('audit.integrity', {});
    expect(after.atOpen).toMatchObject({ anchorCreated: true, deferredCheck: { state: 'passed' } });
    expect(after.anchor.status).toBe('matches');
    const list = await tv.ok('audit.list', { limit: 5 });
    expect(list.items.map((e) => e.action)).toContain('audit.anchorCreated');
    expect((await tv.ok('audit.verify', {})).ok).toBe(true);
  });

  it('a tampered log is still reported, by the deferred check: the broken entry named, in the log, and no anchor made', async () => {
    const { report: atOpen } = await longLogWithoutAnchor("UPDATE audit_log SET summary = 'nothing happened' WHERE seq = 700");
    expect(atOpen?.deferredCheck?.state).toBe('running');
    await jobEnds(atOpen!.deferredCheck!.jobId!);
    const after = await tv.ok('audit.integrity', {});
    expect(after.atOpen).toMatchObject({ anchorCreated: false, deferredCheck: { state: 'broken', firstBroken: 700 } });
    expect(existsSync(tv.vault.paths.anchorFile)).toBe(false);
    const entry = (await tv.ok('audit.list', { limit: 5 })).items.find((e) => e.action === 'audit.openCheckBroken');
    expect(entry?.summary).toContain('#700');
    expect((await tv.ok('audit.verify', {})).ok).toBe(false);
  });
});
