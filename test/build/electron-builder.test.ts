import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('electron-builder.yml', () => {
  it('sets every fuse to the security baseline (DESIGN.md), explicitly', () => {
    // Off: running the app as plain Node, NODE_OPTIONS, --inspect, loading code from outside the
    // asar, file:// privileges. On: cookie encryption, the asar integrity check.
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
    expect(config.asar).toBe(true);
  });

  it('never rebuilds native modules itself and takes the Electron-ABI build from native-electron/', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.extraResources).toEqual([{ from: 'native-electron/better_sqlite3.node', to: 'native/better_sqlite3.node' }]);
    expect(config.files).toContain('!out/**/*.map');
  });

  it('builds AppImage and deb, NSIS and DMG, with the metadata each installer needs', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.mac.hardenedRuntime).toBe(true);
    // deb refuses to build without a maintainer e-mail (package.json's author) and a homepage.
    expect(pkg.author.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.description.length).toBeGreaterThan(20);
    expect(config.linux.synopsis.length).toBeGreaterThan(10);
  });

  it('points every platform at icons that exist', () => {
    expect(existsSync(join(root, config.linux.icon))).toBe(true);
    expect(existsSync(join(root, config.mac.icon))).toBe(true);
    expect(existsSync(join(root, config.win.icon))).toBe(true);
    expect(existsSync(join(root, config.directories.buildResources, 'icon.png'))).toBe(true);
  });

  it('registers .dpobackup (ours) and .eml (as an alternative handler) with their MIME types', () => {
    const byExt = Object.fromEntries(config.fileAssociations.map((a: { ext: string }) => [a.ext, a]));
    expect(byExt.dpobackup).toMatchObject({ mimeType: 'application/x-dpo-workstation-backup', rank: 'Owner' });
    expect(byExt.eml).toMatchObject({ mimeType: 'message/rfc822', rank: 'Alternate' });
  });
});
