import { fileTypeFromBuffer } from 'file-type';
import type { SniffedType } from './model';
import { previewKindFor, sniffWithoutMagic } from './rules';

/**
 * The type from the bytes, never from the name the file came with: a renamed .exe stays
 * application/x-msdownload and is never previewed as a picture. file-type reads the magic
 * numbers; text and mail have none, so the pure rule decides those.
 */
export async function sniffType(head: Uint8Array, name: string, size: number): Promise<SniffedType> {
  const found = size > 0 ? await fileTypeFromBuffer(head) : undefined;
  if (found) return { type: found.mime, previewKind: previewKindFor(found.mime) };
  return sniffWithoutMagic(head, name, size);
}
