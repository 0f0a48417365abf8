// Release job only (`npm run dist`): builds better-sqlite3-multiple-ciphers for Electron's ABI
// into native-electron/, leaving node_modules' Node build alone for tests and the HTTP host.
// electron-builder copies it into resources/native/ (electron-builder.yml, extraResources).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const work = mkdtempSync(join(tmpdir(), 'dpo-native-'));
try {
  cpSync(join(root, 'node_modules/better-sqlite3-multiple-ciphers'), join(work, 'module'), { recursive: true });
  execFileSync(
    'npx',
    ['--yes', 'node-gyp', 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron'],
    { cwd: join(work, 'module'), stdio: 'inherit' },
  );
  mkdirSync(join(root, 'native-electron'), { recursive: true });
  cpSync(join(work, 'module/build/Release/better_sqlite3.node'), join(root, 'native-electron/better_sqlite3.node'));
  console.log(`native-electron/better_sqlite3.node built for Electron ${electronVersion}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
