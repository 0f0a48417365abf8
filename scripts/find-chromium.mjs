// The Chromium or Chrome the Playwright tests drive (playwright.config.ts). Never Playwright's
// own download ("npx playwright install"), which cannot reach its server from our machines.
// `node scripts/find-chromium.mjs` (npm run test:e2e runs it first) prints the browser it found,
// or one line saying what to install and exits 1, so npm test stops before the e2e step.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The flags the tests and the renderer bench start it with (one home: playwright.config.ts and bench/renderer.ts read them). */
export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--no-sandbox',
];

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** The usual install locations, per platform, in the order we prefer them. */
export function candidates(platform = process.platform, env = process.env) {
  if (platform === 'darwin') {
    return ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(Boolean);
    return roots.flatMap((r) => [join(r, 'Chromium', 'Application', 'chrome.exe'), join(r, 'Google', 'Chrome', 'Application', 'chrome.exe')]);
  }
  const onPath = (env.PATH ?? '').split(delimiter).filter(Boolean).flatMap((dir) => NAMES.map((n) => join(dir, n)));
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium', ...onPath];
}

export function isExecutableFile(path) {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const INSTALL = {
  linux: 'Debian/Ubuntu: sudo apt-get install chromium; Fedora: sudo dnf install chromium',
  darwin: 'Google Chrome or Chromium, in /Applications',
  win32: 'Google Chrome',
};

/** `{ path }` of the browser to use, or `{ path: null, message }` with the one line to print. */
export function findChromium({ env = process.env, platform = process.platform, isExecutable = isExecutableFile } = {}) {
  if (env.DPO_CHROMIUM) {
    return isExecutable(env.DPO_CHROMIUM)
      ? { path: env.DPO_CHROMIUM }
      : { path: null, message: `DPO_CHROMIUM=${env.DPO_CHROMIUM} is not an executable file: point it at a Chromium or Chrome binary, or unset it to use one installed in the usual place.` };
  }
  const path = candidates(platform, env).find((p) => isExecutable(p));
  if (path) return { path };
  return {
    path: null,
    message: `No Chromium or Chrome found for the browser tests. Install one (${INSTALL[platform] ?? 'Chromium or Google Chrome'}) or set DPO_CHROMIUM to its executable.`,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = findChromium();
  if (!found.path) {
    console.error(found.message);
    process.exit(1);
  }
  console.log(`Browser tests use ${found.path}`);
}
