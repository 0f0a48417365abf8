import * as asar from '@electron/asar';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where scripts/package-offline.mjs leaves the packaged app (electron-builder's linux `dir` target). */
export const ROOT = resolve(import.meta.dirname, '..', '..');
export const APP_DIR = join(ROOT, 'out', 'package', 'linux-unpacked');
export const RESOURCES = join(APP_DIR, 'resources');
export const ASAR = join(RESOURCES, 'app.asar');
/** linux.executableName in electron-builder.yml. */
export const EXECUTABLE = join(APP_DIR, 'dpo-workstation');

export function requirePackage(): void {
  if (!existsSync(ASAR)) throw new Error(`${ASAR} is missing: run \`npm run test:package\` (it builds the package first).`);
}

/** Every path in the archive, without the leading slash. */
export function asarFiles(): string[] {
  return asar.listPackage(ASAR, { isPack: false }).map((p) => p.replace(/^[/\\]/, '').split('\\').join('/'));
}

export const readAsar = (path: string): Buffer => asar.extractFile(ASAR, path);
