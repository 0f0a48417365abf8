import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { FileGrant, FileMode, FilePurpose, FileRoots } from '../../preload/contract/files';
import { AppError, invalid, problem, type Problem } from '../shared/errors';
import { MAX_GRANTS, PURPOSES } from './model';
import { isFullPath, isInside, purposeProblem } from './rules';

/** The host's native dialog (Electron). Answers a full path, or null when the DPO cancels. */
export interface NativePicker {
  pick(request: { purpose: FilePurpose; mode: FileMode; suggestedName?: string; extensions: string[] }): Promise<string | null>;
}

export interface FileAccessOptions {
  /** Present in Electron: files then come only from the dialog. */
  picker?: NativePicker;
  /** Folders the host always allows (`--allow-dir`, DPO_FILE_ROOTS), e.g. for tests. */
  extraRoots?: string[];
  /** The built-in default roots; Documents and Downloads of the user. */
  defaultRoots?: () => string[];
}

export interface ResolvedFile {
  path: string;
  name: string;
  size: number | null;
  purpose: FilePurpose;
  mode: FileMode;
  /** The DPO confirmed replacing an existing file (the native save dialog asks). */
  overwrite: boolean;
}

interface Grant extends ResolvedFile {
  grantId: string;
  /** The granted folder the path was checked against (HTTP host), re-checked at use. */
  root: string | null;
}

export const defaultUserRoots = (): string[] => [join(homedir(), 'Documents'), join(homedir(), 'Downloads')];

/**
 * The only way a channel reaches a file: the renderer holds grant ids, main holds the paths.
 * In Electron a grant comes from a native dialog the DPO answered; under the HTTP host from a
 * typed path that lies inside a folder granted in Settings. Grants end with the session (lock).
 */
export class FileAccess {
  private readonly grants = new Map<string, Grant>();
  private settingsRoots: () => string[] | null = () => null;

  constructor(private readonly options: FileAccessOptions = {}) {}

  get access(): FileRoots['access'] {
    return this.options.picker ? 'dialog' : 'roots';
  }

  /** Where the unlocked vault's Settings keep the DPO's own list (null = the defaults). */
  useSettingsRoots(read: () => string[] | null): void {
    this.settingsRoots = read;
  }

  roots(): FileRoots {
    const fromSettings = this.settingsRoots();
    const base = fromSettings ?? (this.options.defaultRoots ?? defaultUserRoots)();
    const roots = [...new Set([...base, ...(this.options.extraRoots ?? [])])];
    return { access: this.access, roots, defaults: fromSettings === null };
  }

  async pick(request: { purpose: FilePurpose; mode: FileMode; suggestedName?: string; extensions?: string[] }): Promise<FileGrant | null> {
    if (!this.options.picker) {
      throw new AppError('FORBIDDEN', 'This window has no system file dialog: type the full path of a file inside a folder granted in Settings.');
    }
    const allowed = PURPOSES[request.purpose].extensions;
    const extensions = request.extensions?.filter((e) => allowed === null || allowed.includes(e)) ?? (allowed ? [...allowed] : []);
    const chosen = await this.options.picker.pick({ ...request, extensions });
    if (!chosen) return null;
    // The dialog is the DPO's own choice, so no root applies; the kind of file still does.
    return this.add(this.check(request.purpose, request.mode, chosen, null, request.mode === 'save'));
  }

  grantPath(request: { purpose: FilePurpose; mode: FileMode; path: string }): FileGrant {
    if (this.options.picker) {
      throw new AppError('FORBIDDEN', 'In the desktop app, files are chosen in the system dialog, not typed.');
    }
    const roots = this.roots().roots;
    return this.add(this.check(request.purpose, request.mode, request.path, roots, false));
  }

  /**
   * The checked path of a grant, checked again now (the file may have been swapped for a link
   * or a folder since). `field` names the input field in errors.
   */
  resolve(grantId: string, expect: { purpose: FilePurpose; modes: FileMode[]; field?: string }): ResolvedFile {
    const field = expect.field ?? 'grantId';
    const grant = this.grants.get(grantId);
    if (!grant) throw invalid({ [field]: problem('choiceExpired') });
    if (grant.purpose !== expect.purpose || !expect.modes.includes(grant.mode)) {
      throw invalid({ [field]: problem('choiceOtherUse', { purpose: grant.purpose, mode: grant.mode }) });
    }
    const again = this.check(grant.purpose, grant.mode, grant.path, grant.root ? [grant.root] : null, grant.overwrite, field);
    return { ...again, overwrite: grant.overwrite };
  }

