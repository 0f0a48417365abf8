// npm test's packaging check, offline: electron-builder `--linux dir` with the project's own
// electron-builder.yml around a stand-in Electron, so everything about the package that does not
// need the Electron binary is built and then tested (test/package/). It differs from
// `npm run dist` in four settings only: electronDist (the stand-in), the native module's source
// (node_modules' Node-ABI build instead of native-electron/'s Electron-ABI one, so the smoke run
// under Node can load it), the target (an unpacked folder) and the output folder.
// Output: out/package/linux-unpacked. Needs `npm run build` first.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, Platform } from 'electron-builder';
import { parse } from 'yaml';

const root = resolve(import.meta.dirname, '..');
export const PACKAGE_DIR = join(root, 'out', 'package');
const NATIVE = 'native/better_sqlite3.node';

// Electron's fuse wire as @electron/fuses finds it: a sentinel, the wire version, its length,
// then one byte per fuse ('1' on, '0' off). The stand-in carries Electron's defaults, so a fuse
// electron-builder fails to flip reads back as the unsafe default.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ELECTRON_DEFAULT_FUSES = '10110001'; // RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect, AsarIntegrity, OnlyLoadAppFromAsar, V8Snapshot, FileProtocolPrivileges

function writeStandInElectron(dir) {
  mkdirSync(dir, { recursive: true });
  const script = '#!/bin/sh\necho "stand-in for the Electron binary (npm test packaging check): it cannot run the app" >&2\nexit 1\n';
  const wire = Buffer.concat([Buffer.from(`# ${FUSE_SENTINEL}`), Buffer.from([1, ELECTRON_DEFAULT_FUSES.length]), Buffer.from(ELECTRON_DEFAULT_FUSES), Buffer.from('\n')]);
  writeFileSync(join(dir, 'electron'), Buffer.concat([Buffer.from(script), wire]));
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'LICENSE'), 'Stand-in: no Electron binary is packaged by this check.\n');
}

export function offlineConfig(config, { electronDist, nodeAbiBinding, outputDir }) {
  const extraResources = (config.extraResources ?? []).map((entry) =>
    typeof entry === 'object' && entry.to === NATIVE ? { ...entry, from: nodeAbiBinding } : entry,
  );
  if (!extraResources.some((e) => e.to === NATIVE)) throw new Error(`electron-builder.yml must copy the native module to ${NATIVE}`);
  return { ...config, electronDist, extraResources, directories: { ...config.directories, output: outputDir } };
}

async function main() {
  if (!existsSync(join(root, 'out', 'main', 'electron.cjs'))) {
    console.error('package-offline: out/main/electron.cjs is missing: run `npm run build` first.');
    process.exit(1);
  }
  const started = Date.now();
  rmSync(PACKAGE_DIR, { recursive: true, force: true });
  const electronDist = join(PACKAGE_DIR, 'electron-stand-in');
  writeStandInElectron(electronDist);
  const nodeAbiBinding = join(root, 'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node');
  if (!existsSync(nodeAbiBinding)) throw new Error(`the Node-ABI SQLite module is missing at ${nodeAbiBinding} (npm ci builds it)`);
  const config = offlineConfig(parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')), { electronDist, nodeAbiBinding, outputDir: PACKAGE_DIR });
  // A file, not an object: electron-builder merges an object into electron-builder.yml, which would keep native-electron/.
  const configFile = join(PACKAGE_DIR, 'electron-builder.offline.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  await build({ projectDir: root, config: configFile, targets: Platform.LINUX.createTarget('dir'), publish: 'never' });
  const resources = join(PACKAGE_DIR, 'linux-unpacked', 'resources');
  const asarBytes = statSync(join(resources, 'app.asar')).size;
  const nativeBytes = statSync(join(resources, NATIVE)).size;
  const mib = (n) => (n / 1024 / 1024).toFixed(2);
  console.log(`package-offline: ${PACKAGE_DIR}/linux-unpacked in ${((Date.now() - started) / 1000).toFixed(1)} s — app.asar ${mib(asarBytes)} MiB, ${NATIVE} ${mib(nativeBytes)} MiB`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
