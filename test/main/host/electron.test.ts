import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { channels } from '../../../preload/contract';
import { isTrustedSender, rendererResponse, startElectronHost } from '../../../main/host/electron';
import { CONTENT_SECURITY_POLICY } from '../../../main/host/csp';
import { dialogAnswer, fakeElectron } from '../../helpers/fake-electron';

let dir: string;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

async function start(options: { isPackaged?: boolean } = {}) {
  dir = mkdtempSync(join(tmpdir(), 'dpo-electron-'));
  const fake = fakeElectron(options);
  const host = await startElectronHost(fake.electron as never, {
    rendererDir: join(dir, 'renderer'),
    preloadFile: join(dir, 'preload.cjs'),
    dataDir: join(dir, 'vault'),
  });
  return { fake, host };
}

describe('Electron host (with a stand-in electron module)', () => {
  it('registers every contract channel with ipcMain, and nothing else', async () => {
    const { fake, host } = await start();
    expect([...fake.handlers.keys()].sort()).toEqual([...channels].sort());
    host.vault.close();
  });

  it('opens the window with the security baseline and the bundled preload, from the app:// scheme', async () => {
    const { fake, host } = await start();
    const { options, url } = fake.windows[0];
    expect(options.webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: true,
      preload: join(dir, 'preload.cjs'),
    });
    expect(url).toBe('app://dpo/index.html');
    host.vault.close();
  });

  it('denies navigation, redirects, webviews, new windows and every permission', async () => {
    const { fake, host } = await start();
    fake.createContents();
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const e = { preventDefault: vi.fn() };
      fake.contentsListeners[event].forEach((l) => l(e, 'https://example.com'));
      expect(e.preventDefault, event).toHaveBeenCalled();
    }
    expect(fake.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      fake.permissionRequest?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(fake.permissionCheck?.({}, permission)).toBe(false);
    }
    host.vault.close();
  });

  it('answers IPC from its own frame; refuses any other sender with FORBIDDEN and logs it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { fake, host } = await start();
    const status = fake.handlers.get('vault.status')!;
    expect(await status({ senderFrame: { url: 'app://dpo/index.html' } }, {})).toEqual({ ok: true, value: { state: 'none' } });
    expect(warn).not.toHaveBeenCalled();
    expect(await status({ senderFrame: { url: 'https://evil.example/' } }, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(warn).toHaveBeenLastCalledWith('[ipc] refused vault.status from "https://evil.example/"');
    expect(await fake.handlers.get('vault.create')!({ senderFrame: null }, { passphrase: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(warn).toHaveBeenLastCalledWith('[ipc] refused vault.create from no frame');
    expect(host.vault.status()).toBe('none');
    warn.mockRestore();
    host.vault.close();
  });

  it('turns DevTools off in a packaged build and leaves them on in development', async () => {
    const packaged = await start({ isPackaged: true });
    expect(packaged.fake.windows[0].options.webPreferences.devTools).toBe(false);
    packaged.host.vault.close();
    const dev = await start({ isPackaged: false });
    expect(dev.fake.windows[0].options.webPreferences.devTools).toBe(true);
    dev.host.vault.close();
  });

  it('has a Lock item on Ctrl/Cmd+L in the OS language', async () => {
    const { fake, host } = await start();
    const vaultMenu = fake.menuTemplate.find((m) => m.label === '保险库');
    expect(vaultMenu.submenu[0]).toMatchObject({ label: '锁定', accelerator: 'CmdOrCtrl+L' });
    host.vault.close();
  });

  it('files come from the native dialog the DPO answered; a typed path is refused', async () => {
    const { fake, host } = await start();
    const frame = { senderFrame: { url: 'app://dpo/index.html' } };
    const picked = join(dir, 'recipients.csv');
    writeFileSync(picked, 'email\n');
    dialogAnswer.path = picked;
    const open = await fake.handlers.get('files.pick')!(frame, { purpose: 'recipients', mode: 'open' });
    expect(open).toMatchObject({ ok: true, value: { grant: { name: 'recipients.csv', size: 6, purpose: 'recipients' } } });
    const [, options] = fake.electron.dialog.showOpenDialog.mock.calls[0];
    expect(options).toMatchObject({ properties: ['openFile'], filters: [{ extensions: ['csv', 'txt'] }] });
    dialogAnswer.path = '';
    expect(await fake.handlers.get('files.pick')!(frame, { purpose: 'backup', mode: 'save', suggestedName: 'vault.dpobackup' })).toEqual({ ok: true, value: { grant: null } });
    const typed = await fake.handlers.get('files.grantPath')!(frame, { purpose: 'recipients', mode: 'open', path: picked });
    expect(typed).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    host.vault.close();
  });

  it('serves the renderer over app:// with the CSP, through the handler it registers', async () => {
    const { fake, host } = await start();
    mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>DPO</title>');
    writeFileSync(join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
    const page = await fake.fetchApp('app://dpo/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<title>DPO</title>');
    const script = await fake.fetchApp('app://dpo/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    host.vault.close();
  });

  it('the automatic backup folder comes from a folder dialog (an existing folder, not a file)', async () => {
    const { fake, host } = await start();
    const frame = { senderFrame: { url: 'app://dpo/index.html' } };
    const folder = join(dir, 'backups');
    mkdirSync(folder);
    dialogAnswer.path = folder;
    const picked = await fake.handlers.get('files.pick')!(frame, { purpose: 'backup', mode: 'directory' });
    expect(picked).toMatchObject({ ok: true, value: { grant: { name: 'backups', purpose: 'backup', mode: 'directory' } } });
    const [, options] = fake.electron.dialog.showOpenDialog.mock.calls.at(-1)!;
    expect(options).toMatchObject({ properties: ['openDirectory', 'createDirectory'] });
    dialogAnswer.path = join(dir, 'recipients-not-a-folder.csv');
    writeFileSync(dialogAnswer.path, 'x');
    expect(await fake.handlers.get('files.pick')!(frame, { purpose: 'backup', mode: 'directory' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { path: 'This is not a folder' } } });
    host.vault.close();
  });

  it('trusts only the app origin', () => {
    expect(isTrustedSender({ url: 'app://dpo/index.html#/incidents' })).toBe(true);
    expect(isTrustedSender({ url: 'app://other/index.html' })).toBe(false);
    expect(isTrustedSender({ url: 'file:///etc/passwd' })).toBe(false);
    expect(isTrustedSender({ url: 'not a url' })).toBe(false);
  });
});

describe('deadline notifications under Electron', () => {
  it('raises an OS notification per alert in the OS language and asks again from the returned time', async () => {
    vi.useFakeTimers();
    const { startDeadlineNotifications } = await import('../../../main/host/electron');
    const shown: { title: string; body: string }[] = [];
    class Notification {
      constructor(private readonly o: { title: string; body: string }) {}
      static isSupported = () => true;
      on() {}
      show() {
        shown.push(this.o);
      }
    }
    const calls: unknown[] = [];
    const api = async (_channel: string, input: unknown) => {
      calls.push(input);
      return {
        ok: true as const,
        value: {
          now: '2026-11-29T03:00:00.000Z',
          more: false,
          items: [{ state: 'overdue', since: '2026-11-29T02:59:00.000Z', deadline: { recordRef: 'INC-2026-0001', rule: { en: 'CAC report within 4 hours', zh: '4小时内向网信部门报告' } } }],
        },
      };
    };
    const stop = startDeadlineNotifications({ Notification } as never, { status: () => 'unlocked' }, api as never, () => {}, 'zh-CN', 1000);
    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(1000);
    stop();
    vi.useRealTimers();
    expect(shown[0]).toEqual({ title: '已逾期: INC-2026-0001', body: '4小时内向网信部门报告' });
    expect(calls[1]).toEqual({ since: '2026-11-29T03:00:00.000Z' });
  });
});

describe('the app:// handler on hostile or odd paths (answers, never throws)', () => {
  function renderer() {
    dir = mkdtempSync(join(tmpdir(), 'dpo-app-scheme-'));
    const root = join(dir, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), 'INDEX');
    writeFileSync(join(root, 'assets', 'app.js'), 'APP');
    writeFileSync(join(dir, 'secret.txt'), 'SECRET');
    return root;
  }
  const answer = async (root: string, url: string) => {
    const res = rendererResponse(root, url);
    return { status: res.status, body: await res.text() };
  };

  it.each([
    ['a malformed percent escape', 'app://dpo/%E0%A4%A', 400],
    ['a lone percent sign', 'app://dpo/assets/%', 400],
    ['a NUL byte', 'app://dpo/assets/app.js%00.html', 400],
    ['a folder with a trailing slash', 'app://dpo/assets/', 404],
    ['a folder without one', 'app://dpo/assets', 404],
  ])('%s (%s) → %i', async (_why, url, status) => {
    expect((await answer(renderer(), url)).status).toBe(status);
  });

  it.each([
    ['the root', 'app://dpo/', 'INDEX'],
    ['a file', 'app://dpo/assets/app.js', 'APP'],
    ['an escaped name', 'app://dpo/assets/%61pp.js', 'APP'],
    ['an unknown file (stale link)', 'app://dpo/nothing-here.js', 'INDEX'],
    ['dot segments, escaped, stay inside the renderer', 'app://dpo/..%2F..%2Fsecret.txt', 'INDEX'],
    ['backslash segments stay inside the renderer', 'app://dpo/..%5C..%5Csecret.txt', 'INDEX'],
  ])('%s (%s) → %s', async (_why, url, body) => {
    expect(await answer(renderer(), url)).toEqual({ status: 200, body });
  });

  it('a renderer folder without index.html answers 404, not a crash', async () => {
    const root = renderer();
    rmSync(join(root, 'index.html'));
    expect((await answer(root, 'app://dpo/')).status).toBe(404);
  });
});
