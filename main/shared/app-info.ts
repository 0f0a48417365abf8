import pkg from '../../package.json';
import { latestVersion } from '../store/migrate';

export interface AppInfo {
  /** The app's release version (package.json). */
  version: string;
  /** The newest schema this build writes (the highest migration number). */
  schemaVersion: number;
  /** A short id of the build (set at build time; "dev" when running from source). */
  buildId: string;
}

declare const __DPO_BUILD_ID__: string | undefined;

/** What backups, evidence packs and Settings → About say about the app that made them. */
export function appInfo(): AppInfo {
  const buildId = typeof __DPO_BUILD_ID__ === 'string' ? __DPO_BUILD_ID__ : 'dev';
  return { version: pkg.version, schemaVersion: latestVersion(), buildId };
}
