import type { FileMode, FilePurpose } from '../../preload/contract/files';

export interface PurposeRule {
  /** Extensions accepted (lower case, no dot); null accepts any name. */
  extensions: readonly string[] | null;
  /** The modes the purpose may be granted in. */
  modes: readonly FileMode[];
  /** Largest file an `open` grant accepts, in bytes; null = no limit at grant time (the consumer streams it). */
  maxOpenBytes: number | null;
}

const MiB = 1024 * 1024;

/** One definition of what each purpose may touch; the grant check and the dialogs' filters both read it. */
export const PURPOSES: Record<FilePurpose, PurposeRule> = {
  recipients: { extensions: ['csv', 'txt'], modes: ['open'], maxOpenBytes: null },
  mergeOutput: { extensions: ['mbox', 'csv'], modes: ['save', 'folder'], maxOpenBytes: null },
  emlImport: { extensions: ['eml'], modes: ['open'], maxOpenBytes: null },
  calendar: { extensions: ['json', 'csv'], modes: ['open', 'save'], maxOpenBytes: 5 * MiB },
  rulePack: { extensions: ['json'], modes: ['open', 'save'], maxOpenBytes: 20 * MiB },
  backup: { extensions: ['dpobackup'], modes: ['open', 'save', 'folder', 'directory'], maxOpenBytes: null },
  attachment: { extensions: null, modes: ['open', 'save'], maxOpenBytes: null },
  export: { extensions: ['csv', 'xlsx', 'zip', 'jsonl', 'json', 'pdf', 'txt'], modes: ['save'], maxOpenBytes: null },
  /** An exported audit log read back to check it against the vault (audit.verifyExport); streamed. */
  auditExport: { extensions: ['jsonl', 'csv'], modes: ['open'], maxOpenBytes: null },
};

/** At most this many live grants; the oldest go first (a grant is cheap to ask for again). */
export const MAX_GRANTS = 1000;
