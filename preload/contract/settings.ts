import { z } from 'zod';
import { Empty, Language } from './common';

export const OrganisationProfile = z.object({
  legalName: z.string().trim().min(1, 'Required').max(200),
  registeredAddress: z.string().trim().max(500).default(''),
  /** The legal name and address in English, for English notices and letters (empty: the Chinese ones). */
  legalNameEn: z.string().trim().max(200).default(''),
  registeredAddressEn: z.string().trim().max(500).default(''),
  dpoName: z.string().trim().min(1, 'Required').max(100),
  dpoEmail: z.email('Not a valid e-mail address').max(254),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[+0-9()\-\s]*$/, 'Digits, spaces, +, - and brackets only')
    .default(''),
});
export type OrganisationProfile = z.infer<typeof OrganisationProfile>;
export type OrganisationProfileInput = z.input<typeof OrganisationProfile>;

export const Settings = z.object({
  profile: OrganisationProfile,
  defaultLanguage: Language,
  /** 0 turns auto-lock off. */
  autoLockMinutes: z.number().int().min(0).max(240),
  /** Critical information infrastructure operator: changes incident clocks and transfer routes. */
  ciiOperator: z.boolean(),
  /** A deadline counts as "due soon" inside this many hours. */
  dueSoonHours: z.number().int().min(1).max(24 * 30),
  /** Whether a rights-request clock pauses while identity proof is awaited (policy is silent: off). */
  pauseClockForIdentity: z.boolean(),
  /** Largest attachment accepted, in MB (MiB). */
  attachmentMaxMB: z.number().int().min(1).max(2048),
  /**
   * Folders inside which the HTTP host may read or write a typed path (DESIGN.md: the API is
   * no general file reader). null: the user's Documents and Downloads. The desktop app uses the
   * system's file dialog instead.
   */
  fileRoots: z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .max(4096)
        .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p), 'Give the full path of a folder'),
    )
    .max(20)
    .nullable(),
  /** The zone every instant is shown in (IANA name; checked against the zone database in main). */
  displayZone: z.string().min(1).max(64).regex(/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/, 'Not a time zone name'),
});
export type Settings = z.infer<typeof Settings>;

export const SettingsUpdate = Settings.omit({ profile: true })
  .partial()
  .extend({ profile: OrganisationProfile.partial().optional() })
  .strict();
export type SettingsUpdate = z.infer<typeof SettingsUpdate>;

export const settingsChannels = {
  'settings.get': { input: Empty, output: Settings },
  'settings.update': { input: SettingsUpdate, output: Settings },
} as const;
