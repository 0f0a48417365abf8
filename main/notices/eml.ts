import MailComposer from 'nodemailer/lib/mail-composer';
import { domainToASCII } from 'node:url';
import * as mimeFuncs from 'nodemailer/lib/mime-funcs';

// RFC 5322 messages. A single notice is composed by nodemailer's MailComposer. A mail-merge
// composes ONE skeleton with MailComposer and fills each recipient's headers and base64 bodies
// into it: MailComposer's stream pipeline runs at ~1,400 messages/s, far from the 50,000/s a
// million-recipient merge needs, while the skeleton keeps its structure, boundaries and headers.

export interface Party {
  name: string;
  address: string;
}

export interface MessageParts {
  from: Party;
  to?: Party;
  subject: string;
  text: string;
  html: string;
  date: Date;
  messageId: string;
}

export async function composeEml(parts: MessageParts): Promise<Buffer> {
  const composer = new MailComposer({
    from: parts.from,
    ...(parts.to ? { to: parts.to } : {}),
    subject: parts.subject,
    text: parts.text,
    html: parts.html,
    date: parts.date,
    messageId: parts.messageId,
    textEncoding: 'base64',
  });
  return composer.compile().build();
}

const S = {
  to: 'merge-to@sentinel.invalid',
  subject: 'MERGE-SUBJECT-SENTINEL',
  messageId: '<merge-id@sentinel.invalid>',
  text: 'MERGE-TEXT-SENTINEL-\u2713',
  html: 'MERGE-HTML-SENTINEL-\u2713',
};

/** A merge skeleton: literal pieces with five holes (To, Subject, Message-ID, text, html) in skeleton order. */
export interface MergeSkeleton {
  pieces: string[];
  holes: ('to' | 'subject' | 'messageId' | 'text' | 'html')[];
  eol: string;
}

export async function compileSkeleton(from: Party, date: Date, eol: '\r\n' | '\n'): Promise<MergeSkeleton> {
  const raw = (
    await composeEml({ from, to: { name: '', address: S.to }, subject: S.subject, text: S.text, html: S.html, date, messageId: S.messageId })
  ).toString('utf8');
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  // Each hole spans the whole header line (continuations included) or the whole base64 body.
  const marks: { hole: MergeSkeleton['holes'][number]; start: number; end: number }[] = [];
  const headerLine = (hole: 'to' | 'subject' | 'messageId', name: string) => {
    const start = raw.indexOf(`\r\n${name}: `) + 2;
    let end = raw.indexOf('\r\n', start);
    while (raw[end + 2] === ' ' || raw[end + 2] === '\t') end = raw.indexOf('\r\n', end + 2);
    if (start < 2) throw new Error(`Skeleton has no ${name} header`);
    marks.push({ hole, start, end });
  };
  headerLine('to', 'To');
  headerLine('subject', 'Subject');
  headerLine('messageId', 'Message-ID');
  for (const hole of ['text', 'html'] as const) {
    const start = raw.indexOf(b64(S[hole]));
    if (start < 0) throw new Error(`Skeleton has no ${hole} body`);
    marks.push({ hole, start, end: start + b64(S[hole]).length });
  }
  marks.sort((a, b) => a.start - b.start);
  const pieces: string[] = [];
  let last = 0;
  for (const m of marks) {
    pieces.push(raw.slice(last, m.start).replace(/\r\n/g, eol));
    last = m.end;
  }
  pieces.push(raw.slice(last).replace(/\r\n/g, eol));
  // The skeleton text held a non-Latin-1 sentinel, so V8 stores its slices two bytes per
  // character; re-created from bytes they are one-byte strings that copy out ~10× faster.
  const oneByte = (s: string) => Buffer.from(s, 'latin1').toString('latin1');
  return { pieces: pieces.map(oneByte), holes: marks.map((m) => m.hole), eol };
}

/** Base64 in 76-character lines (RFC 2045 §6.8), as MailComposer writes it. */
export function base64Lines(text: string, eol: string): string {
  const b = Buffer.from(text, 'utf8').toString('base64');
  if (b.length <= 76) return b;
  let out = b.slice(0, 76);
  for (let i = 76; i < b.length; i += 76) out += eol + b.slice(i, i + 76);
  return out;
}

const fold = (line: string, eol: string) => {
  if (line.length <= 76) return line;
  const folded = mimeFuncs.foldLines(line, 76, true).replace(/\r?\n$/, '');
  return eol === '\r\n' ? folded : folded.replace(/\r\n/g, eol);
};

/** The To header, encoded as MailComposer encodes a display name (RFC 2047 B words for non-ASCII). */
export function toHeader(to: Party, eol: string): string {
  const name = to.name.trim();
  const at = to.address.lastIndexOf('@');
  // Internationalised domains go out as punycode (headers are ASCII).
  const address = /^[\x20-\x7e]*$/.test(to.address) ? to.address : `${to.address.slice(0, at)}@${domainToASCII(to.address.slice(at + 1))}`;
  let shown: string;
  if (!name) shown = address;
  else if (/^[\w ]*$/.test(name)) shown = `${name} <${address}>`;
  else if (/^[\x20-\x7e]*$/.test(name)) shown = `${mimeFuncs.quoteString(name)} <${address}>`;
  else if (name.length <= 13) shown = `=?UTF-8?B?${Buffer.from(name, 'utf8').toString('base64')}?= <${address}>`; // ≤ 39 bytes: one word, as encodeWord(…, 52) writes it
  else shown = `${mimeFuncs.encodeWord(name, 'B', 52)} <${address}>`;
  return fold(`To: ${shown}`, eol);
}

export function subjectHeader(subject: string, eol: string): string {
  return fold(`Subject: ${mimeFuncs.encodeWords(subject, 'B', 52, true)}`, eol);
}

export interface MergeFill {
  to: string;
  subject: string;
  messageId: string;
  /** Base64 lines of the plain and HTML bodies, as pieces. */
  text: string[];
  html: string[];
}

/** The message as pieces in order (written one after another, never joined into one string). */
export function fillSkeleton(s: MergeSkeleton, fill: MergeFill, before = ''): string[] {
  const out = before ? [before, s.pieces[0]] : [s.pieces[0]];
  for (let i = 0; i < s.holes.length; i++) {
    const hole = s.holes[i];
    if (hole === 'text' || hole === 'html') out.push(...fill[hole]);
    else out.push(hole === 'messageId' ? `Message-ID: ${fill.messageId}` : fill[hole]);
    out.push(s.pieces[i + 1]);
  }
  return out;
}
