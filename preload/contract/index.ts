import type { z } from 'zod';
import { appChannels } from './app';
import { attachmentsChannels } from './attachments';
import { auditChannels } from './audit';
import { backupsChannels } from './backups';
import { calendarChannels } from './calendar';
import { deadlinesChannels } from './deadlines';
import { exportsChannels } from './exports';
import { filesChannels } from './files';
import { governanceChannels } from './governance';
import { inboxChannels } from './inbox';
import { incidentsChannels } from './incidents';
import { jobsChannels } from './jobs';
import { linksChannels } from './links';
import { noticesChannels } from './notices';
import { overviewChannels } from './overview';
import { assessmentChannels } from './assessment';
import { rulesChannels } from './rules';
import { searchChannels } from './search';
import { settingsChannels } from './settings';
import { transfersChannels } from './transfers';
import { vaultChannels } from './vault';
import type { Result } from './result';

export interface ChannelSpec {
  input: z.ZodType;
  output: z.ZodType;
}

/**
 * The one API contract. main's handler table, the Electron IPC registration, the HTTP routes
 * and the renderer client are all derived from this object, so a channel cannot exist on one
 * side only.
 */
export const contract = {
  ...appChannels,
  ...vaultChannels,
  ...filesChannels,
  ...settingsChannels,
  ...jobsChannels,
  ...auditChannels,
  ...searchChannels,
  ...calendarChannels,
  ...deadlinesChannels,
  ...incidentsChannels,
  ...noticesChannels,
  ...transfersChannels,
  ...inboxChannels,
  ...exportsChannels,
  ...rulesChannels,
  ...governanceChannels,
  ...linksChannels,
  ...attachmentsChannels,
  ...backupsChannels,
  ...overviewChannels,
  ...assessmentChannels,
} as const satisfies Record<string, ChannelSpec>;

export type Contract = typeof contract;
export type Channel = keyof Contract & string;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

export const channels = Object.keys(contract) as Channel[];

/** What the renderer holds as `window.dpo`, under Electron and under the HTTP host alike. */
export interface DpoClient {
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>>;
  /** Pushed events from main (lock, deadline alerts). Returns an unsubscribe function. */
  onEvent(listener: (event: DpoEvent) => void): () => void;
  readonly host: 'electron' | 'http';
}

export type DpoEvent =
  | { type: 'locked'; reason: 'user' | 'idle' | 'menu' | 'restore' }
  | { type: 'deadlineAlert'; deadlineId: string; state: 'dueSoon' | 'overdue'; title: string };

export type { Result, AppErrorDto, ErrorCode } from './result';
