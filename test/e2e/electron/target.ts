import { accessSync, constants, existsSync } from 'node:fs';
import { resolve } from 'node:path';
// @ts-expect-error plain .mjs helper shared with scripts/start.mjs
import { electronBinary } from '../../../scripts/electron-binary.mjs';

export interface ElectronTarget {
  executablePath: string | null;
  /** Arguments before ours: the app folder for a development Electron, none for a packaged app. */
  args: string[];
  packaged: boolean;
  reason: string | null;
}

/**
 * What the Electron project launches: the packaged app named by DPO_ELECTRON_APP (the release
 * job sets it to its test copy, see scripts/e2e-app-copy.mjs), else the development Electron on
 * this checkout, else nothing (and the reason).
 */
export function electronTarget(env = process.env): ElectronTarget {
  if (env.DPO_ELECTRON_APP) {
    // Named but missing is a broken release job, not a machine without Electron: fail, don't skip.
    accessSync(env.DPO_ELECTRON_APP, constants.X_OK);
    return { executablePath: env.DPO_ELECTRON_APP, args: [], packaged: true, reason: null };
  }
  const { path, reason } = electronBinary() as { path: string | null; reason: string | null };
  if (!path) return { executablePath: null, args: [], packaged: false, reason };
  // A development Electron opens the vault with native-electron/'s build; node_modules' is Node's ABI.
  if (!existsSync(resolve('native-electron', 'better_sqlite3.node'))) {
    return { executablePath: null, args: [], packaged: false, reason: 'the Electron-ABI SQLite module is missing: run node scripts/rebuild-native-for-electron.mjs' };
  }
  return { executablePath: path, args: [resolve('.')], packaged: false, reason: null };
}
