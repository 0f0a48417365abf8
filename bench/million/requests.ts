import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { AuditService } from '../../main/audit/service';
import type { RequestRow } from '../../main/inbox/model';
import { InboxRepo } from '../../main/inbox/repo';
import { createRequest } from '../../main/inbox/service';
import { SearchRepo } from '../../main/search/repo';
import type { Session } from '../../main/shared/session';
import type { BenchRow } from '../types';
import { inBatches, withLargeCache, withoutIndexes } from './bulk';
import { bodyOf, requesterName, subjectOf } from './text';

// Requests: a sample through the real use-case (createRequest: validation, reply clocks, thread,
// timeline, search index, audit entry), timed per record; the rest as the use-case writes them
// (the request row, its first message, its search document, its audit entry) through the inbox,
// search and audit repositories' own statements, many to a transaction.

const STATES = ['new', 'verifying', 'inProgress', 'answered', 'refused', 'withdrawn', 'closed'] as const;
const TYPES = ['complaint', 'access', 'copy', 'correction', 'deletion', 'accountClosure', 'consentWithdrawal', 'other'] as const;
const JURISDICTIONS = ['CN', 'CN', 'CN', 'EU', 'US-CA', 'OTHER'] as const;
const START = Date.parse('2024-01-01T00:00:00.000Z');

export function seedRequests(session: Session, n: number, nowMs: number, log: (line: string) => void): BenchRow[] {
  const sample = Math.min(1_000, Math.max(100, Math.round(n / 1000)));
  const step = (nowMs - START) / n;
  const receivedAt = (i: number) => new Date(START + i * step).toISOString();

  // The use-case, one transaction per request as the DPO's Save makes it.
  const t0 = performance.now();
  for (let i = 0; i < sample; i++) {
    createRequest(session, {
      channel: 'email',
      receivedAt: receivedAt(i),
      receivedAtReason: 'Logged from the bench',
      requester: { name: requesterName(i), contact: `user${i}@example.cn` },
      isMinor: false,
      jurisdiction: JURISDICTIONS[i % JURISDICTIONS.length],
      type: TYPES[(i >> 3) % TYPES.length],
      subject: subjectOf(i),
      ...(bodyOf(i) ? { body: bodyOf(i) } : {}),
    });
  }
  const serviceMs = (performance.now() - t0) / sample;

  const db = session.db;
  const repo = new InboxRepo(db);
  const search = new SearchRepo(db);
  const audit = session.audit as AuditService;
  const t1 = performance.now();
  withLargeCache(db, () =>
    withoutIndexes(db, ['inbox_requests', 'inbox_messages'], () =>
      inBatches(
        db,
        n,
        20_000,
        (from, to) => {
          for (let i = Math.max(from, sample); i < to; i++) {
            const at = receivedAt(i);
            const state = STATES[i % STATES.length];
            const open = state === 'new' || state === 'verifying' || state === 'inProgress';
            const received = Date.parse(at);
            const row: RequestRow & { ref_year: number; ref_seq: number } = {
              id: randomUUID(),
              ref: `REQ-B-${i}`,
              ref_year: 1,
              ref_seq: i + 1,
              channel: 'email',
              received_at: at,
              received_at_reason: '',
              requester_name: requesterName(i),
              requester_contact: `user${i}@example.cn`,
              requester_account: '',
              is_minor: 0,
              guardian_name: null,
              guardian_contact: null,
              rep_kind: null,
              rep_name: null,
              rep_contact: null,
              rep_relationship: null,
              jurisdiction: JURISDICTIONS[i % JURISDICTIONS.length],
              type: TYPES[(i >> 3) % TYPES.length],
              subject: subjectOf(i),
              state,
              is_open: open ? 1 : 0,
              internal_target: null,
              message_id: null,
              decision_outcome: open ? null : 'fulfilled',
              decision_actions: null,
              refusal_ground: null,
              refusal_reasons: null,
              decided_at: null,
              decided_by: null,
              extension_notice_at: null,
              extension_reasons: null,
              reply_sent_at: open ? null : new Date(received + 10 * 86_400_000).toISOString(),
              withdrawn_reason: null,
              due_at: new Date(received + 21 * 86_400_000).toISOString(),
              gdpr_due_at: null,
              created_at: at,
              updated_at: at,
            };
            repo.insertRequest(row);
            const body = bodyOf(i);
            if (body) {
              repo.insertMessage({ id: randomUUID(), request_id: row.id, direction: 'in', at, channel: 'email', from_addr: row.requester_contact, to_addr: '', subject: row.subject, body, attachments: '[]', raw_id: null });
            }
            search.upsert({
              module: 'inbox',
              recordId: row.id,
              ref: row.ref,
              title: `${row.requester_name}: ${row.subject}`,
              body: [row.requester_name, row.requester_contact, '', '', body ? `${row.subject}\n${body}` : ''].join('\n'),
            });
            audit.append({
              action: 'inbox.create',
              entity: 'request',
              entityId: row.id,
              summary: `Request ${row.ref} logged (${row.type}, ${row.jurisdiction})`,
              details: { channel: 'email', requester: { name: row.requester_name, contact: row.requester_contact }, isMinor: false, jurisdiction: row.jurisdiction, type: row.type, subject: row.subject, receivedAt: at },
            });
          }
        },
        (done) => done % 200_000 === 0 && log(`  requests: ${done} of ${n}`),
      ),
    ),
  );
  const bulkSeconds = (performance.now() - t1) / 1000;
  log(`  requests: ${n} in ${bulkSeconds.toFixed(1)} s (bulk) + ${((serviceMs * sample) / 1000).toFixed(1)} s (${sample} through the use-case)`);
  return [
    { name: `inbox.create through the use-case (sample of ${sample}, own transaction each)`, value: serviceMs, unit: 'ms/record' },
    { name: `seed ${n - sample} requests in bulk (row, message, search document, audit entry)`, value: bulkSeconds, unit: 's' },
  ];
}
