// The Electron entry. The only file in main/ that may import electron. Everything it does is
// thin: it wires the core's API to IPC, hardens the window, and adds what only a desktop
// host can (single instance, menu, OS notifications, native dialogs).
import type * as ElectronNS from 'electron';
import { existsSync, readFileSync, statSync, type Stats } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { channels, type DpoEvent, type Output } from '../../preload/contract';
import { createApi, type ApiCall } from '../api';
import { FileAccess, type NativePicker } from '../files/access';
import { VaultManager } from '../vault/service';
import { startAutoBackups } from '../backup/schedule';
import { startAutoLock } from './auto-lock';
import { CONTENT_SECURITY_POLICY } from './csp';
import { argValue } from './paths';
import { menuLabels } from './menu-labels';

type Electron = typeof ElectronNS;

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://dpo`;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.otf': 'font/otf',
  '.map': 'application/json',
};

export interface ElectronHostPaths {
  rendererDir: string;
  preloadFile: string;
  nativeBinding?: string;
  dataDir: string;
}

/** Only our own page may call the API: a frame from anywhere else is refused. */
export function isTrustedSender(frame: { url: string } | null | undefined): boolean {
  if (!frame) return false;
  try {
    // Not URL.origin: WHATWG gives "null" as the origin of non-special schemes such as app:.
    const url = new URL(frame.url);
    return url.protocol === `${APP_SCHEME}:` && url.host === 'dpo';
  } catch {
    return false;
  }
}

/** Registers the scheme before the app is ready (Electron requires this order). */
export function registerScheme(electron: Electron): void {
  electron.protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function hardenContents(contents: ElectronNS.WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function hardenSession(session: ElectronNS.Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function registerIpc(electron: Electron, api: ApiCall, log: (message: string) => void = console.warn): void {
  for (const channel of channels) {
    electron.ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        // Logged (the frame, never the input) so a stray or hostile frame shows in the app's log;
        // FORBIDDEN, not INTERNAL, so the caller can tell "refused" from "broke".
        log(`[ipc] refused ${channel} from ${frameUrl(event.senderFrame)}`);
        return { ok: false, error: { code: 'FORBIDDEN', message: 'Refused: the request did not come from the app window.' } };
      }
      return api(channel, input);
    });
  }
}

const frameUrl = (frame: { url: string } | null | undefined): string => (frame ? JSON.stringify(frame.url.slice(0, 200)) : 'no frame');

const plain = (status: number, text: string) => new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/**
 * The app:// answer for one request URL. Never throws: a malformed escape is a 400, a path
 * outside the renderer a 403, a folder (or anything but a regular file) a 404; an unknown
 * file falls back to index.html (routes live in the hash, so this only catches stale links).
 */
