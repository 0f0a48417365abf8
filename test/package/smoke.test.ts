import { extractAll } from '@electron/asar';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeElectron } from '../helpers/fake-electron';
import { ASAR, requirePackage, RESOURCES, ROOT } from './layout';

// The packaged main bundle, run from the extracted app.asar under Node with the stand-in electron
// module and process.resourcesPath at the packaged resources: the packaged layout must resolve
// every file and the native binding by itself (node_modules' Node-ABI copy of the SQLite module
// stands in for the Electron-ABI build that the release job puts in the same place).
const PASSPHRASE = 'packaged smoke passphrase 42';
const PROFILE = { legalName: '北京智言科技有限公司', dpoName: 'Li Wei', dpoEmail: 'dpo@example.cn' };

let work: string;
let appRoot: string;
let dataDir: string;
let fake: ReturnType<typeof fakeElectron>;
let host: { vault: { close(): void; status(): string } };
const resourcesPathBefore = process.resourcesPath;

beforeAll(async () => {
  requirePackage();
  work = mkdtempSync(join(tmpdir(), 'dpo-packaged-'));
  appRoot = join(work, 'app.asar');
  dataDir = join(work, 'vault');
  extractAll(ASAR, appRoot);
  (process as { resourcesPath?: string }).resourcesPath = RESOURCES;
  const requireFromApp = createRequire(join(appRoot, 'package.json'));
  const main = JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')).main;
  const bundle = requireFromApp(`./${main}`);
  fake = fakeElectron({ isPackaged: true });
  // The bundle's own entry, with its own __dirname: paths come from the packaged layout.
  host = await bundle.launch(fake.electron, undefined, [process.execPath, '--data-dir', dataDir]);
});

afterAll(() => {
  host?.vault.close();
  (process as { resourcesPath?: string }).resourcesPath = resourcesPathBefore;
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packaged main bundle, started from the extracted app.asar', () => {
  it('finds the SQLite module inside the package, not in the source tree', () => {
    const resolved = createRequire(join(appRoot, 'package.json')).resolve('better-sqlite3-multiple-ciphers');
    expect(resolved.startsWith(appRoot)).toBe(true);
    expect(resolved.startsWith(ROOT)).toBe(false);
  });

  it('opens its window on the packaged preload, DevTools off, from app://', () => {
    const { options, url } = fake.windows[0];
    expect(options.webPreferences.preload).toBe(join(appRoot, 'out', 'preload', 'index.cjs'));
    expect(existsSync(options.webPreferences.preload)).toBe(true);
    expect(options.webPreferences.devTools).toBe(false);
    expect(url).toBe('app://dpo/index.html');
  });

  it('creates a vault, locks it and unlocks it again, through IPC', async () => {
    expect(await fake.invoke('vault.status')).toEqual({ ok: true, value: { state: 'none' } });
    const created = await fake.invoke('vault.create', { passphrase: PASSPHRASE, profile: PROFILE });
    expect(created).toMatchObject({ ok: true, value: { recoveryCode: expect.stringMatching(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/) } });
    expect(existsSync(join(dataDir, 'vault.db'))).toBe(true);

    expect(await fake.invoke('vault.lock')).toEqual({ ok: true, value: { state: 'locked' } });
    expect(await fake.invoke('settings.get')).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await fake.invoke('vault.unlock', { passphrase: 'not the passphrase at all' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    // The unlock that follows a wrong try says so (issue 11: failed attempts are counted, times only).
    expect(await fake.invoke('vault.unlock', { passphrase: PASSPHRASE })).toEqual({ ok: true, value: { state: 'unlocked', failedUnlocks: { count: 1, firstAt: expect.any(String), lastAt: expect.any(String) } } });
    expect(await fake.invoke('settings.get')).toMatchObject({ ok: true, value: { profile: { legalName: PROFILE.legalName } } });
  });

  it('loaded the native binding from resources/native/', () => {
    // Linux shows a process's loaded libraries in /proc/self/maps (this check runs where the package is built: Linux).
    const maps = readFileSync('/proc/self/maps', 'utf8');
    expect(maps).toContain(join(RESOURCES, 'native', 'better_sqlite3.node'));
  });

  it('reports the build it is (version and build id from the build, not "dev")', async () => {
    const info = await fake.invoke('app.info');
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    expect(info).toMatchObject({ ok: true, value: { version, buildId: expect.not.stringMatching(/^dev$/) } });
  });

  it('serves the renderer and every file it loads over app://, with the CSP', async () => {
    const page = await fake.fetchApp('app://dpo/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await page.text();
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    const assets = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      const res = await fake.fetchApp(`app://dpo/${asset}`);
      expect(res.status, asset).toBe(200);
      expect(res.headers.get('content-type'), asset).toMatch(asset.endsWith('.js') ? /^text\/javascript/ : /^text\/css/);
      expect((await res.arrayBuffer()).byteLength, asset).toBeGreaterThan(1000);
    }
    expect((await fake.fetchApp('app://dpo/%E0%A4%A')).status).toBe(400);
    expect((await fake.fetchApp('app://dpo/assets/')).status).toBe(404);
  });
});
