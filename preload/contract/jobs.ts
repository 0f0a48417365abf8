import { z } from 'zod';
import { ProblemData } from './problems';
import { Empty, Id } from './common';

export const JobState = z.enum(['running', 'done', 'failed', 'cancelled']);
export type JobState = z.infer<typeof JobState>;

/** A long piece of work of the session (mail-merge, backup, export, verify). */
export const JobInfo = z.object({
  jobId: z.string(),
  /** What runs, e.g. "notices.mailMerge", "vault.backup"; the renderer names it. */
  kind: z.string(),
  /** What it works on, in the DPO's words (e.g. a notice's ref and language); null if nothing in particular. */
  subject: z.string().nullable(),
  state: JobState,
  /** Work units done and expected (rows, bytes, entries); total null while unknown. */
  done: z.number(),
  total: z.number().nullable(),
  /** 0..1 when the total is known. */
  progress: z.number().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Who stopped it: the DPO, or the vault locking (auto-lock included). */
  cancelledBy: z.enum(['user', 'lock']).nullable(),
  /** `problem`: the failure as data (a conflict, or a validation's first field), said in the DPO's language. */
  error: z.object({ code: z.string(), message: z.string(), problem: ProblemData.optional() }).nullable(),
  /**
   * The job's own result (its kind's channel documents the shape): final once done; a kind that
   * reports as it goes (mail-merge counts and bad rows) shows it while running too.
   */
  result: z.unknown(),
});
export type JobInfo = z.infer<typeof JobInfo>;

export const jobsChannels = {
  'jobs.status': { input: z.object({ jobId: Id }).strict(), output: JobInfo },
  'jobs.cancel': { input: z.object({ jobId: Id }).strict(), output: JobInfo },
  'jobs.list': { input: Empty, output: z.array(JobInfo) },
  /** Forgets a finished job (the DPO has read that it was cancelled by a lock, say). */
  'jobs.dismiss': { input: z.object({ jobId: Id }).strict(), output: z.object({ dismissed: z.boolean() }) },
} as const;
