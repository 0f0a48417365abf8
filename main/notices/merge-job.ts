import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { z } from 'zod';
import type { JobStatus, MergeFormat, noticesChannels, RecipientSource } from '../../preload/contract/notices';
import { AppError, invalid, notFound } from '../shared/errors';
import type { Session } from '../shared/session';
import { ensurePrivateDir } from '../store/files';
import { loadCurrent, previewOf, recordOutput, renderStrict, requireApproved, type Loaded } from './export-service';
import { FingerprintSet } from './fingerprints';
import { FolderOutput, SingleFileOutput, type MergeOutput } from './merge-output';
import { ADDRESS_COLUMN, addressKey, missingHeaderColumns, PROBLEM_TEXT, rowProblem } from './merge-rules';
import { makeComposer } from './merge-message';
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

export interface CsvRow {
  line: number;
  bytes: number;
  row: Record<string, string | undefined>;
}

/** Streams the recipient CSV (UTF-8, with or without BOM), one row at a time, with its line number. */
export function openRecipients(source: RecipientSource): { rows: AsyncIterable<CsvRow>; size: number; header: Promise<string[]> } {
  let size: number;
  let input: Readable;
  if ('path' in source) {
    if (!existsSync(source.path) || !statSync(source.path).isFile()) throw invalid({ 'source.path': 'No file at this path' });
    size = statSync(source.path).size;
    input = createReadStream(source.path, { highWaterMark: 1 << 20 });
  } else {
    size = Buffer.byteLength(source.csv);
    input = Readable.from([source.csv]);
  }
  let resolveHeader!: (h: string[]) => void;
  const header = new Promise<string[]>((r) => (resolveHeader = r));
  const parser = parse({
    bom: true,
    columns: (h: string[]) => {
      const cols = h.map((c) => c.trim());
      resolveHeader(cols);
      return cols;
    },
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  });
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);
  async function* rows(): AsyncIterable<CsvRow> {
    try {
      for await (const rec of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number; bytes: number } }>) {
        yield { line: rec.info.lines, bytes: rec.info.bytes, row: rec.record };
      }
    } finally {
      input.destroy();
      parser.destroy();
    }
    resolveHeader([]);
  }
  return { rows: rows(), size, header };
}

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
  const { rows, size, header } = openRecipients(input.source);
  const iterator = rows[Symbol.asyncIterator]();
  const first = await iterator.next();
  const missing = missingHeaderColumns(input.format, await header, mergeColumns);
  if (missing.length) {
    await iterator.return?.();
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
  void run(session, l, input, job, output, mergeColumns, first, iterator, size);
  return { ...status };
}

function openOutput(format: MergeFormat, path: string, jobId: string): MergeOutput {
  if (format === 'emlFolder') return new FolderOutput(path, jobId);
  if (format === 'smsText') return new SingleFileOutput(path, jobId, '\ufeffline,phone,segments,text\r\n');
  if (format === 'pushText') return new SingleFileOutput(path, jobId, '\ufeffline,userId,title,body\r\n');
  return new SingleFileOutput(path, jobId);
}

async function run(
  session: Session,
  l: Loaded,
  input: In<'notices.mailMergeStart'>,
  job: Job,
  output: MergeOutput | null,
  mergeColumns: string[],
  first: IteratorResult<CsvRow>,
  iterator: AsyncIterator<CsvRow>,
  size: number,
): Promise<void> {
  const s = job.status;
  const seen = new FingerprintSet();
  try {
    const compose = await makeComposer(l, input.language, input.format, mergeColumns, session.now(), job.status.jobId);
    for (let next = first; !next.done; next = await iterator.next()) {
      if (job.cancelled) break;
      const { line, row, bytes } = next.value;
      s.rowsRead++;
      if ((s.rowsRead & 1023) === 0) {
        s.progress = size ? Math.min(1, bytes / size) : 0;
        s.messagesPerSecond = Math.round(s.written / ((performance.now() - job.started) / 1000));
      }
      const bad = rowProblem(input.format, row, mergeColumns);
      const firstLine = bad ? 0 : seen.addOrGet(addressKey(input.format, row[ADDRESS_COLUMN[input.format]]!), line);
      if (bad || firstLine) {
        s.badRows++;
        if (s.problems.length < MAX_PROBLEMS) {
          const problem = bad?.problem ?? 'duplicate';
          const column = bad?.column ?? ADDRESS_COLUMN[input.format];
          const shown = bad ? bad.value || column : (row[column] ?? '');
          s.problems.push({ line, column, problem, message: PROBLEM_TEXT[problem](problem === 'missingColumn' ? column : shown, String(firstLine)) });
        }
        continue;
      }
      if (output) {
        const message = compose(row, line);
        const pending = output.write(message.name, message.content);
        if (pending) await pending;
      }
      s.written++;
    }
    if (job.cancelled) {
      await iterator.return?.();
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
        output.discard();
        rmSync(s.outputPath!, { recursive: true, force: true });
        throw error;
      }
    }
    finish(job, 'done', session);
  } catch (error) {
    await iterator.return?.().catch(() => undefined);
    output?.discard();
    s.error = error instanceof AppError ? error.message : error instanceof Error ? `The run stopped: ${error.message}` : 'The run stopped';
    finish(job, 'failed', session);
  }
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
  const { rows } = openRecipients(input.source);
  for await (const r of rows) {
    if (r.line < input.line) continue;
    if (r.line > input.line) break;
    const recipient = Object.fromEntries(Object.entries(r.row).map(([k, v]) => [k, v ?? '']));
    const rendered = renderStrict(l, input.language, recipient);
    return { line: r.line, recipient, preview: previewOf(l, rendered, 'email', input.language, session.now()) };
  }
  throw invalid({ line: `No recipient on line ${input.line}` });
}

