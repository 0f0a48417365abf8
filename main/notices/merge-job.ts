import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import type { z } from 'zod';
import type { JobInfo } from '../../preload/contract/jobs';
import { MERGE_JOB_KIND, type MergeFormat, type MergeResult, type noticesChannels } from '../../preload/contract/notices';
import { extensionOf } from '../files/rules';
import type { JobContext } from '../jobs/registry';
import { invalid, problem } from '../shared/errors';
import type { Session } from '../shared/session';
import { loadCurrent, previewOf, recordOutput, renderStrict, requireApproved, type Loaded } from './export-service';
import { FingerprintSet } from './fingerprints';
import { FolderOutput, SingleFileOutput, type MergeOutput } from './merge-output';
import { ADDRESS_COLUMN, addressKey, missingHeaderColumns, PROBLEM_TEXT, rowProblem } from './merge-rules';
import { makeComposer } from './merge-message';
import { readHeader, readRecipients, type RecipientInput } from './recipients-csv';
import { mergeFieldsIn } from './rules';
import { parseContent } from './service';

type In<C extends keyof typeof noticesChannels> = z.output<(typeof noticesChannels)[C]['input']>;

/** Bad rows kept in the result for the DPO to read; all are counted. */
const MAX_PROBLEMS = 1000;
const SUFFIX: Record<MergeFormat, string> = { mbox: '.mbox', emlFolder: '', smsText: '-sms.csv', pushText: '-push.csv' };
/** The output each format writes: a new file with this extension, or a new folder. */
const OUTPUT_KIND: Record<MergeFormat, { mode: 'save' | 'folder'; extension: string | null }> = {
  mbox: { mode: 'save', extension: 'mbox' },
  emlFolder: { mode: 'folder', extension: null },
  smsText: { mode: 'save', extension: 'csv' },
  pushText: { mode: 'save', extension: 'csv' },
};

/** The `{{recipient.x}}` columns a notice uses in one language. */
function mergeColumnsOf(l: Loaded, language: 'zh-CN' | 'en'): string[] {
  const r = renderStrict(l, language, undefined, true);
  const names = [r.subject, r.text, r.sms, r.pushTitle, r.pushBody].flatMap(mergeFieldsIn);
  return [...new Set(names.filter((n) => n.startsWith('recipient.')).map((n) => n.slice('recipient.'.length)))];
}

/**
 * A name for the output, unique up front: to the second, plus a random tag, so two runs in the
 * same second never collide (issue 10, item 4). The DPO still chooses where it goes.
 */
export function mergeOutputName(session: Session, input: In<'notices.mergeOutputName'>): { name: string } {
  const l = loadCurrent(session, input.id);
  const stamp = session.now().toISOString().replace(/[-:]/g, '').slice(0, 15);
  return { name: `${l.row.ref}-v${l.version.version}-${input.language}-${stamp}-${randomBytes(3).toString('hex')}${SUFFIX[input.format]}` };
}

/** The recipients a channel input names: a granted file (checked again now) or pasted text. */
function recipientsOf(session: Session, source: In<'notices.mailMergeStart'>['source']): RecipientInput {
  if ('csv' in source) return { csv: source.csv };
  return { path: session.files.resolve(source.grantId, { purpose: 'recipients', modes: ['open'], field: 'source.grantId' }).path };
}

function outputOf(session: Session, input: In<'notices.mailMergeStart'>): string | null {
  if (input.dryRun) return null;
  const field = 'output.grantId';
  if (!input.output) throw invalid({ [field]: problem('chooseOutput') });
  const kind = OUTPUT_KIND[input.format];
  const file = session.files.resolve(input.output.grantId, { purpose: 'mergeOutput', modes: [kind.mode], field });
  if (kind.extension && extensionOf(file.name) !== kind.extension) throw invalid({ [field]: problem('outputExtension', { ext: kind.extension }) });
  return file.path;
}

export async function startMailMerge(session: Session, input: In<'notices.mailMergeStart'>): Promise<JobInfo> {
  const l = loadCurrent(session, input.id);
  if (!input.dryRun) requireApproved(l);
  // A per-recipient "language" column picks that recipient's version (zh-CN or en) among the
  // notice's languages (issue 13); the columns either version needs are asked for.
  const mergeColumns = [...new Set(parseContent(l.version).languages.flatMap((lang) => mergeColumnsOf(l, lang)))];
  const source = recipientsOf(session, input.source);
  const outputPath = outputOf(session, input);
  const header = await readHeader(source);
  const missing = missingHeaderColumns(input.format, header, mergeColumns);
  if (missing.length) {
    throw invalid({ source: problem('csvColumns', { columns: missing.map((c) => `"${c}"`).join(', '), forAddress: ADDRESS_COLUMN[input.format] === missing[0] }) });
  }
  const result: MergeResult = {
    noticeId: l.row.id,
    noticeRef: l.row.ref,
    language: input.language,
    dryRun: input.dryRun,
    format: input.format,
    rowsRead: 0,
    written: 0,
    badRows: 0,
    problems: [],
    outputPath,
    outputId: null,
    sha256: null,
    bytes: 0,
    messagesPerSecond: 0,
  };
  // Reserved now (the name is taken before the job starts) and removed by the job's discard,
  // which the registry runs on cancel, failure and lock.
  const runId = randomBytes(8).toString('hex');
  const output = outputPath ? openOutput(input.format, outputPath, runId) : null;
  try {
    return session.jobs.start({
      kind: MERGE_JOB_KIND,
      subject: `${l.row.ref} v${l.version.version} · ${input.language}`,
      run: (ctx) => run(session, l, input, source, result, output, mergeColumns, runId, ctx),
      discard: () => output?.discard(),
    });
  } catch (error) {
    output?.discard();
    throw error;
  }
}

