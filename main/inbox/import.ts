// .eml import: each file becomes a new request (with its thread's first message and the raw
// message kept in the vault) or a per-file error; one bad file never stops the others and
// leaves nothing of itself behind.
import { randomUUID } from 'node:crypto';
import type { ImportResult } from '../../preload/contract/inbox';
import type { Session } from '../shared/session';
import { refreshDeadlines } from './clock';
import { parseEml, type ParsedEml } from './eml';
import { MAX_EML_BYTES } from './model';
import { InboxRepo } from './repo';
import { emlReceivedAt } from './rules';
import { insertRequest, reindex, timeline } from './service';

const decodeBase64 = (s: string): Buffer | null => {
  const clean = s.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) return null;
  return Buffer.from(clean, 'base64');
};

const tooLarge = () => ({ ok: false as const, code: 'TOO_LARGE' as const, message: `Larger than ${MAX_EML_BYTES / 1024 / 1024} MB (the limit for one .eml file)` });

export async function importEml(session: Session, files: { name: string; base64?: string; size?: number }[]): Promise<{ results: ImportResult[] }> {
  // Parse everything first (async, outside any transaction), then write file by file. The limit
  // is per file: a file over it gets TOO_LARGE and the others are imported.
  const parsed = await Promise.all(
    files.map(async (f) => {
      if ((f.size ?? 0) > MAX_EML_BYTES) return { f, bytes: null, result: tooLarge() };
      if (f.base64 === undefined) return { f, bytes: null, result: { ok: false as const, code: 'MALFORMED' as const, message: 'The file’s content was not sent' } };
      const bytes = decodeBase64(f.base64);
      if (!bytes) return { f, bytes: null, result: { ok: false as const, code: 'MALFORMED' as const, message: 'The file content is not valid base64' } };
      if (bytes.length > MAX_EML_BYTES) return { f, bytes: null, result: tooLarge() };
      return { f, bytes, result: await parseEml(bytes) };
    }),
  );
  const repo = new InboxRepo(session.db);
  const seen = new Set<string>();
  const results: ImportResult[] = [];
  // One transaction for the batch (one sync to disk), one savepoint per file: a file that fails
  // while being stored is rolled back alone and reported.
  session.tx(() => {
    for (const { f, bytes, result } of parsed) {
      if (!result.ok || !bytes) {
        const r = result as { code: 'MALFORMED' | 'TOO_LARGE'; message: string };
        results.push({ name: f.name, ok: false, error: { code: r.code, message: r.message } });
        continue;
      }
      const mail = result.value;
      if (seen.has(mail.dedupeKey) || repo.hasDedupeKey(mail.dedupeKey)) {
        results.push({
          name: f.name,
          ok: false,
          error: { code: 'DUPLICATE', message: mail.messageId ? `Already imported: Message-ID ${mail.messageId}` : 'Already imported: the same message file' },
        });
        continue;
      }
      seen.add(mail.dedupeKey);
      try {
        const created = session.tx(() => storeImported(session, repo, f.name, bytes, mail));
        results.push({ name: f.name, ok: true, ...created, problems: mail.problems });
      } catch {
        results.push({ name: f.name, ok: false, error: { code: 'MALFORMED', message: 'The message could not be stored; nothing of it was kept' } });
      }
    }
  });
  return { results };
}

function storeImported(session: Session, repo: InboxRepo, fileName: string, bytes: Buffer, mail: ParsedEml): { requestId: string; ref: string } {
  const now = session.now();
  const { receivedAt, reason } = emlReceivedAt(mail.dateHeader, now);
  const subject = mail.subject || '(no subject)';
  // An imported message starts as a complaint: the shortest reply clock (15 days) applies until
  // the DPO classifies it, so an unread message is never given more time than the policy allows.
  const row = insertRequest(session, repo, {
    channel: 'email',
    received_at: receivedAt,
    received_at_reason: reason,
    requester_name: mail.fromName || mail.fromAddress,
    requester_contact: mail.fromAddress,
    requester_account: '',
    is_minor: 0,
    guardian_name: null,
    guardian_contact: null,
    rep_kind: null,
    rep_name: null,
    rep_contact: null,
    rep_relationship: null,
    jurisdiction: 'CN',
    type: 'complaint',
    subject,
    internal_target: null,
    message_id: mail.messageId,
    decision_outcome: null,
    decision_actions: null,
    refusal_ground: null,
    refusal_reasons: null,
    decided_at: null,
    decided_by: null,
    extension_notice_at: null,
    extension_reasons: null,
    reply_sent_at: null,
    withdrawn_reason: null,
  });
  const rawId = randomUUID();
  repo.insertRaw({ id: rawId, request_id: row.id, dedupe_key: mail.dedupeKey, file_name: fileName, sha256: mail.sha256, bytes, imported_at: now.toISOString() });
  repo.insertMessage({
    id: randomUUID(),
    request_id: row.id,
    direction: 'in',
    at: receivedAt,
    channel: 'email',
    from_addr: mail.fromName ? `${mail.fromName} <${mail.fromAddress}>` : mail.fromAddress,
    to_addr: mail.to,
    subject,
    body: mail.text,
    attachments: JSON.stringify(mail.attachments),
    raw_id: rawId,
    problems: JSON.stringify(mail.problems),
  });
  timeline(session, repo, row.id, 'created', `Imported from ${fileName} (${mail.messageId ?? 'no Message-ID'}); classify it: it counts as a complaint until then`, undefined, { action: 'inbox.importEml', params: { fileName, messageId: mail.messageId } });
  refreshDeadlines(session, repo, row);
  reindex(session, repo, row);
  session.audit.append({
    action: 'inbox.importEml',
    entity: 'request',
    entityId: row.id,
    summary: `Request ${row.ref} imported from ${fileName}`,
    details: { fileName, messageId: mail.messageId, sha256: mail.sha256, bytes: bytes.length, receivedAt, attachments: mail.attachments.length, problems: mail.problems.map((p) => p.code) },
  });
  return { requestId: row.id, ref: row.ref };
}