  /**
   * Re-checks a folder the DPO chose earlier through a grant and that Settings kept (the
   * automatic backup folder): it must still exist, be a folder, and under the HTTP host still
   * lie inside the granted folders. Returns the real path, or why not.
   */
  recheckFolder(path: string): { ok: true; path: string } | { ok: false; problem: string } {
    const real = realOrNull(path);
    if (!real) return { ok: false, problem: `The folder ${path} no longer exists` };
    if (!statSync(real).isDirectory()) return { ok: false, problem: `${path} is no longer a folder` };
    if (this.access === 'roots') {
      const roots = this.roots().roots;
      if (!roots.map(realOrNull).some((r) => r !== null && isInside(r, real))) {
        return { ok: false, problem: `The folder ${path} is no longer inside the folders granted in Settings → Files` };
      }
    }
    return { ok: true, path: real };
  }

  /** Forgets every grant (lock, restore). */
  clear(): void {
    this.grants.clear();
  }

  private add(resolved: ResolvedFile & { root: string | null }): FileGrant {
    const grantId = randomBytes(16).toString('hex');
    this.grants.set(grantId, { ...resolved, grantId });
    while (this.grants.size > MAX_GRANTS) this.grants.delete(this.grants.keys().next().value!);
    return {
      grantId,
      purpose: resolved.purpose,
      mode: resolved.mode,
      name: resolved.name,
      displayPath: resolved.path,
      size: resolved.size,
    };
  }

  private check(
    purpose: FilePurpose,
    mode: FileMode,
    rawPath: string,
    roots: string[] | null,
    overwrite: boolean,
    field = 'path',
  ): ResolvedFile & { root: string | null } {
    if (rawPath.includes('\0') || !isFullPath(rawPath)) throw invalid({ [field]: problem('fullPath') });
    const kindProblem = purposeProblem(purpose, mode, basename(rawPath));
    if (kindProblem) throw invalid({ [field]: kindProblem });

    let real: string;
    if (mode === 'directory') {
      real = realOrNull(rawPath) ?? fail(field, problem('noFolder'));
      if (!statSync(real).isDirectory()) fail(field, problem('notFolder'));
    } else if (mode === 'open') {
      real = realOrNull(rawPath) ?? fail(field, problem('noFile'));
      const stat = statSync(real);
      if (!stat.isFile()) fail(field, problem('notRegularFile'));
      const limit = PURPOSES[purpose].maxOpenBytes;
      if (limit !== null && stat.size > limit) fail(field, problem('fileTooLarge', { mb: Math.round(limit / 1024 / 1024) }));
      // A link named recipients.csv that points at another kind of file is refused too.
      const realProblem = purposeProblem(purpose, mode, basename(real));
      if (realProblem) fail(field, realProblem);
    } else {
      const parent = realOrNull(dirname(rawPath)) ?? fail(field, problem('folderMissing'));
      if (!statSync(parent).isDirectory()) fail(field, problem('folderMissing'));
      real = join(parent, basename(rawPath));
      if (lstatExists(real)) {
        const stat = lstatSync(real);
        if (!overwrite || mode === 'folder' || !stat.isFile()) {
          fail(field, problem('pathTaken'));
        }
      }
    }

    let root: string | null = null;
    if (roots) {
      root = roots.map(realOrNull).find((r): r is string => r !== null && isInside(r, real)) ?? null;
      if (!root) {
        throw new AppError('FORBIDDEN', `This path is outside the folders granted in Settings (${roots.join(', ')}).`, {
          [field]: problem('outsideGrants'),
        });
      }
    }
    const size = mode === 'open' ? statSync(real).size : null;
    return { path: real, name: basename(real), size, purpose, mode, overwrite, root };
  }
}

function fail(field: string, why: Problem): never {
  throw invalid({ [field]: why });
}

function realOrNull(path: string): string | null {
  try {
    return realpathSync.native(path);
  } catch {
    return null;
  }
}

function lstatExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return existsSync(path);
  }
}
