import { isAbsolute, normalize, relative, sep, win32 } from 'node:path';
import type { FileMode, FilePurpose } from '../../preload/contract/files';
import { PURPOSES } from './model';
import { problem, type Problem } from '../shared/errors';

/** A full path on this OS ("/…" or "C:\…"); a relative or drive-relative path is refused. */
export function isFullPath(path: string, platform = process.platform): boolean {
  return platform === 'win32' ? win32.isAbsolute(path) && /^([A-Za-z]:[\\/]|\\\\)/.test(path) : isAbsolute(path);
}

/** True when `path` is `root` itself or lies below it. Both must already be resolved (realpath). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(normalize(root), normalize(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && rel.split(sep)[0] !== '..');
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Why a purpose/mode/name is refused, or null. Pure: the file system is checked by the caller. */
export function purposeProblem(purpose: FilePurpose, mode: FileMode, name: string): Problem | null {
  const rule = PURPOSES[purpose];
  if (!rule.modes.includes(mode)) return problem('purposeMode', { purpose, mode });
  if (mode === 'folder' || mode === 'directory' || rule.extensions === null) return null;
  const ext = extensionOf(name);
  if (!rule.extensions.includes(ext)) {
    return problem('chooseFileKind', { exts: rule.extensions.map((e) => `.${e}`).join(' or ') });
  }
  return null;
}
