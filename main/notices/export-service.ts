import { valuesIn } from './context';
import { createHash, randomUUID } from 'node:crypto';
import { domainToASCII } from 'node:url';
import type { z } from 'zod';
import type { Language } from '../../preload/contract/common';
import type { ChannelName, NoticeKind, noticesChannels } from '../../preload/contract/notices';
import { conflict, invalid, problem } from '../shared/errors';
import type { Session } from '../shared/session';
import { channelChecks } from './channel-rules';
import { kindOf, mergeContext, type MergeContext } from './context';
import type { KindSpec } from './model';
import { composeEml } from './eml';
import { NoticesRepo, type NoticeRow, type VersionRow } from './repo';
import { htmlBody, renderNotice, type RenderedNotice } from './render';
import { loadNotice, parseContent } from './service';
import { noticeStateName } from './model';

type In<C extends keyof typeof noticesChannels> = z.output<(typeof noticesChannels)[C]['input']>;
type Out<C extends keyof typeof noticesChannels> = z.output<(typeof noticesChannels)[C]['output']>;

export interface Loaded {
  row: NoticeRow;
  version: VersionRow;
  ctx: MergeContext;
  /** The kind's elements as the catalogue holds them today. */
  spec: KindSpec;
}

export function loadCurrent(session: Session, id: string): Loaded {
  const repo = new NoticesRepo(session.db);
  const row = loadNotice(repo, id);
  return { row, version: repo.version(id, row.version)!, ctx: mergeContext(session, repo.links(id)), spec: kindOf(session, row.kind as NoticeKind) };
}

/** What gets sent must be what was approved (RULES.md §3). */
export function requireApproved(l: Loaded): void {
  if (l.version.state !== 'approved' && l.version.state !== 'dispatched') {
    throw conflict(problem('approveBeforeOutput', { ref: l.row.ref, version: l.version.version, state: noticeStateName(l.version.state) }));
  }
}

/** Renders in one language; any merge field left unfilled is VALIDATION naming it, never a blank. */
export function renderStrict(l: Loaded, language: Language, recipient?: Record<string, string>, keepRecipientFields = false): RenderedNotice {
  const content = parseContent(l.version);
  const values = valuesIn(l.ctx, language);
  for (const [k, v] of Object.entries(recipient ?? {})) values[`recipient.${k}`] = v;
  const rendered = renderNotice(l.spec, content, language, values, { keepRecipientFields });
  if (rendered.unknown.length) {
    throw invalid(
      Object.fromEntries(
        rendered.unknown.map((u) => [
          `mergeFields.${u.name}`,
          u.name.startsWith('recipient.') ? problem('perRecipientField', { name: u.name, where: u.where }) : problem('unknownMergeFieldIn', { name: u.name, where: u.where }),
        ]),
      ),
    );
  }
  return rendered;
}

function checksFor(l: Loaded, r: RenderedNotice, language: Language, channel: ChannelName) {
  return channelChecks(l.row.kind as NoticeKind, {
    language,
    subject: r.subject,
    sms: r.sms,
    pushTitle: r.pushTitle,
    pushBody: r.pushBody,
    orgAddress: l.ctx.profile.registeredAddress,
  }).filter((c) => c.channel === channel);
}

/** Refuses an output whose channel check has an error (e.g. an e-mail with no subject). */
function requireChannel(l: Loaded, r: RenderedNotice, language: Language, channel: ChannelName): void {
  const errors = checksFor(l, r, language, channel).filter((c) => c.severity === 'error');
  if (errors.length) throw invalid(Object.fromEntries(errors.map((c) => [`channels.${channel}.${language}`, problem('said', { text: c.message })])));
}

export function previewNotice(session: Session, input: In<'notices.preview'>): Out<'notices.preview'> {
  const l = loadCurrent(session, input.id);
  const r = renderStrict(l, input.language, input.recipient, !input.recipient);
  return previewOf(l, r, input.channel, input.language, session.now());
}

export function previewOf(l: Loaded, r: RenderedNotice, channel: ChannelName, language: Language, now: Date): Out<'notices.preview'> {
  const p = l.ctx.profile;
  const text = channel === 'sms' ? r.sms : channel === 'push' ? `${r.pushTitle}\n${r.pushBody}` : r.text;
  return {
    channel,
    language,
    subject: channel === 'push' ? r.pushTitle : r.subject,
    blocks: channel === 'sms' ? [{ heading: null, text: r.sms }] : channel === 'push' ? [{ heading: null, text: r.pushBody }] : r.blocks,
    text,
    letterhead: { legalName: p.legalName, address: p.registeredAddress, phone: p.phone, email: p.dpoEmail, dpoName: p.dpoName },
    date: (l.version.approved_at ?? now.toISOString()).slice(0, 10),
    checks: checksFor(l, r, language, channel),
  };
}