export function rendererResponse(rendererDir: string, requestUrl: string): Response {
  const root = resolve(rendererDir);
  try {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(requestUrl).pathname);
    } catch {
      return plain(400, 'Bad request: malformed path');
    }
    if (pathname.includes('\0')) return plain(400, 'Bad request: malformed path');
    const relative = normalize(pathname).replace(/^([/\\])+/, '');
    let file = resolve(root, relative || 'index.html');
    if (!file.startsWith(root + sep)) return plain(403, 'Forbidden');
    let stat = statOrUndefined(file);
    if (!stat) {
      file = join(root, 'index.html');
      stat = statOrUndefined(file);
    }
    if (!stat?.isFile()) return plain(404, 'Not found');
    return new Response(readFileSync(file), {
      headers: {
        'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch {
    return plain(500, 'The file could not be read');
  }
}

// Not statSync's throwIfNoEntry: Electron's asar layer has honoured it only in some versions.
function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

export function serveRenderer(electron: Electron, rendererDir: string): void {
  electron.protocol.handle(APP_SCHEME, (request) => rendererResponse(rendererDir, request.url));
}

export function createMainWindow(electron: Electron, paths: ElectronHostPaths): ElectronNS.BrowserWindow {
  // `new BrowserWindow({ webPreferences: {…} })` by name and literally: the security scan
  // (scripts/security-scan.mjs, electronegativity) reads the window's options from this call.
  const { BrowserWindow } = electron;
  const win = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'DPO Workstation',
    backgroundColor: electron.nativeTheme.shouldUseDarkColors ? '#14171c' : '#f7f8fa',
    // The security baseline of DESIGN.md.
    webPreferences: {
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
      // A middle click must not open a link in a new window (new windows are denied anyway).
      disableBlinkFeatures: 'Auxclick',
      // DevTools only in development: in an installed app they would hand the open vault to anyone at the keyboard.
      devTools: !electron.app.isPackaged,
      preload: paths.preloadFile,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

export function buildMenu(electron: Electron, locale: string, onLock: () => void): ElectronNS.Menu {
  const l = menuLabels(locale);
  const isMac = process.platform === 'darwin';
  return electron.Menu.buildFromTemplate([
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: l.vault,
      submenu: [
        { label: l.lock, accelerator: 'CmdOrCtrl+L', click: onLock },
        { type: 'separator' },
        isMac ? { role: 'close', label: l.close } : { role: 'quit', label: l.quit },
      ],
    },
    { role: 'editMenu', label: l.edit },
    {
      label: l.view,
      submenu: [
        { role: 'resetZoom', label: l.resetZoom },
        { role: 'zoomIn', label: l.zoomIn },
        { role: 'zoomOut', label: l.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: l.fullscreen },
      ],
    },
    { role: 'windowMenu', label: l.window },
  ]);
}

/** Polls the deadline engine and raises an OS notification when a clock turns due-soon or overdue. */
export function startDeadlineNotifications(
  electron: Electron,
  vault: Pick<VaultManager, 'status'>,
  api: ApiCall,
  focus: () => void,
  locale: string,
  everyMs = 60_000,
): () => void {
  const zh = locale.toLowerCase().startsWith('zh');
  let since = new Date().toISOString();
  const timer = setInterval(async () => {
    if (vault.status() !== 'unlocked' || !electron.Notification.isSupported()) return;
    const result = await api('deadlines.alerts', { since });
    if (!result.ok) return;
    const { now, items } = result.value as Output<'deadlines.alerts'>;
    since = now;
    for (const { deadline, state } of items.slice(0, 5)) {
      const label = zh ? (state === 'overdue' ? '已逾期' : '即将到期') : state === 'overdue' ? 'Overdue' : 'Due soon';
      const n = new electron.Notification({
        title: `${label}: ${deadline.recordRef}`,
        body: zh ? deadline.rule.zh : deadline.rule.en,
      });
      n.on('click', focus);
      n.show();
    }
  }, everyMs);
  timer.unref?.();
  return () => clearInterval(timer);
}

/**
 * Files come only from the system dialog the DPO answered (DESIGN.md); main keeps the path as a
 * grant and the renderer gets its id. `window` parents the dialog so it is modal to the app.
 */
export function dialogPicker(electron: Electron, window: () => ElectronNS.BrowserWindow | null): NativePicker {
  return {
    async pick({ mode, suggestedName, extensions }) {
      const filters = extensions.length ? [{ name: extensions.map((e) => `.${e}`).join(', '), extensions }] : [];
      const parent = window();
      if (mode === 'directory') {
        const options: ElectronNS.OpenDialogOptions = { properties: ['openDirectory', 'createDirectory'] };
        const r = parent ? await electron.dialog.showOpenDialog(parent, options) : await electron.dialog.showOpenDialog(options);
        return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0];
      }
      if (mode === 'open') {
        const options: ElectronNS.OpenDialogOptions = { properties: ['openFile'], filters };
        const r = parent ? await electron.dialog.showOpenDialog(parent, options) : await electron.dialog.showOpenDialog(options);
        return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0];
      }
      const options: ElectronNS.SaveDialogOptions = {
        defaultPath: suggestedName,
        filters: mode === 'folder' ? [] : filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const r = parent ? await electron.dialog.showSaveDialog(parent, options) : await electron.dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
  };
}

/** Wires everything once the app is ready. Returns the window and the vault for tests. */
export async function startElectronHost(electron: Electron, paths: ElectronHostPaths) {
  const { app } = electron;
  let mainWindow: ElectronNS.BrowserWindow | null = null;
  const files = new FileAccess({ picker: dialogPicker(electron, () => mainWindow) });
  const vault = new VaultManager({ dataDir: paths.dataDir, nativeBinding: paths.nativeBinding, files });
  const api = createApi(vault);
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  await app.whenReady();
  hardenSession(electron.session.defaultSession);
  serveRenderer(electron, paths.rendererDir);
  registerIpc(electron, api);
  const win = createMainWindow(electron, paths);
  mainWindow = win;
  const send = (event: DpoEvent) => {
    if (!win.isDestroyed()) win.webContents.send('dpo:event', event);
  };
  vault.onLock((reason) => send({ type: 'locked', reason }));
  const focus = () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  };
  electron.Menu.setApplicationMenu(buildMenu(electron, app.getLocale(), () => vault.lock('menu')));
  const stopAutoLock = startAutoLock(vault);
  const stopAutoBackups = startAutoBackups(vault);
  const stopNotifications = startDeadlineNotifications(electron, vault, api, focus, app.getLocale());
  app.on('second-instance', focus);
  app.on('before-quit', () => {
    stopAutoLock();
    stopAutoBackups();
    stopNotifications();
    vault.close();
  });
  app.on('window-all-closed', () => app.quit());
  return { win, vault, api };
}

/** Where the Electron-ABI copy of the native module lives (built by the release job, never by postinstall). */
export function electronPaths(electron: Electron, appRoot: string, argv: string[]): ElectronHostPaths {
  const packagedBinding = join(process.resourcesPath ?? '', 'native', 'better_sqlite3.node');
  const devBinding = join(appRoot, 'native-electron', 'better_sqlite3.node');
  const nativeBinding = electron.app.isPackaged ? packagedBinding : existsSync(devBinding) ? devBinding : undefined;
  return {
    rendererDir: join(appRoot, 'out', 'renderer'),
    preloadFile: join(appRoot, 'out', 'preload', 'index.cjs'),
    nativeBinding,
    dataDir: argValue(argv, '--data-dir') ?? process.env.DPO_DATA_DIR ?? join(electron.app.getPath('userData'), 'vault'),
  };
}

/** The entry: single instance, scheme, host. The bundle sits in out/main, inside app.asar when packaged. */
export function launch(electron: Electron, bundleDir = __dirname, argv = process.argv) {
  if (!electron.app.requestSingleInstanceLock()) {
    electron.app.quit();
    return undefined;
  }
  registerScheme(electron);
  return startElectronHost(electron, electronPaths(electron, resolve(bundleDir, '..', '..'), argv));
}

if (process.versions.electron && typeof require !== 'undefined' && require.main === module) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  void launch(require('electron') as Electron);
}