function openOutput(format: MergeFormat, path: string, runId: string): MergeOutput {
  if (format === 'emlFolder') return new FolderOutput(path, runId);
  if (format === 'smsText') return new SingleFileOutput(path, runId, '\ufeffline,phone,segments,text\r\n');
  if (format === 'pushText') return new SingleFileOutput(path, runId, '\ufeffline,userId,title,body\r\n');
  return new SingleFileOutput(path, runId, '', 'latin1');
}

/** A recipient's language column ("zh", "zh-CN", "中文", "en", "English"…) → a language the notice is sent in. */
export function recipientLanguage(value: string | undefined, languages: readonly string[]): 'zh-CN' | 'en' | null {
  const v = (value ?? '').trim().toLowerCase();
  const lang = /^(zh|zh-cn|zh_cn|cn|chinese|中文|简体中文|汉语)$/.test(v) ? 'zh-CN' : /^(en|en-us|en-gb|english|英文|英语)$/.test(v) ? 'en' : null;
  return lang && languages.includes(lang) ? lang : null;
}

async function run(
  session: Session,
  l: Loaded,
  input: In<'notices.mailMergeStart'>,
  source: RecipientInput,
  s: MergeResult,
  output: MergeOutput | null,
  mergeColumns: string[],
  runId: string,
  ctx: JobContext,
): Promise<MergeResult> {
  ctx.report(s);
  const languages = parseContent(l.version).languages;
  const started = performance.now();
  const stopped = () => ctx.signal.aborted;
  // Sized up front from the file (~32 bytes a row), so memory stays flat during the run rather than growing with it.
  const seen = new FingerprintSet(fingerprintCapacity(source));
  const addressColumn = ADDRESS_COLUMN[input.format];
  const wanted = [...new Set([addressColumn, 'name', 'language', ...mergeColumns])];
  let index: number[] = [];
  let reader: ReturnType<typeof readRecipients> | null = null;
  const rate = () => Math.round(s.written / Math.max(0.001, (performance.now() - started) / 1000));
  // One row object for the whole run, its fields overwritten per row (nothing keeps it: the
  // composer and the writer copy what they need before the next row). No prototype: a CSV column
  // may be called "__proto__" or "constructor".
  const row = Object.create(null) as Record<string, string | undefined>;
  try {
    const composers = new Map<string, Awaited<ReturnType<typeof makeComposer>>>();
    if (output) for (const lang of new Set([input.language, ...languages])) composers.set(lang, await makeComposer(l, lang, input.format, mergeColumns, session.now(), runId));
    const compose = output ? (row: Record<string, string | undefined>, line: number) => composers.get(recipientLanguage(row.language, languages) ?? input.language)!(row, line) : null;
    reader = readRecipients(
      source,
      (columns) => (index = wanted.map((c) => columns.indexOf(c))),
      ({ line, values }) => {
        if (stopped()) return reader!.stop();
        s.rowsRead++;
        if ((s.rowsRead & 1023) === 0) {
          ctx.progress(reader!.bytes(), reader!.size);
          s.messagesPerSecond = rate();
        }
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
    s.messagesPerSecond = rate();
    if (stopped()) return s;
    ctx.progress(reader.size, reader.size);
    if (output) {
      const done = await output.finish();
      if (stopped()) return s;
      s.sha256 = done.sha256;
      s.bytes = done.bytes;
      const fileName = s.outputPath!.split(/[\\/]/).pop()!;
      // Not recorded, not kept: an output the audit log does not know of must not exist (the
      // registry's discard removes it when this throws).
      s.outputId = recordOutput(session, l, { format: input.format, language: input.language, fileName, path: s.outputPath, bytes: null, sha256: done.sha256, size: done.bytes, messages: s.written }).outputId;
      output.commit();
    }
    return s;
  } catch (error) {
    reader?.stop();
    throw error;
  }
}

function fingerprintCapacity(source: RecipientInput): number {
  const bytes = 'path' in source ? statSync(source.path).size : source.csv.length;
  let capacity = 1 << 16;
  while (capacity < (bytes / 32) * 2 && capacity < 1 << 22) capacity <<= 1;
  return capacity;
}

/** Shows the notice as one recipient of the CSV will get it. */
export async function mergePreview(session: Session, input: In<'notices.mergePreview'>) {
  const l = loadCurrent(session, input.id);
  const source = recipientsOf(session, input.source);
  let columns: string[] = [];
  let found: Record<string, string> | null = null;
  const reader = readRecipients(
    source,
    (c) => (columns = c),
    ({ line, values }) => {
      if (line < input.line) return;
      if (line === input.line) {
        const recipient = Object.create(null) as Record<string, string>;
        columns.forEach((c, i) => (recipient[c] = values[i] ?? ''));
        found = recipient;
      }
      reader.stop();
    },
  );
  await reader.done;
  if (!found) throw invalid({ line: problem('noRecipientOnLine', { line: input.line }) });
  const rendered = renderStrict(l, input.language, found);
  return { line: input.line, recipient: { ...(found as Record<string, string>) }, preview: previewOf(l, rendered, 'email', input.language, session.now()) };
}
