import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { candidates, findChromium } from '../../scripts/find-chromium.mjs';

const root = join(import.meta.dirname, '..', '..');
const nothing = () => false;
let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('finding a Chromium or Chrome for the browser tests', () => {
  it('on a machine with none: one line saying what to install, never Playwright\'s download', () => {
    for (const platform of ['linux', 'darwin', 'win32']) {
      const found = findChromium({ env: { PATH: '/usr/bin:/bin' }, platform, isExecutable: nothing });
      expect(found.path).toBeNull();
      expect(found.message).toMatch(/^No Chromium or Chrome found for the browser tests\. Install one \(.+\) or set DPO_CHROMIUM to its executable\.$/);
      expect(found.message).not.toMatch(/playwright install/i);
      expect(found.message).not.toContain('\n');
    }
    expect(findChromium({ env: {}, platform: 'linux', isExecutable: nothing }).message).toContain('sudo apt-get install chromium');
  });

  it('takes the common places in order: Debian/Ubuntu Chromium, Chrome, snap, then PATH', () => {
    const only = (p: string) => (q: string) => q === p;
    expect(findChromium({ env: {}, platform: 'linux', isExecutable: only('/usr/bin/google-chrome-stable') }).path).toBe('/usr/bin/google-chrome-stable');
    expect(findChromium({ env: { PATH: '/opt/tools/bin' }, platform: 'linux', isExecutable: only('/opt/tools/bin/chromium') }).path).toBe('/opt/tools/bin/chromium');
    expect(candidates('linux', {})[0]).toBe('/usr/bin/chromium');
    expect(candidates('darwin', {})).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(candidates('win32', { PROGRAMFILES: 'C:\\Program Files' })).toContain(join('C:\\Program Files', 'Google', 'Chrome', 'Application', 'chrome.exe'));
  });

  it('DPO_CHROMIUM wins when it is an executable file, and is named when it is not', () => {
    dir = mkdtempSync(join(tmpdir(), 'dpo-chromium-'));
    const browser = join(dir, 'my-chrome');
    writeFileSync(browser, '#!/bin/sh\n');
    chmodSync(browser, 0o755);
    expect(findChromium({ env: { DPO_CHROMIUM: browser } }).path).toBe(browser);
    const wrong = findChromium({ env: { DPO_CHROMIUM: join(dir, 'missing') } });
    expect(wrong.path).toBeNull();
    expect(wrong.message).toContain(`DPO_CHROMIUM=${join(dir, 'missing')} is not an executable file`);
    chmodSync(browser, 0o644);
    expect(findChromium({ env: { DPO_CHROMIUM: browser } }).path).toBeNull();
  });

  it('the script stops with exit 1 and that one line; npm run test:e2e runs it before Playwright', () => {
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'find-chromium.mjs')], { env: { ...process.env, DPO_CHROMIUM: '/nonexistent/chrome' }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;
    expect(scripts['test:e2e']).toMatch(/^node scripts\/find-chromium\.mjs && playwright test/);
    expect(scripts.test).toMatch(/npm run test:e2e$/);
    // And where a browser exists, it names it.
    expect(execFileSync(process.execPath, [join(root, 'scripts', 'find-chromium.mjs')], { env: { ...process.env, DPO_CHROMIUM: process.execPath }, encoding: 'utf8' })).toBe(`Browser tests use ${process.execPath}\n`);
  });
});
