import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { channels } from '../../../preload/contract';
import { isTrustedSender, startElectronHost } from '../../../main/host/electron';

type Listener = (...args: any[]) => any;

/** What the stand-in's file dialogs answer ('' = the DPO cancelled a save). */
const dialogAnswer = { path: '' };

/** A stand-in for the parts of the electron module the host uses, recording what it was told. */
function fakeElectron() {
  const appListeners: Record<string, Listener[]> = {};
  const contentsListeners: Record<string, Listener[]> = {};
  const handlers = new Map<string, Listener>();
  const windows: { options: any; url?: string }[] = [];
  let windowOpenHandler: Listener | undefined;
  let permissionRequest: Listener | undefined;
  let permissionCheck: Listener | undefined;
  let menuTemplate: any[] = [];
  const contents = {
    on: (event: string, l: Listener) => ((contentsListeners[event] ??= []).push(l), contents),
    setWindowOpenHandler: (h: Listener) => (windowOpenHandler = h),
    send: vi.fn(),
  };
  class BrowserWindow {
    webContents = contents;
    constructor(options: any) {
      windows.push({ options });
    }
    once() {}
    loadURL(url: string) {
      windows[windows.length - 1].url = url;
      return Promise.resolve();
    }
    isDestroyed() {
      return false;
    }
  }
  const electron = {
    app: {
      on: (e: string, l: Listener) => (appListeners[e] ??= []).push(l),
      whenReady: () => Promise.resolve(),
      getLocale: () => 'zh-CN',
      quit: vi.fn(),
      isPackaged: false,
      getPath: () => tmpdir(),
    },
    ipcMain: { handle: (channel: string, l: Listener) => handlers.set(channel, l) },
    protocol: { handle: vi.fn(), registerSchemesAsPrivileged: vi.fn() },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Listener) => (permissionRequest = h),
        setPermissionCheckHandler: (h: Listener) => (permissionCheck = h),
      },
    },
    BrowserWindow,
    nativeTheme: { shouldUseDarkColors: false },
    Menu: { buildFromTemplate: (t: any[]) => ((menuTemplate = t), { t }), setApplicationMenu: vi.fn() },
    Notification: Object.assign(vi.fn(), { isSupported: () => false }),
    dialog: {
      showOpenDialog: vi.fn(async (..._args: any[]) => ({ canceled: false, filePaths: [dialogAnswer.path] })),
      showSaveDialog: vi.fn(async (..._args: any[]) => ({ canceled: dialogAnswer.path === '', filePath: dialogAnswer.path })),
    },
  };
  const createContents = () => appListeners['web-contents-created']?.forEach((l) => l({}, contents));
  return {
    electron,
    handlers,
    windows,
    contentsListeners,
    createContents,
    get windowOpenHandler() {
      return windowOpenHandler;
    },
    get permissionRequest() {
      return permissionRequest;
    },
    get permissionCheck() {
      return permissionCheck;
    },
    get menuTemplate() {
      return menuTemplate;
    },
    appListeners,
  };
}

let dir: string;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

async function start() {
  dir = mkdtempSync(join(tmpdir(), 'dpo-electron-'));
  const fake = fakeElectron();
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
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
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

  it('answers IPC from its own frame and refuses any other sender', async () => {
    const { fake, host } = await start();
    const status = fake.handlers.get('vault.status')!;
    expect(await status({ senderFrame: { url: 'app://dpo/index.html' } }, {})).toEqual({ ok: true, value: { state: 'none' } });
    expect(await status({ senderFrame: { url: 'https://evil.example/' } }, {})).toMatchObject({ ok: false });
    expect(await status({ senderFrame: null }, {})).toMatchObject({ ok: false });
    host.vault.close();
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
