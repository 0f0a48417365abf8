import { z } from 'zod';
import { Empty } from './common';

/** What build of the app is running: shown in Settings → About, written into backups and evidence packs. */
export const AppInfo = z.object({
  /** The app's version (package.json), e.g. 0.1.0. */
  version: z.string(),
  /** The highest vault migration this build knows (the vault's user_version after unlock). */
  schemaVersion: z.number().int().nonnegative(),
  /** A short id of the exact build: the commit it was built from ("+dirty" with local changes), "dev" from source. */
  buildId: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const appChannels = {
  'app.info': { input: Empty, output: AppInfo },
} as const;
