// Where the electron package's binary would be, without triggering its download-on-first-use.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function electronBinary() {
  try {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return { path: null, reason: 'the Electron binary was never downloaded (node_modules/electron/path.txt is missing)' };
    const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist'), readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? { path: binary, reason: null } : { path: null, reason: `the Electron binary is missing at ${binary}` };
  } catch {
    return { path: null, reason: 'the electron package is not installed' };
  }
}
