import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

export const APP_FOLDER_NAME = 'DPO Workstation';

/** The same folder Electron's app.getPath('userData') gives, so both hosts find one vault. */
export function defaultUserDataDir(platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER_NAME);
}

/** `--data-dir` beats `DPO_DATA_DIR` beats the user-data folder. */
export function resolveDataDir(argv: string[], env = process.env): string {
  return argValue(argv, '--data-dir') ?? env.DPO_DATA_DIR ?? join(defaultUserDataDir(process.platform, env), 'vault');
}

export function argValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0 && i + 1 < argv.length) return argv[i + 1];
  const prefixed = argv.find((a) => a.startsWith(`${name}=`));
  return prefixed?.slice(name.length + 1);
}

/**
 * Folders the HTTP host allows beside those granted in Settings: every `--allow-dir DIR` and
 * the entries of DPO_FILE_ROOTS (separated like PATH). For scripted use and tests.
 */
export function allowedDirs(argv: string[], env = process.env): string[] {
  const dirs: string[] = [];
  argv.forEach((a, i) => {
    if (a === '--allow-dir' && i + 1 < argv.length) dirs.push(argv[i + 1]);
    else if (a.startsWith('--allow-dir=')) dirs.push(a.slice('--allow-dir='.length));
  });
  for (const d of (env.DPO_FILE_ROOTS ?? '').split(delimiter)) if (d.trim()) dirs.push(d.trim());
  return dirs.map((d) => resolve(d));
}