/** The domain for Message-IDs, as ASCII (punycode for an internationalised domain). */
export const mailDomain = (address: string): string => domainToASCII(address.split('@')[1] ?? '') || 'dpo.invalid';

export async function exportEml(session: Session, input: In<'notices.exportEml'>): Promise<Out<'notices.exportEml'>> {
  const l = loadCurrent(session, input.id);
  requireApproved(l);
  const r = renderStrict(l, input.language);
  requireChannel(l, r, input.language, 'email');
  const p = l.ctx.profile;
  const bytes = await composeEml({
    from: { name: p.legalName, address: p.dpoEmail },
    to: input.to,
    subject: r.subject,
    text: r.text,
    html: htmlBody(r, input.language),
    date: session.now(),
    messageId: `<${randomUUID()}@${mailDomain(p.dpoEmail)}>`,
  });
  const fileName = `${l.row.ref}-v${l.version.version}-${input.language}.eml`;
  const out = recordOutput(session, l, { format: 'eml', language: input.language, fileName, path: null, bytes, messages: 1 });
  return { ...out, fileName, mimeType: 'message/rfc822', base64: bytes.toString('base64'), bytes: bytes.length };
}

/** The SMS or push text as sent, one UTF-8 file (per-recipient texts come from the mail-merge). */
export function exportText(session: Session, input: In<'notices.exportText'>): Out<'notices.exportText'> {
  const l = loadCurrent(session, input.id);
  requireApproved(l);
  const r = renderStrict(l, input.language);
  requireChannel(l, r, input.language, input.channel);
  const text = input.channel === 'sms' ? `${r.sms}\n` : `${r.pushTitle}\n${r.pushBody}\n`;
  const bytes = Buffer.from(text, 'utf8');
  const fileName = `${l.row.ref}-v${l.version.version}-${input.language}-${input.channel}.txt`;
  const out = recordOutput(session, l, { format: input.channel, language: input.language, fileName, path: null, bytes, messages: 1 });
  return { ...out, fileName, mimeType: 'text/plain;charset=utf-8', base64: bytes.toString('base64'), bytes: bytes.length };
}

/** The letter or announcement is printed by the renderer; its exact text is recorded first. */
export function recordPrint(session: Session, input: In<'notices.recordPrint'>): Out<'notices.recordPrint'> {
  const l = loadCurrent(session, input.id);
  requireApproved(l);
  const r = renderStrict(l, input.language);
  const p = l.ctx.profile;
  const page = [p.legalName, p.registeredAddress, r.subject, r.text].join('\n');
  const fileName = `${l.row.ref}-v${l.version.version}-${input.language}-letter`;
  return recordOutput(session, l, { format: 'letter', language: input.language, fileName, path: null, bytes: Buffer.from(page, 'utf8'), messages: 1 });
}

export function recordOutput(
  session: Session,
  l: Loaded,
  o: { format: string; language: Language; fileName: string; path: string | null; bytes: Buffer | null; sha256?: string; size?: number; messages: number },
): { outputId: string; sha256: string } {
  const sha256 = o.sha256 ?? createHash('sha256').update(o.bytes!).digest('hex');
  const id = randomUUID();
  session.tx(() => {
    new NoticesRepo(session.db).insertOutput({
      id,
      notice_id: l.row.id,
      version: l.version.version,
      format: o.format,
      language: o.language,
      file_name: o.fileName,
      path: o.path,
      sha256,
      bytes: o.size ?? o.bytes?.length ?? 0,
      messages: o.messages,
      created_at: session.now().toISOString(),
    });
    session.audit.append({
      action: 'notices.output',
      entity: 'notice',
      entityId: l.row.id,
      summary: `${l.row.ref} v${l.version.version}: ${o.format} output ${o.fileName} (${o.messages} message(s)), SHA-256 ${sha256}`,
      details: { outputId: id, version: l.version.version, format: o.format, language: o.language, fileName: o.fileName, path: o.path, sha256, messages: o.messages },
    });
  });
  return { outputId: id, sha256 };
}
