// Reading one .eml file into the facts a request needs. No I/O and no clock: the bytes come in,
// the parsed message (or why it is not one) comes out.
import { createHash } from 'node:crypto';
import PostalMime from 'postal-mime';
import type { EmlProblem } from '../../preload/contract/inbox';
import { MAX_EML_BYTES } from './model';
import { htmlToSafeText, looksLikeMessage, safeText } from './message-text';
import { mimeProblems } from './mime-check';

export interface ParsedEml {
  /** Message-ID, or a content hash when the message has none: the duplicate key. */
  dedupeKey: string;
  messageId: string | null;
  sha256: string;
  fromName: string;
  fromAddress: string;
  to: string;
  subject: string;
  dateHeader: string | undefined;
  /** Plain text; an HTML-only body is turned into text (scripts and styles dropped). */
  text: string;
  attachments: { filename: string; mimeType: string; size: number }[];
  /** What was wrong with the file though it could be read (shown on the request). */
  problems: EmlProblem[];
}

export type EmlParse = { ok: true; value: ParsedEml } | { ok: false; code: 'MALFORMED' | 'TOO_LARGE'; message: string };

/**
 * Parses with postal-mime, which decodes GBK, GB2312 (as GBK), Big5 and UTF-8 parts and
 * RFC 2047 headers through Node's ICU TextDecoder (checked on Node 20: no iconv needed).
 */
export async function parseEml(bytes: Uint8Array): Promise<EmlParse> {
  if (bytes.length > MAX_EML_BYTES) {
    return { ok: false, code: 'TOO_LARGE', message: `Larger than ${MAX_EML_BYTES / 1024 / 1024} MB` };
  }
  if (!looksLikeMessage(bytes)) {
    return { ok: false, code: 'MALFORMED', message: 'Not an e-mail message: no header block with a From line' };
  }
  let email;
  try {
    email = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' });
  } catch (error) {
    return { ok: false, code: 'MALFORMED', message: `The message could not be read: ${(error as Error).message}` };
  }
  const fromAddress = email.from?.address?.trim() ?? '';
  if (!fromAddress) return { ok: false, code: 'MALFORMED', message: 'The From header names no sender address' };
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const messageId = email.messageId?.trim() || null;
  // postal-mime derives no text part from an HTML-only body inside multipart/mixed.
  const text = email.text ?? (email.html ? htmlToSafeText(email.html) : '');
  const problems = mimeProblems(bytes, { text, subject: email.subject ?? '', fromName: email.from?.name ?? '' });
  return {
    ok: true,
    value: {
      dedupeKey: messageId ?? `sha256:${sha256}`,
      messageId,
      sha256,
      fromName: safeText(email.from?.name ?? '', 200),
      fromAddress: safeText(fromAddress, 254),
      to: safeText((email.to ?? []).map((a) => a.address ?? a.name).join(', '), 500),
      subject: safeText(email.subject ?? '', 500),
      dateHeader: email.date,
      text: safeText(text),
      attachments: email.attachments.map((a) => ({
        filename: safeText(a.filename ?? '(unnamed)', 255),
        mimeType: a.mimeType,
        size: typeof a.content === 'string' ? a.content.length : a.content.byteLength,
      })),
      problems,
    },
  };
}
