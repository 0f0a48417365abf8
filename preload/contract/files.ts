import { z } from 'zod';
import { Empty } from './common';

/**
 * What a file is for. The purpose fixes which extensions and sizes main accepts, so a grant
 * for a recipients CSV can never be used to read a key file or write over a backup.
 */
export const FilePurpose = z.enum([
  'recipients',
  'mergeOutput',
  'emlImport',
  'calendar',
  'rulePack',
  'backup',
  'attachment',
  'export',
  'auditExport',
]);
export type FilePurpose = z.infer<typeof FilePurpose>;

/**
 * open: read an existing regular file; save: write a new file; folder: create a new folder;
 * directory: an existing folder to write files into (automatic backups).
 */
export const FileMode = z.enum(['open', 'save', 'folder', 'directory']);
export type FileMode = z.infer<typeof FileMode>;

/** A path main has checked and remembers; the renderer only ever holds the grant's id. */
export const FileGrant = z.object({
  grantId: z.string(),
  purpose: FilePurpose,
  mode: FileMode,
  /** The file or folder name (no directories), for display. */
  name: z.string(),
  /** The full path, for display only: channels take the grantId, never this. */
  displayPath: z.string(),
  /** Bytes, for an opened file. */
  size: z.number().int().nullable(),
});
export type FileGrant = z.infer<typeof FileGrant>;

const SuggestedName = z
  .string()
  .trim()
  .max(255)
  .refine((n) => !/[\\/\0]/.test(n), 'A file name, without folders')
  .optional();

export const FilePick = z
  .object({
    purpose: FilePurpose,
    mode: FileMode,
    suggestedName: SuggestedName,
    /** Extensions to offer in the dialog's filter (without dots); must be allowed for the purpose. */
    extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/)).max(10).optional(),
  })
  .strict();

export const FileGrantPath = z
  .object({
    purpose: FilePurpose,
    mode: FileMode,
    path: z.string().trim().min(1, 'Required').max(4096),
  })
  .strict();

export const FileRoots = z.object({
  /** 'dialog': files come from the system's file dialog (Electron); 'roots': a typed path must lie inside one of `roots` (HTTP host). */
  access: z.enum(['dialog', 'roots']),
  roots: z.array(z.string()),
  /** True when the roots are the built-in defaults (Documents and Downloads) rather than a list set in Settings. */
  defaults: z.boolean(),
});
export type FileRoots = z.infer<typeof FileRoots>;

export const filesChannels = {
  /** Electron: opens the native dialog. Answers `grant: null` when the DPO cancels. */
  'files.pick': { input: FilePick, output: z.object({ grant: FileGrant.nullable() }) },
  /** HTTP host: checks a typed path against the granted folders. Refused (FORBIDDEN) in Electron. */
  'files.grantPath': { input: FileGrantPath, output: FileGrant },
  'files.roots': { input: Empty, output: FileRoots },
} as const;

/** A channel input's reference to a granted file. */
export const GrantRef = z.object({ grantId: z.string().min(1).max(64) }).strict();
