// Release job, before the Electron e2e run: Playwright drives Electron through the Node inspector
// (it launches with --inspect=0), which the shipped app's fuses switch off. This copies the
// packaged app and turns that one fuse on in the copy (re-signing it ad hoc on macOS), then
// prints the copy's executable for DPO_ELECTRON_APP. The installers are built from the untouched
// package; the copy is only ever run by the tests.
//   node scripts/e2e-app-copy.mjs <dist/linux-unpacked | dist/win-unpacked | dist/mac*/Name.app> <destination folder>
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

export function executableIn(appPath, productName, executableName) {
  if (appPath.endsWith('.app')) return join(appPath, 'Contents', 'MacOS', productName);
  const exe = join(appPath, `${productName}.exe`);
  return existsSync(exe) ? exe : join(appPath, executableName);
}

export async function makeE2eCopy(source, destinationDir, { productName = 'DPO Workstation', executableName = 'dpo-workstation' } = {}) {
  const from = resolve(source);
  const to = join(resolve(destinationDir), basename(from));
  rmSync(to, { recursive: true, force: true });
  // verbatimSymlinks: a macOS bundle's frameworks are symlinks and must stay so.
  cpSync(from, to, { recursive: true, verbatimSymlinks: true });
  const target = to.endsWith('.app') ? to : executableIn(to, productName, executableName);
  await flipFuses(target, {
    version: FuseVersion.V1,
    [FuseV1Options.EnableNodeCliInspectArguments]: true,
    resetAdHocDarwinSignature: to.endsWith('.app'),
  });
  return executableIn(to, productName, executableName);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [source, destination] = process.argv.slice(2);
  if (!source || !destination) {
    console.error('usage: node scripts/e2e-app-copy.mjs <packaged app folder or .app> <destination folder>');
    process.exit(2);
  }
  console.log(await makeE2eCopy(source, destination));
}
