import { tmpdir } from 'node:os';
import { vi } from 'vitest';

type Listener = (...args: any[]) => any;

/** What the stand-in's file dialogs answer ('' = the DPO cancelled a save). */
export const dialogAnswer = { path: '' };

/**
 * A stand-in for the parts of the electron module the host uses, recording what it was told.
 * Used for the source (test/main/host/electron.test.ts) and for the packaged bundle
 * (test/package/smoke.test.ts), so both run the host against the same stand-in.
 */
export function fakeElectron(options: { isPackaged?: boolean } = {}) {
  const appListeners: Record<string, Listener[]> = {};
  const contentsListeners: Record<string, Listener[]> = {};
  const handlers = new Map<string, Listener>();
  const windows: { options: any; url?: string }[] = [];
  let windowOpenHandler: Listener | undefined;
  let permissionRequest: Listener | undefined;
  let permissionCheck: Listener | undefined;
  let protocolHandler: ((request: { url: string }) => Response | Promise<Response>) | undefined;
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
      requestSingleInstanceLock: () => true,
      isPackaged: options.isPackaged ?? false,
      getPath: () => tmpdir(),
    },
    ipcMain: { handle: (channel: string, l: Listener) => handlers.set(channel, l) },
    protocol: {
      handle: vi.fn((_scheme: string, h: typeof protocolHandler) => (protocolHandler = h)),
      registerSchemesAsPrivileged: vi.fn(),
    },
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
    appListeners,
    /** Calls a channel as the app's own window would. */
    invoke: (channel: string, input: unknown = {}) => handlers.get(channel)!({ senderFrame: { url: 'app://dpo/index.html' } }, input),
    /** Requests a URL from the app:// handler as the window would. */
    fetchApp: async (url: string) => protocolHandler!({ url }),
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
  };
}
