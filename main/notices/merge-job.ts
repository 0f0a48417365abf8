import { randomUUID } from 'node:crypto';
import { existsSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { z } from 'zod';
import type { JobStatus, MergeFormat, noticesChannels } from '../../preload/contract/notices';
import { AppError, invalid, notFound } from '../shared/errors';
import type { Session } from '../shared/session';
import { ensurePrivateDir } from '../store/files';
import { loadCurrent, previewOf, recordOutput, renderStrict, requireApproved, type Loaded } from './export-service';
import { FingerprintSet } from './fingerprints';
import { FolderOutput, SingleFileOutput, type MergeOutput } from './merge-output';
import { ADDRESS_COLUMN, addressKey, missingHeaderColumns, PROBLEM_TEXT, rowProblem } from './merge-rules';
import { makeComposer } from './merge-message';
import { readHeader, readRecipients } from './recipients-csv';
import { mergeFieldsIn } from './rules';

type In<C extends keyof typeof noticesChannels> = z.output<(typeof noticesChannels)[C]['input']>;

/** Bad rows kept in the status for the DPO to read; all are counted. */
const MAX_PROBLEMS = 1000;
const EXTENSION: Record<MergeFormat, string> = { mbox: '.mbox', emlFolder: '', smsText: '-sms.csv', pushText: '-push.csv' };

interface Job {
  status: JobStatus;
  cancelled: boolean;
  started: number;
}

const jobs = new Map<string, Job>();

/** The `{{recipient.x}}` columns a notice uses in one language. */
function mergeColumnsOf(l: Loaded, language: 'zh-CN' | 'en'): string[] {
  const r = renderStrict(l, language, undefined, true);
  const names = [r.subject, r.text, r.sms, r.pushTitle, r.pushBody].flatMap(mergeFieldsIn);
  return [...new Set(names.filter((n) => n.startsWith('recipient.')).map((n) => n.slice('recipient.'.length)))];
}

function defaultOutputPath(session: Session, l: Loaded, language: string, format: MergeFormat): string {
  const dir = join(dirname(session.db.name), 'exports');
  ensurePrivateDir(dir);
  const stamp = session.now().toISOString().replace(/[-:]/g, '').slice(0, 15);
  return join(dir, `${l.row.ref}-v${l.version.version}-${language}-${stamp}${EXTENSION[format]}`);
}

export async function startMailMerge(session: Session, input: In<'notices.mailMergeStart'>): Promise<JobStatus> {
  const l = loadCurrent(session, input.id);
  if (!input.dryRun) requireApproved(l);
  const mergeColumns = mergeColumnsOf(l, input.language);
  const outputPath = input.dryRun ? null : (input.outputPath ?? defaultOutputPath(session, l, input.language, input.format));
  if (outputPath && input.outputPath) {
    if (existsSync(outputPath)) throw invalid({ outputPath: 'Something already exists at this path; choose a new name (nothing is overwritten)' });
    if (!existsSync(dirname(outputPath))) throw invalid({ outputPath: 'The folder does not exist' });
  }
  const header = await readHeader(input.source);
  const missing = missingHeaderColumns(input.format, header, mergeColumns);
  if (missing.length) {
    throw invalid({ source: `The CSV has no column ${missing.map((c) => `"${c}"`).join(', ')} (needed for ${ADDRESS_COLUMN[input.format] === missing[0] ? 'the address' : 'the merge fields'})` });
  }
  const jobId = randomUUID();
  const status: JobStatus = {
    jobId,
    state: 'running',
    dryRun: input.dryRun,
    format: input.format,
    rowsRead: 0,
    written: 0,
    badRows: 0,
    problems: [],
    progress: 0,
    outputPath,
    outputId: null,
    sha256: null,
    bytes: 0,
    error: null,
    startedAt: session.now().toISOString(),
    finishedAt: null,
    messagesPerSecond: 0,
  };
  const job: Job = { status, cancelled: false, started: performance.now() };
  jobs.set(jobId, job);
  const output = outputPath ? openOutput(input.format, outputPath, jobId) : null;
  void run(session, l, input, job, output, mergeColumns);
  return { ...status };
}

function openOutput(format: MergeFormat, path: string, jobId: string): MergeOutput {
  if (format === 'emlFolder') return new FolderOutput(path, jobId);
  if (format === 'smsText') return new SingleFileOutput(path, jobId, '\ufeffline,phone,segments,text\r\n');
  if (format === 'pushText') return new SingleFileOutput(path, jobId, '\ufeffline,userId,title,body\r\n');
  return new SingleFileOutput(path, jobId, '', 'latin1');
}

async function run(session: Session, l: Loaded, input: In<'notices.mailMergeStart'>, job: Job, output: MergeOutput | null, mergeColumns: string[]): Promise<void> {
  const s = job.status;
  // Sized up front from the file (~32 bytes a row), so memory stays flat during the run rather than growing with it.
  const seen = new FingerprintSet(fingerprintCapacity(input.source));
  const addressColumn = ADDRESS_COLUMN[input.format];
  const wanted = [...new Set([addressColumn, 'name', ...mergeColumns])];
  let index: number[] = [];
  let reader: ReturnType<typeof readRecipients> | null = null;
  try {
    const compose = output ? await makeComposer(l, input.language, input.format, mergeColumns, session.now(), s.jobId) : null;
    reader = readRecipients(
      input.source,
      (columns) => (index = wanted.map((c) => columns.indexOf(c))),
      ({ line, values }) => {
        if (job.cancelled) return reader!.stop();
        s.rowsRead++;
        if ((s.rowsRead & 1023) === 0) {
          s.progress = reader!.size ? Math.min(1, reader!.bytes() / reader!.size) : 0;
          s.messagesPerSecond = Math.round(s.written / ((performance.now() - job.started) / 1000));
        }
        const row: Record<string, string | undefined> = {};
        for (let i = 0; i < wanted.length; i++) row[wanted[i]] = index[i] >= 0 ? values[index[i]] : undefined;
        const bad = rowProblem(input.format, row, mergeColumns);
        const firstLine = bad ? 0 : seen.addOrGet(addressKey(input.format, row[addressColumn]!), line);
        if (bad || firstLine) {
          s.badRows++;
          if (s.problems.length < MAX_PROBLEMS) {
            const problem = bad?.problem ?? 'duplicate';
            const column = bad?.column ?? addressColumn;
            const shown = bad ? bad.value || column : (row[column] ?? '');
            s.problems.push({ line, column, problem, message: PROBLEM_TEXT[problem](problem === 'missingColumn' ? column : shown, String(firstLine)) });
          }
          return;
        }
        s.written++;
        if (output && compose) {
          const message = compose(row, line);
          return output.write(message.name, message.content);
        }
      },
    );
    await reader.done;
    if (job.cancelled) {
      output?.discard();
      return finish(job, 'cancelled', session);
    }
    s.progress = 1;
    if (output) {
      const done = await output.finish();
      s.sha256 = done.sha256;
      s.bytes = done.bytes;
      try {
        const fileName = s.outputPath!.split(/[\\/]/).pop()!;
        s.outputId = recordOutput(session, l, { format: input.format, language: input.language, fileName, path: s.outputPath, bytes: null, sha256: done.sha256, size: done.bytes, messages: s.written }).outputId;
      } catch (error) {
        // Not recorded, not kept: an output the audit log does not know of must not exist.
        rmSync(s.outputPath!, { recursive: true, force: true });
        throw error;
      }
    }
    finish(job, 'done', session);
  } catch (error) {
    reader?.stop();
    output?.discard();
    s.error = error instanceof AppError ? error.message : error instanceof Error ? `The run stopped: ${error.message}` : 'The run stopped';
    finish(job, 'failed', session);
  }
}

function fingerprintCapacity(source: In<'notices.mailMergeStart'>['source']): number {
  const bytes = 'path' in source ? statSync(source.path).size : source.csv.length;
  let capacity = 1 << 16;
  while (capacity < (bytes / 32) * 2 && capacity < 1 << 22) capacity <<= 1;
  return capacity;
}

function finish(job: Job, state: JobStatus['state'], session: Session): void {
  const s = job.status;
  s.state = state;
  s.messagesPerSecond = Math.round(s.written / Math.max(0.001, (performance.now() - job.started) / 1000));
  try {
    s.finishedAt = session.now().toISOString();
  } catch {
    s.finishedAt = new Date().toISOString();
  }
}

export function jobStatus(jobId: string): JobStatus {
  const job = jobs.get(jobId);
  if (!job) throw notFound('Mail-merge run', jobId);
  return structuredClone(job.status);
}

export function cancelJob(jobId: string): JobStatus {
  const job = jobs.get(jobId);
  if (!job) throw notFound('Mail-merge run', jobId);
  if (job.status.state === 'running') job.cancelled = true;
  return structuredClone(job.status);
}

/** Waits until a run ends (tests and the benchmark; the UI polls jobStatus). */
export async function waitForJob(jobId: string, pollMs = 20): Promise<JobStatus> {
  for (;;) {
    const s = jobStatus(jobId);
    if (s.state !== 'running') return s;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** Shows the notice as one recipient of the CSV will get it. */
export async function mergePreview(session: Session, input: In<'notices.mergePreview'>) {
  const l = loadCurrent(session, input.id);
  let columns: string[] = [];
  let found: Record<string, string> | null = null;
  const reader = readRecipients(
    input.source,
    (c) => (columns = c),
    ({ line, values }) => {
      if (line < input.line) return;
      if (line === input.line) found = Object.fromEntries(columns.map((c, i) => [c, values[i] ?? '']));
      reader.stop();
    },
  );
  await reader.done;
  if (!found) throw invalid({ line: `No recipient on line ${input.line}` });
  const rendered = renderStrict(l, input.language, found);
  return { line: input.line, recipient: found, preview: previewOf(l, rendered, 'email', input.language, session.now()) };
}
