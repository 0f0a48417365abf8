// What is wrong with a message file that could still be read. A truncated download, a wrong or
// unknown charset or broken MIME structure does not stop an import (the DPO needs the request,
// and the legal clock runs from its receipt), but the request must say that what is shown may be
// incomplete or garbled (issue 10, item 11). Pure: bytes and the decoded text in, problems out.
import type { EmlProblem, EmlProblemCode } from '../../preload/contract/inbox';

const KNOWN_ENCODINGS = new Set(['7bit', '8bit', 'binary', 'quoted-printable', 'base64']);
const MAX_DEPTH = 10;
const MAX_PROBLEMS = 20;

/** Whether the platform's decoder (ICU: GBK, GB18030, Big5, Shift_JIS, …) knows a charset label. */
export function knownCharset(label: string): boolean {
  try {
    new TextDecoder(label.trim());
    return true;
  } catch {
    return false;
  }
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

interface Part {
  headers: Map<string, string>;
  rawHeaders: string;
  body: string;
}

function splitPart(text: string): Part {
  const end = text.search(/\r?\n\r?\n/);
  const rawHeaders = end === -1 ? text : text.slice(0, end);
  const body = end === -1 ? '' : text.slice(end).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of rawHeaders.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const m = /^([!-9;-~]+):\s*(.*)$/.exec(line);
    if (m && !headers.has(m[1].toLowerCase())) headers.set(m[1].toLowerCase(), m[2].trim());
  }
  return { headers, rawHeaders, body };
}

function params(value: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of value.matchAll(/;\s*([A-Za-z0-9*_-]+)\s*=\s*(?:"([^"]*)"|([^;\s]+))/g)) out.set(m[1].toLowerCase(), m[2] ?? m[3]);
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The problems of one message file, each with a short technical detail (a charset, a part). */
export function mimeProblems(bytes: Uint8Array, decoded: { text: string; subject: string; fromName: string }): EmlProblem[] {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const problems: EmlProblem[] = [];
  const add = (code: EmlProblemCode, detail: string) => {
    if (problems.length < MAX_PROBLEMS && !problems.some((p) => p.code === code && p.detail === detail)) problems.push({ code, detail });
  };

  const top = splitPart(raw);
  // UTF-8 headers are allowed (RFC 6532); other raw 8-bit bytes have no declared charset at all.
  // eslint-disable-next-line no-control-regex
  if (/[^\u0000-\u007f]/.test(top.rawHeaders) && !isUtf8(Buffer.from(top.rawHeaders, 'latin1'))) add('rawHeaderBytes', 'header');
  for (const m of top.rawHeaders.matchAll(/=\?([^?*]+)(?:\*[^?]*)?\?[bBqQ]\?/g)) if (!knownCharset(m[1])) add('unknownCharset', m[1]);

  const check = (part: Part, where: string, depth: number) => {
    const contentType = part.headers.get('content-type') ?? 'text/plain';
    const media = contentType.split(';')[0].trim().toLowerCase();
    const p = params(contentType);
    const charset = p.get('charset');
    if (charset && !knownCharset(charset)) add('unknownCharset', charset);
    const encoding = part.headers.get('content-transfer-encoding')?.trim().toLowerCase();
    if (encoding && !KNOWN_ENCODINGS.has(encoding)) add('brokenEncoding', `${where}: Content-Transfer-Encoding ${encoding}`);

    if (media.startsWith('multipart/')) {
      const boundary = p.get('boundary');
      if (!boundary) return add('brokenMime', `${where}: ${media} without a boundary`);
      if (depth >= MAX_DEPTH) return;
      const delimiter = new RegExp(`(?:^|\\r?\\n)--${escapeRegExp(boundary)}(--)?[ \\t]*(?=\\r?\\n|$)`, 'g');
      const marks = [...part.body.matchAll(delimiter)];
      if (marks.length === 0) return add('brokenMime', `${where}: the boundary never appears`);
      if (!marks.some((m) => m[1] === '--')) add('truncated', `${where}: no closing boundary`);
      for (let i = 0; i < marks.length; i++) {
        if (marks[i][1] === '--') break;
        const start = marks[i].index + marks[i][0].length;
        const end = i + 1 < marks.length ? marks[i + 1].index : part.body.length;
        check(splitPart(part.body.slice(start, end).replace(/^\r?\n/, '')), `${where}.${i + 1}`, depth + 1);
      }
      return;
    }
    if (encoding === 'base64') {
      const clean = part.body.replace(/[\r\n\t ]/g, '');
      if (/[^A-Za-z0-9+/=]/.test(clean) || /=[^=]/.test(clean)) add('brokenEncoding', `${where}: base64 with characters outside its alphabet`);
      else if (clean.length % 4 !== 0) add('truncated', `${where}: base64 content ends part-way`);
    }
  };
  check(top, 'message', 0);

  // U+FFFD in the text that is not in the file itself: bytes the declared charset cannot decode.
  const replaced = [decoded.text, decoded.subject, decoded.fromName].some((s) => s.includes('\ufffd'));
  if (replaced && !raw.includes('\u00ef\u00bf\u00bd') && !/=EF=BF=BD/i.test(raw)) add('undecodableText', 'text');
  return problems;
}
