import { z } from 'zod';
import { Id, Language } from './common';
import { DeadlinesListInput } from './deadlines';
import { InboxList } from './inbox';
import { ListIncidents } from './incidents';
import { JobInfo } from './jobs';
import { NoticeListInput } from './notices';
import { TransferFilters } from './transfers';

// Evidence out (issue 12): registers as CSV/XLSX, and evidence packs (.zip with a PDF report).
// Both are session jobs (jobs.status / jobs.cancel); the file goes to a grant of purpose 'export'.

export const RegisterFormat = z.enum(['csv', 'xlsx']);
export type RegisterFormat = z.infer<typeof RegisterFormat>;

const common = { format: RegisterFormat, language: Language.default('zh-CN'), grantId: Id };
const noPaging = { cursor: true, limit: true } as const;

/** Each register takes its list's own filters (the export is what the list shows). */
export const RegisterExport = z.discriminatedUnion('register', [
  z.object({ register: z.literal('incidents'), filter: ListIncidents.omit(noPaging).default({ sort: 'discovered' }), ...common }).strict(),
  z.object({ register: z.literal('notices'), filter: NoticeListInput.omit(noPaging).default({}), ...common }).strict(),
  z.object({ register: z.literal('transfers'), filter: TransferFilters.default({}), ...common }).strict(),
  z.object({ register: z.literal('requests'), filter: InboxList.omit(noPaging).default({}), ...common }).strict(),
  z.object({ register: z.literal('deadlines'), filter: DeadlinesListInput.omit(noPaging).default({}), ...common }).strict(),
  z
    .object({
      register: z.literal('audit'),
      filter: z.object({ entity: z.string().max(64).optional(), entityId: z.string().max(64).optional() }).strict().default({}),
      ...common,
    })
    .strict(),
]);
export type RegisterExport = z.input<typeof RegisterExport>;
export type RegisterName = RegisterExport['register'];

/** The report's language: one of the two, or both side by side. */
export const PackLanguage = z.enum(['zh-CN', 'en', 'bilingual']);
export type PackLanguage = z.infer<typeof PackLanguage>;

export const PackKind = z.enum(['incident', 'transfer', 'request']);
export type PackKind = z.infer<typeof PackKind>;

export const PackExport = z.object({ kind: PackKind, id: Id, language: PackLanguage.default('bilingual'), grantId: Id }).strict();

/** What a finished export job's `result` holds. */
export const ExportResult = z.object({ fileName: z.string(), sha256: z.string(), bytes: z.number().int(), rows: z.number().int().optional(), files: z.number().int().optional() });
export type ExportResult = z.infer<typeof ExportResult>;

export const exportsChannels = {
  'exports.register': { input: RegisterExport, output: JobInfo },
  'exports.pack': { input: PackExport, output: JobInfo },
} as const;
