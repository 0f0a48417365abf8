import type { Output, ParsedInput } from '../../preload/contract';
import type { backupsChannels } from '../../preload/contract/backups';
import { AppError, problem } from '../shared/errors';
import type { VaultManager } from '../vault/service';
import { startBackup } from './backup';
import { startRestore, inspectBackup } from './restore';
import { backupStatus, configureBackups, startAutomaticBackup } from './schedule';

type BackupChannel = keyof typeof backupsChannels;

/**
 * Backup channels need the vault itself, not only a session: restore runs while no vault is
 * unlocked (a new laptop), and a backup reads the vault's files and key.
 */
export function backupHandlers(vault: VaultManager): {
  [C in BackupChannel]: (input: ParsedInput<C>) => Output<C> | Promise<Output<C>>;
} {
  const session = () => {
    vault.touch();
    return vault.session();
  };
  return {
    'vault.backup': (input) => {
      const s = session();
      const target = s.files.resolve(input.grantId, { purpose: 'backup', modes: ['save'], field: 'grantId' });
      if (target.overwrite) throw new AppError('CONFLICT', problem('newBackupName'));
      return startBackup(vault, s, { path: target.path, automatic: false });
    },
    'vault.inspectBackup': (input) => inspectBackup(vault, input),
    'vault.restore': (input) => startRestore(vault, input.inspectionId),
    'vault.restoreStatus': (input) => {
      const job = vault.jobs.status(input.jobId);
      if (job.kind !== 'vault.restore') throw new AppError('NOT_FOUND', `Restore ${input.jobId} was not found`);
      return job;
    },
    'backups.get': () => backupStatus(vault.session()),
    'backups.configure': (input) => configureBackups(session(), input),
    'backups.runNow': () => startAutomaticBackup(vault, session()),
  };
}
