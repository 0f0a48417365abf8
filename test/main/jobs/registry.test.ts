import { afterEach, describe, expect, it } from 'vitest';
import { JobRegistry } from '../../../main/jobs/registry';
import { AppError, problem } from '../../../main/shared/errors';
import { makeTestVault, TEST_PASSPHRASE, type TestVault } from '../../helpers/vault';

/** A job that works in steps until it is aborted or has done `steps`. */
function stepper(steps: number, log: string[]) {
  return {
    kind: 'test.stepper',
    async run(ctx: { signal: AbortSignal; progress(d: number, t?: number | null): void }) {
      for (let i = 1; i <= steps; i++) {
        if (ctx.signal.aborted) return 'stopped';
        await new Promise((r) => setTimeout(r, 5));
        ctx.progress(i, steps);
        log.push(`step ${i}`);
      }
      return { steps };
    },
    discard: () => log.push('discarded'),
  };
}

describe('JobRegistry', () => {
  it('a job may report its result as it goes (read as a copy), names its subject, and a finished job can be dismissed', async () => {
    const jobs = new JobRegistry();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const live = { rows: 0 };
    const started = jobs.start({
      kind: 'test.live',
      subject: 'NTC-2026-0001 v1 · en',
      async run(ctx) {
        ctx.report(live);
        live.rows = 5;
        await gate;
        return { rows: 7 };
      },
    });
    await new Promise((r) => setTimeout(r, 5));
    const running = jobs.status(started.jobId);
    expect(running).toMatchObject({ state: 'running', subject: 'NTC-2026-0001 v1 · en', result: { rows: 5 } });
    expect(running.result).not.toBe(live);
    expect(() => jobs.dismiss(started.jobId)).toThrow(AppError);
    release();
    expect(await jobs.wait(started.jobId)).toMatchObject({ state: 'done', result: { rows: 7 } });
    expect(jobs.dismiss(started.jobId)).toEqual({ dismissed: true });
    expect(jobs.list()).toEqual([]);
  });

  it('runs a job to done with its result and progress', async () => {
    const jobs = new JobRegistry();
    const log: string[] = [];
    const started = jobs.start(stepper(3, log));
    expect(started).toMatchObject({ kind: 'test.stepper', state: 'running', done: 0 });
    const done = await jobs.wait(started.jobId);
    expect(done).toMatchObject({ state: 'done', done: 3, total: 3, progress: 1, result: { steps: 3 }, cancelledBy: null });
    expect(log).toEqual(['step 1', 'step 2', 'step 3']);
  });

  it('a cancel by the DPO stops the run at its next step and removes the partial output', async () => {
    const jobs = new JobRegistry();
    const log: string[] = [];
    const { jobId } = jobs.start(stepper(1000, log));
    await new Promise((r) => setTimeout(r, 20));
    jobs.cancel(jobId);
    const end = await jobs.wait(jobId);
    expect(end).toMatchObject({ state: 'cancelled', cancelledBy: 'user' });
    expect(log.at(-1)).toBe('discarded');
    expect(log.length).toBeLessThan(100);
  });

  it('a failed run keeps its error and removes its partial output', async () => {
    const jobs = new JobRegistry();
    const log: string[] = [];
    const { jobId } = jobs.start({
      kind: 'test.fail',
      run: async () => {
        throw new AppError('VALIDATION', 'line 3: stray quote', { source: problem('badFormat') });
      },
      discard: () => log.push('discarded'),
    });
    expect(await jobs.wait(jobId)).toMatchObject({ state: 'failed', error: { code: 'VALIDATION', message: 'line 3: stray quote' } });
    expect(log).toEqual(['discarded']);
  });
});

describe('jobs of a vault session', () => {
  let tv: TestVault;
  afterEach(() => tv?.cleanup());

  it('lock cancels every running job at once, removes partial output, and the DPO reads "cancelled by lock" after unlocking', async () => {
    tv = await makeTestVault();
    const log: string[] = [];
    const { jobId } = tv.session.jobs.start(stepper(100_000, log));
    await new Promise((r) => setTimeout(r, 20));
    tv.vault.lock('idle');
    expect(log).toContain('discarded');
    const stepsAtLock = log.filter((l) => l.startsWith('step')).length;
    expect((await tv.call('jobs.status', { jobId })).ok).toBe(false); // locked: no session
    await new Promise((r) => setTimeout(r, 50));
    await tv.ok('vault.unlock', { passphrase: TEST_PASSPHRASE });
    const after = await tv.ok('jobs.status', { jobId });
    expect(after).toMatchObject({ state: 'cancelled', cancelledBy: 'lock' });
    // The run stopped at its next step after the lock: no work continued while locked.
    expect(log.filter((l) => l.startsWith('step')).length).toBeLessThanOrEqual(stepsAtLock + 1);
    expect((await tv.ok('jobs.list', {})).map((j) => j.jobId)).toEqual([jobId]);
  });

  it('answers NOT_FOUND for an unknown job', async () => {
    tv = await makeTestVault();
    const r = await tv.call('jobs.cancel', { jobId: 'nope' });
    expect(r.ok ? null : r.error.code).toBe('NOT_FOUND');
  });
});
