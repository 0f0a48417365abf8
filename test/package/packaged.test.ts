import { getCurrentFuseWire } from '@electron/fuses';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { APP_DIR, ASAR, asarFiles, EXECUTABLE, readAsar, requirePackage, RESOURCES, ROOT } from './layout';

// Our part of an installed app: app.asar (today ~2.4 MiB) and resources/native (~2.6 MiB). The
// limits leave room for what is planned (a bundled CJK font for PDFs) and still catch the
// mistakes that matter: the SQLite sources and builds alone are 37 MiB, a stray node_modules more.
const ASAR_LIMIT_MIB = 20;
const RESOURCES_LIMIT_MIB = 32;

const rootPackage = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
let files: string[];
const mib = (bytes: number) => bytes / 1024 / 1024;
const folderBytes = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => sum + (e.isDirectory() ? folderBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);

beforeAll(() => {
  requirePackage();
  files = asarFiles();
});

describe('the packaged app (electron-builder --linux dir, offline)', () => {
  it('holds package.json with the main bundle as its entry, and nothing of the dev setup', () => {
    const pkg = JSON.parse(readAsar('package.json').toString('utf8'));
    expect(pkg).toMatchObject({ name: rootPackage.name, version: rootPackage.version, main: 'out/main/electron.cjs' });
    expect(pkg.devDependencies).toBeUndefined();
    expect(pkg.scripts).toBeUndefined();
    expect(files).toContain(pkg.main);
  });

  it('holds the main, preload and renderer bundles, and every file they load', () => {
    expect(files).toEqual(expect.arrayContaining(['out/main/electron.cjs', 'out/preload/index.cjs', 'out/renderer/index.html']));
    // Each relative require of the main bundle (Vite's shared chunks) is in the archive.
    const mainFiles = files.filter((f) => f.startsWith('out/main/') && f.endsWith('.cjs'));
    for (const file of mainFiles) {
      for (const [, spec] of readAsar(file).toString('utf8').matchAll(/require\("(\.[^"]+)"\)/g)) {
        expect(files, `${file} requires ${spec}`).toContain(join(file, '..', spec));
      }
    }
    // Each script and stylesheet of the page.
    const html = readAsar('out/renderer/index.html').toString('utf8');
    const assets = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) expect(files).toContain(`out/renderer/${asset}`);
  });

  it("holds the production dependency's JavaScript, and only the modules it needs at run time", () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'node_modules/better-sqlite3-multiple-ciphers/package.json',
        'node_modules/better-sqlite3-multiple-ciphers/lib/index.js',
        'node_modules/better-sqlite3-multiple-ciphers/lib/database.js',
        'node_modules/bindings/bindings.js',
      ]),
    );
    const modules = new Set(files.filter((f) => /^node_modules\/[^/]+\//.test(f)).map((f) => f.split('/')[1]));
    expect([...modules].sort()).toEqual(['better-sqlite3-multiple-ciphers', 'bindings', 'file-uri-to-path']);
    for (const dev of Object.keys(rootPackage.devDependencies)) expect(modules.has(dev.split('/')[0]), dev).toBe(false);
  });

  it('holds no source maps, no tests, no sources or builds of the native module, not the HTTP host', () => {
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /(^|\/)(tests?|__tests__|spec)(\/|$)|\.(test|spec)\.[cm]?[jt]sx?$|(^|\/)test\.js$/.test(f))).toEqual([]);
    expect(files.filter((f) => /\.(c|cc|cpp|h|hpp|gyp|gypi|node|a|o)$/.test(f))).toEqual([]);
    expect(files).not.toContain('out/main/http.cjs');
  });

  it('keeps the native module outside the archive, where the host looks for it (resources/native/)', () => {
    expect(existsSync(join(RESOURCES, 'native', 'better_sqlite3.node'))).toBe(true);
    expect(existsSync(join(RESOURCES, 'app.asar.unpacked'))).toBe(false);
    const nodeFiles = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? nodeFiles(join(dir, e.name)) : e.name.endsWith('.node') ? [relative(RESOURCES, join(dir, e.name))] : []));
    expect(nodeFiles(RESOURCES)).toEqual([join('native', 'better_sqlite3.node')]);
  });

  it(`stays under ${ASAR_LIMIT_MIB} MiB of app.asar and ${RESOURCES_LIMIT_MIB} MiB of resources (and says how big it is)`, () => {
    const asarBytes = statSync(ASAR).size;
    const resourcesBytes = folderBytes(RESOURCES);
    console.log(`[package] app.asar ${mib(asarBytes).toFixed(2)} MiB (${files.length} entries); resources/ ${mib(resourcesBytes).toFixed(2)} MiB; ${APP_DIR}`);
    expect(mib(asarBytes)).toBeLessThan(ASAR_LIMIT_MIB);
    expect(mib(resourcesBytes)).toBeLessThan(RESOURCES_LIMIT_MIB);
  });

  it('carries the fuses of electron-builder.yml in the executable electron-builder flipped', async () => {
    const { electronFuses } = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8'));
    const wire = await getCurrentFuseWire(EXECUTABLE);
    // Fuse order of the wire (FuseV1Options) and the electron-builder.yml key of each.
    const order = [
      'runAsNode',
      'enableCookieEncryption',
      'enableNodeOptionsEnvironmentVariable',
      'enableNodeCliInspectArguments',
      'enableEmbeddedAsarIntegrityValidation',
      'onlyLoadAppFromAsar',
      'loadBrowserProcessSpecificV8Snapshot',
      'grantFileProtocolExtraPrivileges',
    ];
    const read = Object.fromEntries(order.map((key, i) => [key, String.fromCharCode((wire as unknown as Record<number, number>)[i]) === '1']));
    const configured = Object.fromEntries(order.map((key) => [key, electronFuses[key]]));
    expect(read).toEqual(configured);
  });
});
