import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import type { ExportCheck } from '../../preload/contract/audit';
import { unneutralise } from '../exports/csv';
import type { Session } from '../shared/session';
import { CSV_HEAD_MARK, EXPORT_FORMAT, type EntryLine } from './export';
import type { AuditService } from './service';
import { chainHash } from './rules';

type Problem = NonNullable<ExportCheck['firstProblem']>;

/**
 * Reads an audit export back and checks it against the vault: each entry's MAC recomputed with
 * the vault's key (the file was not edited), the vault's entry at that seq has the same hash (the
 * vault was not cut or rewritten since), consecutive entries link, and the head the file recorded
 * is still in the chain.
 */
export async function verifyAuditExport(session: Session, grantId: string): Promise<ExportCheck> {
  const file = session.files.resolve(grantId, { purpose: 'auditExport', modes: ['open'], field: 'grantId' });
  const format = file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'jsonl';
  const audit = session.audit as AuditService;
  const key = audit.chainKey;
  let entries = 0;
  let matching = 0;
  let firstProblem: Problem | null = null;
  let fileHead: { seq: number; hash: string } | null = null;
  let exportedAt: string | null = null;
  let prev: { seq: number; hash: string } | null = null;

  const check = (e: EntryLine, line: number) => {
    entries++;
    if (firstProblem) return;
    const fields = { seq: e.seq, at: e.at, actor: e.actor, action: e.action, entity: e.entity, entity_id: e.entityId, summary: e.summary, details: e.details };
    if (chainHash(key, e.prevHash, fields) !== e.hash) return void (firstProblem = { seq: e.seq, reason: 'badMac', line });
    if (prev && prev.seq + 1 === e.seq && prev.hash !== e.prevHash) return void (firstProblem = { seq: e.seq, reason: 'badLink', line });
    const inVault = audit.rows.hashAt(e.seq);
    if (inVault === undefined) return void (firstProblem = { seq: e.seq, reason: 'notInVault', line });
    if (inVault !== e.hash) return void (firstProblem = { seq: e.seq, reason: 'differs', line });
    prev = { seq: e.seq, hash: e.hash };
    matching++;
  };
  const unreadable = (line: number): ExportCheck => ({
    ok: false,
    format,
    entries,
    matching,
    firstProblem: { seq: null, reason: 'unreadable', line },
    fileHead,
    fileHeadInVault: null,
    exportedAt,
  });

  if (format === 'jsonl') {
    const lines = createInterface({ input: createReadStream(file.path, 'utf8'), crlfDelay: Infinity });
    let n = 0;
    for await (const text of lines) {
      n++;
      if (!text.trim()) continue;
      let v: Record<string, unknown>;
      try {
        v = JSON.parse(text) as Record<string, unknown>;
      } catch {
        return unreadable(n);
      }
      if (n === 1) {
        if (v.type !== 'header' || v.format !== EXPORT_FORMAT) return unreadable(1);
        fileHead = v.chainHead as { seq: number; hash: string };
        exportedAt = String(v.exportedAt ?? '') || null;
        continue;
      }
      if (v.type === 'entry') {
        if (!isEntry(v)) return unreadable(n);
        check(v, n);
      }
    }
    if (n === 0) return unreadable(1);
  } else {
    const parser = createReadStream(file.path).pipe(parse({ bom: true, relax_column_count: true }));
    let n = 0;
    for await (const record of parser as AsyncIterable<string[]>) {
      n++;
      if (n === 1) continue;
      if (record[0] === CSV_HEAD_MARK) {
        fileHead = { seq: Number(record[1]), hash: record[2] };
        exportedAt = record[3] || null;
        continue;
      }
      if (record.length < 10 || !/^\d+$/.test(record[0])) return unreadable(n);
      const [seq, at, actor, action, entity, entityId, summary, details, prevHash, hash] = record.map((c, i) => (i === 0 ? c : unneutralise(c)));
      check({ type: 'entry', seq: Number(seq), at, actor, action, entity, entityId: entityId === '' ? null : entityId, summary, details, prevHash, hash }, n);
    }
    if (n === 0) return unreadable(1);
  }
  const head = fileHead as { seq: number; hash: string } | null;
  const fileHeadInVault = head ? (head.seq === 0 ? true : audit.rows.hashAt(head.seq) === head.hash) : null;
  if (!firstProblem && head && !fileHeadInVault) {
    firstProblem = { seq: head.seq, reason: audit.rows.hashAt(head.seq) === undefined ? 'notInVault' : 'differs', line: 0 };
  }
  return { ok: !firstProblem && entries === matching && fileHeadInVault !== false, format, entries, matching, firstProblem, fileHead: head, fileHeadInVault, exportedAt };
}

function isEntry(v: Record<string, unknown>): v is EntryLine & Record<string, unknown> {
  return (
    Number.isInteger(v.seq) &&
    typeof v.at === 'string' &&
    typeof v.actor === 'string' &&
    typeof v.action === 'string' &&
    typeof v.entity === 'string' &&
    (v.entityId === null || typeof v.entityId === 'string') &&
    typeof v.summary === 'string' &&
    typeof v.details === 'string' &&
    typeof v.prevHash === 'string' &&
    typeof v.hash === 'string'
  );
}
