// Pure helpers for message text: whether bytes are an e-mail at all, and turning bodies into
// text that is safe to store and show. No I/O, no clock.
import { cutText, normaliseText } from '../shared/input-guard';

/**
 * Whether bytes look like an RFC 5322 message: a header block of "Name: value" lines (with
 * folded continuations) ended by a blank line or the end, with a From header, no NUL bytes.
 */
export function looksLikeMessage(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 256 * 1024))).toString('latin1');
  if (head.includes('\u0000')) return false;
  const end = head.search(/\r?\n\r?\n/);
  const lines = (end === -1 ? head : head.slice(0, end)).split(/\r?\n/);
  let sawFrom = false;
  for (const [i, line] of lines.entries()) {
    if ((/^[ \t]/.test(line) && i > 0) || (line === '' && i === lines.length - 1)) continue;
    const m = /^([!-9;-~]+):/.exec(line);
    if (!m) return false;
    if (m[1].toLowerCase() === 'from') sawFrom = true;
  }
  return sawFrom;
}

/**
 * Text safe to store and show: no control characters but tab and newline, trimmed, well-formed
 * and NFC like every string that passes the contract, and cut without splitting a surrogate pair
 * (a lone half would be stored as U+FFFD: not what was hashed for the audit log).
 */
export function safeText(text: string, max = 100_000): string {
  // eslint-disable-next-line no-control-regex
  return cutText(normaliseText(text.toWellFormed().replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim()), max);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const BLOCK_TAGS = new Set(['p', 'div', 'br', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'ul', 'ol', 'hr']);
const SKIPPED_TAGS = new Set(['script', 'style', 'head', 'template', 'noscript', 'title']);

/**
 * HTML body → plain text for an HTML-only message: tags dropped, script/style/head contents
 * dropped, block ends become line breaks, entities decoded. One left-to-right pass with
 * indexOf (no backtracking regex), so hostile markup cannot stall an import.
 */
export function htmlToSafeText(html: string): string {
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt === -1) break;
    const name = /^<\/?\s*([a-zA-Z0-9]+)/.exec(html.slice(lt, Math.min(gt + 1, lt + 40)))?.[1]?.toLowerCase() ?? '';
    const closing = html[lt + 1] === '/';
    i = gt + 1;
    if (!closing && SKIPPED_TAGS.has(name)) {
      const closer = new RegExp(`</${name}`, 'gi');
      closer.lastIndex = i;
      const end = closer.exec(html)?.index ?? -1;
      const endGt = end === -1 ? -1 : html.indexOf('>', end);
      i = endGt === -1 ? html.length : endGt + 1;
      continue;
    }
    if (BLOCK_TAGS.has(name)) out += '\n';
  }
  const decoded = out.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,6});/gi, (m, e: string) => {
    if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? m;
    const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
  return decoded.replace(/[ \t]+\n/g, '\n').replace(/\n\s*\n+/g, '\n');
}
