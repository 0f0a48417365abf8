import { z } from 'zod';
import { contract, type Channel, type Output, type ParsedInput } from '../preload/contract';
import type { appChannels } from '../preload/contract/app';
import type { backupsChannels } from '../preload/contract/backups';
import type { filesChannels } from '../preload/contract/files';
import type { AppErrorDto, Result } from '../preload/contract/result';
import { BACKGROUND_CHANNELS, type vaultChannels } from '../preload/contract/vault';
import { attachmentsHandlers } from './attachments/handlers';
import { vaultAttachments } from './attachments/pack-provider';
import { useAttachmentProvider } from './exports/pack/attachments';
import { auditHandlers } from './audit/handlers';
import { backupHandlers } from './backup/handlers';
import { calendarHandlers } from './calendar/handlers';
import { deadlinesHandlers } from './deadlines/handlers';
import { exportsHandlers } from './exports/handlers';
import { filesHandlers } from './files/handlers';
import { governanceHandlers } from './governance/handlers';
import { inboxHandlers } from './inbox/handlers';
import { incidentsHandlers } from './incidents/handlers';
import { jobsHandlers } from './jobs/handlers';
import { noticesHandlers } from './notices/handlers';
import { overviewHandlers } from './overview/handlers';
import { assessmentHandlers } from './incidents/assessment/handlers';
import { rulesHandlers } from './rules/handlers';
import { linksHandlers } from './records/handlers';
import { searchHandlers } from './search/handlers';
import { settingsHandlers } from './settings/handlers';
import { appInfo } from './shared/app-info';
import { AppError, diskFullOr } from './shared/errors';
import { fieldMap, guardInput } from './shared/input-guard';
import { zodIssueProblem } from './shared/zod-problems';
import { problem, sayProblem, type Problem } from '../preload/contract/problems';
import type { SessionHandler } from './shared/handlers';
import type { Session } from './shared/session';
import type { AuditService } from './audit/service';
import { transfersHandlers } from './transfers/handlers';
import { vaultHandlers } from './vault/handlers';
import { installRecordPorts } from './ports';
import type { VaultManager } from './vault/service';

installRecordPorts();

// Channels that need no unlocked session: the vault's own, file choice, what build this is, backup and restore.
type OpenChannel = keyof typeof vaultChannels | keyof typeof filesChannels | keyof typeof appChannels | keyof typeof backupsChannels;
type SessionChannel = Exclude<Channel, OpenChannel>;

// The compiler proves every non-vault channel of the contract has exactly one handler.
const sessionHandlers = {
  ...settingsHandlers,
  ...jobsHandlers,
  ...auditHandlers,
  ...searchHandlers,
  ...calendarHandlers,
  ...deadlinesHandlers,
  ...incidentsHandlers,
  ...noticesHandlers,
  ...transfersHandlers,
  ...inboxHandlers,
  ...exportsHandlers,
  ...rulesHandlers,
  ...governanceHandlers,
  ...linksHandlers,
  ...attachmentsHandlers,
  ...overviewHandlers,
  ...assessmentHandlers,
} satisfies { [C in SessionChannel]: SessionHandler<C> };

export interface ApiOptions {
  /** Check every output against the contract too (tests turn this on). */
  validateOutputs?: boolean;
  /** Where internal failures are logged; never sent to the renderer. */
  logError?: (channel: string, error: unknown) => void;
}

export type ApiCall = (channel: string, input: unknown) => Promise<Result<unknown>>;

/** Maps each channel to its handler and turns every failure into a result value. */
export function createApi(vault: VaultManager, options: ApiOptions = {}): ApiCall {
  // Evidence packs read the files stored in the vault (main/exports/pack/attachments.ts).
  useAttachmentProvider(vaultAttachments);
  const logError = options.logError ?? ((channel, error) => console.error(`[api] ${channel} failed:`, error));
  // Channels that need no unlocked session: the vault's own, file choice, what build this is, backup and restore.
  const vaultTable = { ...vaultHandlers(vault), ...filesHandlers(vault.files), 'app.info': () => appInfo(), ...backupHandlers(vault) };

  return async function call(channel, rawInput) {
    if (!Object.hasOwn(contract, channel)) {
      return failure({ code: 'NOT_FOUND', message: `Unknown channel: ${channel}` });
    }
    const spec = contract[channel as Channel];
    try {
      // One walk for every channel before its schema: broken Unicode and reserved keys are
      // refused by field, and every string is normalised once (main/shared/input-guard.ts).
      const guarded = guardInput(rawInput ?? {});
      if (!guarded.ok) return failure(validationFailure(guarded.fields));
      const parsed = spec.input.safeParse(guarded.value);
      if (!parsed.success) return failure(validationError(parsed.error, guarded.value));
      let value: unknown;
      let wrote = false;
      if (channel in vaultTable) {
        value = await (vaultTable as Record<string, (input: unknown) => unknown>)[channel](parsed.data);
      } else {
        if (!BACKGROUND_CHANNELS.has(channel)) vault.touch();
        const session = vault.session();
        const handler = (sessionHandlers as Record<string, SessionHandler<SessionChannel>>)[channel];
        const head = auditHead(session);
        value = await handler(parsed.data as ParsedInput<SessionChannel>, session);
        wrote = auditHead(session) !== head;
      }
      if (options.validateOutputs) spec.output.parse(value);
      return wrote ? { ok: true, value: value as Output<Channel>, wrote: true } : { ok: true, value: value as Output<Channel> };
    } catch (thrown) {
      const error = diskFullOr(thrown);
      if (error instanceof AppError) {
        return failure({
          code: error.code,
          message: error.message,
          ...(error.fields ? { fields: fieldMap(Object.entries(error.fields)) } : {}),
          ...(error.problems ? { problems: fieldMap(Object.entries(error.problems)) } : {}),
          ...(error.problem ? { problem: error.problem } : {}),
        });
      }
      if (error instanceof z.ZodError) return failure(validationError(error));
      logError(channel, error);
      return failure({ code: 'INTERNAL', message: 'Something went wrong inside the app. Nothing was changed; please try again.' });
    }
  };
}

const failure = (error: AppErrorDto): Result<never> => ({ ok: false, error });

// Every write appends its audit entry (DESIGN.md), so a moved audit head means the call wrote.
const auditHead = (session: Session): number => (session.audit as AuditService).headSeq();

export function validationError(error: z.ZodError, input?: unknown): AppErrorDto {
  // No prototype: a field named "__proto__" or "constructor" is a key like any other.
  const fields = fieldMap();
  const problems = fieldMap<Problem>();
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      // Name each unknown field rather than the whole input.
      for (const key of issue.keys) {
        const at = path ? `${path}.${key}` : key;
        if (at in fields) continue;
        fields[at] = 'Unknown field';
        problems[at] = problem('unknownField');
      }
      continue;
    }
    const at = path || '(input)';
    if (at in fields) continue;
    // zod's own English stays in `fields` (logs, tests); the problem is what the DPO reads.
    fields[at] = issue.message;
    problems[at] = zodIssueProblem(issue, input);
  }
  return { code: 'VALIDATION', message: `Please check: ${Object.keys(fields).join(', ')}`, fields, problems };
}

function validationFailure(problems: Record<string, Problem>): AppErrorDto {
  const fields = fieldMap(Object.entries(problems).map(([k, p]) => [k, sayProblem(p)] as const));
  return { code: 'VALIDATION', message: `Please check: ${Object.keys(fields).join(', ')}`, fields, problems };
}
