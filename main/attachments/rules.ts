import { ROLES_BY_MODULE, type AttachmentRole, type PreviewKind } from '../../preload/contract/attachments';
import type { ModuleName } from '../../preload/contract/common';
import type { SniffedType } from './model';
import { problem, type Problem } from '../shared/errors';

/** Image types the window shows as pictures (an <img> runs no script, SVG included, but SVG is kept as text). */
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp', 'image/avif']);

export function previewKindFor(type: string): PreviewKind {
  if (type === 'application/pdf') return 'pdf';
  if (IMAGE_TYPES.has(type)) return 'image';
  if (type === 'message/rfc822') return 'eml';
  if (type.startsWith('text/')) return 'text';
  return 'none';
}

/** Why a file of `size` bytes is refused under a limit of `maxMB`, or null. Pure. */
export function sizeProblem(size: number, maxMB: number): Problem | null {
  return size > maxMB * 1024 * 1024 ? problem('attachmentTooLarge', { mb: maxMB }) : null;
}

export function roleProblem(module: ModuleName, role: AttachmentRole): Problem | null {
  return ROLES_BY_MODULE[module].includes(role) ? null : problem('attachmentRole', { module, role });
}

/**
 * The type of a file whose first bytes carry no magic number: a mail (.eml with header
 * lines), UTF-8 text, or opaque bytes. Pure: `head` is the first bytes, `name` the file name.
 */
export function sniffWithoutMagic(head: Uint8Array, name: string, size: number): SniffedType {
  if (size === 0) return { type: 'application/x-empty', previewKind: 'none' };
  if (head.includes(0)) return { type: 'application/octet-stream', previewKind: 'none' };
  let text: string;
  try {
    // A chunk boundary may cut the last character: decode as a stream would.
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: head.length < size });
  } catch {
    return { type: 'application/octet-stream', previewKind: 'none' };
  }
  const lower = name.toLowerCase();
  const headerLines = text.split(/\r?\n/, 40).filter((l) => /^(From|To|Subject|Date|Received|Message-ID|MIME-Version|Return-Path):/i.test(l)).length;
  if ((lower.endsWith('.eml') && headerLines >= 1) || headerLines >= 3) return { type: 'message/rfc822', previewKind: 'eml' };
  if (lower.endsWith('.csv')) return { type: 'text/csv', previewKind: 'text' };
  if (lower.endsWith('.json')) return { type: 'application/json', previewKind: 'text' };
  return { type: 'text/plain', previewKind: 'text' };
}
