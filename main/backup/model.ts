import type { BackupSchedule } from '../../preload/contract/backups';

/**
 * A .dpobackup file is a POSIX tar (written and read with node-tar: a well-kept, streaming
 * library whose pax headers carry files past 8 GiB) of four entries in this order:
 *   format.json   plaintext {"format":"dpo-backup","formatVersion":1}: what the file is, nothing else
 *   manifest.enc  the manifest (below), AES-256-GCM under a key derived from the database key
 *   vault.key     the vault's key file as it was (the database key wrapped by passphrase and recovery code)
 *   vault.db      the database, page-encrypted as in the vault (attachments live inside it)
 * The small entries come first so that a preview reads a few kilobytes, never the database.
 * Nothing in the file is readable without the passphrase or the recovery code, the manifest's
 * counts included.
 */
export const BACKUP_FORMAT = 'dpo-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const ENTRY = { format: 'format.json', manifest: 'manifest.enc', key: 'vault.key', db: 'vault.db' } as const;
export const ENTRY_ORDER = [ENTRY.format, ENTRY.manifest, ENTRY.key, ENTRY.db] as const;

/** Automatic backups are named so that rotation can tell them from the DPO's own files. */
export const AUTO_PREFIX = 'dpo-vault-';
export const AUTO_PATTERN = /^dpo-vault-(\d{8}T\d{6}Z)\.dpobackup$/;
/** What a killed backup leaves behind (never a final name): removed by the next run in that folder. */
export const PARTIAL_PATTERN = /\.dpobackup\.partial-[0-9a-f]{8}$/;

export const DEFAULT_SCHEDULE: BackupSchedule = { folder: null, intervalHours: 24, keep: 7, warnAfterDays: 7 };

/** The settings key automatic backups are kept under (not in `settings`: the folder is set only through a grant). */
export const SCHEDULE_KEY = 'backups';
export const STATE_KEY = 'backups.state';
