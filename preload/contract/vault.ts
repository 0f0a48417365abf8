import { z } from 'zod';
import { Empty } from './common';
import { OrganisationProfile } from './settings';

export const Passphrase = z
  .string()
  .min(12, 'At least 12 characters')
  .max(1024, 'At most 1024 characters');

export const VaultState = z.enum(['none', 'locked', 'unlocked']);
export const VaultStatus = z.object({ state: VaultState });
export type VaultStatus = z.infer<typeof VaultStatus>;

export const VaultCreate = z
  .object({ passphrase: Passphrase, profile: OrganisationProfile })
  .strict();
export const VaultCreated = z.object({ recoveryCode: z.string() });

/** One of the two secrets: the passphrase, or the one-time recovery code. */
export const VaultUnlock = z
  .object({
    passphrase: z.string().min(1, 'Required').max(1024).optional(),
    recoveryCode: z.string().min(1, 'Required').max(200).optional(),
  })
  .strict()
  .refine((v) => (v.passphrase === undefined) !== (v.recoveryCode === undefined), {
    message: 'Give either the passphrase or the recovery code',
    path: ['passphrase'],
  });
export type VaultUnlock = z.infer<typeof VaultUnlock>;

export const VaultChangePassphrase = z
  .object({ current: z.string().min(1, 'Required').max(1024), next: Passphrase })
  .strict();

export const PassphraseStrength = z.object({
  score: z.number().int().min(0).max(4),
  /** Stable hint keys the renderer translates. */
  hints: z.array(z.string()),
});

export const vaultChannels = {
  'vault.status': { input: Empty, output: VaultStatus },
  'vault.create': { input: VaultCreate, output: VaultCreated },
  'vault.unlock': { input: VaultUnlock, output: VaultStatus },
  'vault.lock': { input: Empty, output: VaultStatus },
  'vault.changePassphrase': { input: VaultChangePassphrase, output: VaultStatus },
  'vault.passphraseStrength': {
    input: z.object({ passphrase: z.string().max(1024) }).strict(),
    output: PassphraseStrength,
  },
} as const;

/** Channels that work while the vault is locked or absent. */
export const UNLOCKED_NOT_REQUIRED = new Set<string>([
  'app.info',
  'vault.status',
  'vault.create',
  'vault.unlock',
  'vault.lock',
  'vault.passphraseStrength',
  'files.pick',
  'files.grantPath',
  'files.roots',
]);

/** Channels the app polls by itself: they do not count as the DPO's activity for auto-lock. */
export const BACKGROUND_CHANNELS = new Set<string>(['vault.status', 'deadlines.alerts']);
