import { randomUUID } from 'node:crypto';
import type { JobInfo } from '../../preload/contract/jobs';
import { AppError, notFound, problem, type Problem } from '../shared/errors';

export interface JobContext {
  /** Aborted when the DPO cancels or the vault locks: stop at the next chunk. */
  readonly signal: AbortSignal;
  /** Reports work done (and the total once known). Cheap: call it as often as you like. */
  progress(done: number, total?: number | null): void;
  /**
   * Publishes the job's live result (the object may go on changing; each status reads a copy).
   * The value the run resolves with replaces it at the end.
   */
  report(result: unknown): void;
}

export interface JobSpec<T> {
  kind: string;
  /** What it works on, in the DPO's words (shown with "cancelled by lock" after the next unlock). */
  subject?: string;
  run(ctx: JobContext): Promise<T>;
  /**
   * Removes partial output; must be safe to call twice. Runs when a cancelled or failed run
   * ends, and at once when the vault locks (before it closes), so nothing half-written is left.
   */
  discard?(): void;
}

interface Job {
  info: JobInfo;
  controller: AbortController;
  discard?: () => void;
}

/** Finished jobs kept for the DPO to read; older ones are forgotten. */
const KEEP_FINISHED = 50;

/**
 * The session's long-running work. Lock (and auto-lock) cancels every running job, removes its
 * partial output and records "cancelled by lock", which the DPO reads after the next unlock.
 */
export class JobRegistry {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  start<T>(spec: JobSpec<T>): JobInfo {
    const controller = new AbortController();
    const info: JobInfo = {
      jobId: randomUUID(),
      kind: spec.kind,
      subject: spec.subject ?? null,
      state: 'running',
      done: 0,
      total: null,
      progress: null,
      startedAt: this.now().toISOString(),
      finishedAt: null,
      cancelledBy: null,
      error: null,
      result: null,
    };
    const job: Job = { info, controller, discard: spec.discard };
    this.jobs.set(info.jobId, job);
    this.prune();
    const ctx: JobContext = {
      signal: controller.signal,
      progress(done, total) {
        info.done = done;
        if (total !== undefined) info.total = total;
        info.progress = info.total ? Math.min(1, done / info.total) : null;
      },
      report(result) {
        if (info.state === 'running') info.result = result ?? null;
      },
    };
    // Started on the next tick so the caller gets the job id before any work happens.
    void Promise.resolve()
      .then(() => spec.run(ctx))
      .then(
        (result) => {
          if (controller.signal.aborted) safeDiscard(job);
          if (info.state !== 'running') return;
          if (controller.signal.aborted) return this.end(job, 'cancelled');
          info.result = result ?? null;
          if (info.total !== null) info.done = info.total;
          info.progress = 1;
          this.end(job, 'done');
        },
        (error: unknown) => {
          safeDiscard(job);
          if (info.state !== 'running') return;
          if (controller.signal.aborted) return this.end(job, 'cancelled');
          info.error = error instanceof AppError ? appErrorOfJob(error) : { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
          this.end(job, 'failed');
        },
      );
    return snapshot(info);
  }

  status(jobId: string): JobInfo {
    return snapshot(this.get(jobId).info);
  }

  list(): JobInfo[] {
    return [...this.jobs.values()].map((j) => snapshot(j.info)).reverse();
  }

  cancel(jobId: string, by: 'user' | 'lock' = 'user'): JobInfo {
    const job = this.get(jobId);
    if (job.info.state === 'running') {
      job.info.cancelledBy = by;
      job.controller.abort(by);
      // A lock ends the job at once: the vault closes right after, so the run cannot finish,
      // and its partial output goes now. A cancel by the DPO ends when the run has stopped.
      if (by === 'lock') {
        safeDiscard(job);
        this.end(job, 'cancelled');
      }
    }
    return snapshot(job.info);
  }

  /** Forgets a finished job; a running one must be cancelled first. */
  dismiss(jobId: string): { dismissed: boolean } {
    const job = this.get(jobId);
    if (job.info.state === 'running') throw new AppError('CONFLICT', problem('jobRunning'));
    return { dismissed: this.jobs.delete(jobId) };
  }

  /** Lock: every running job stops now and leaves no partial output. */
  cancelAll(by: 'lock' | 'user' = 'lock'): number {
    let n = 0;
    for (const job of this.jobs.values()) {
      if (job.info.state === 'running') {
        this.cancel(job.info.jobId, by);
        n++;
      }
    }
    return n;
  }

  /** Resolves when the job has ended (tests and the benchmark; the UI polls jobs.status). */
  async wait(jobId: string, pollMs = 10): Promise<JobInfo> {
    for (;;) {
      const info = this.status(jobId);
      if (info.state !== 'running') return info;
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }

  private get(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw notFound('Job', jobId);
    return job;
  }

  private end(job: Job, state: JobInfo['state']): void {
    job.info.state = state;
    try {
      job.info.finishedAt = this.now().toISOString();
    } catch {
      job.info.finishedAt = new Date().toISOString();
    }
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.info.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(job.info.jobId);
  }
}

function safeDiscard(job: Job): void {
  try {
    job.discard?.();
  } catch {
    // Removing partial output is best effort; the job's state still says what happened.
  }
}

const snapshot = (info: JobInfo): JobInfo => structuredClone(info);

/** A job's failure as the renderer shows it: main's English, and the problem when it is one. */
function appErrorOfJob(error: AppError): { code: string; message: string; problem?: Problem } {
  const p = error.problem ?? Object.values(error.problems ?? {})[0];
  return p ? { code: error.code, message: error.message, problem: p } : { code: error.code, message: error.message };
}
