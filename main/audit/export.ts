import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AuditExport } from '../../preload/contract/audit';
import type { JobInfo } from '../../preload/contract/jobs';
import { csvRows, CSV_BOM } from '../exports/csv';
import { ExportFile } from '../exports/file-output';
import { getSettings } from '../settings/service';
import { appInfo } from '../shared/app-info';
import { invalid, problem } from '../shared/errors';
import type { Session } from '../shared/session';
import type { AuditRow } from './model';
import type { AuditService } from './service';

// The audit log out of the vault, as evidence: every entry exactly as chained (its fields, the
// previous hash and its MAC), the chain head and the anchor at export. audit.verifyExport reads
// these files back. JSON Lines: a header line, one line per entry, an end line. CSV: a header
// row, one row per entry, and a last row "#chain-head" with the head and the anchor.

export const EXPORT_FORMAT = 'dpo-audit-export';
export const CSV_HEAD_MARK = '#chain-head';

/** The CSV's columns, in this order (verifyExport reads by position). */
export const AUDIT_CSV_HEADERS: Record<'en' | 'zh-CN', string[]> = {
  en: ['Seq', 'At (UTC)', 'Actor', 'Action', 'Entity', 'Entity id', 'Summary', 'Details (JSON)', 'Previous hash', 'MAC (hash)'],
  'zh-CN': ['序号', '时间（UTC）', '操作人', '操作', '对象类型', '对象编号', '内容', '详情（JSON）', '前一条哈希', 'MAC（哈希）'],
};

export interface EntryLine {
  type: 'entry';
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  summary: string;
  /** Exactly the stored text: it is part of the MAC. */
  details: string;
  prevHash: string;
  hash: string;
}

export const entryLine = (r: AuditRow): EntryLine => ({
  type: 'entry',
  seq: r.seq,
  at: r.at,
  actor: r.actor,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  summary: r.summary,
  details: r.details,
  prevHash: r.prev_hash,
  hash: r.hash,
});

const csvEntry = (r: AuditRow) => [r.seq, r.at, r.actor, r.action, r.entity, r.entity_id ?? '', r.summary, r.details, r.prev_hash, r.hash];

const PAGE = 2_000;

export function startAuditExport(session: Session, input: z.output<typeof AuditExport>): JobInfo {
  const file = session.files.resolve(input.grantId, { purpose: 'export', modes: ['save'], field: 'grantId' });
  if (!file.name.toLowerCase().endsWith(`.${input.format}`)) throw invalid({ grantId: problem('fileExtension', { ext: input.format }) });
  if (input.from && input.to && input.to <= input.from) throw invalid({ to: problem('afterStart') });
  const audit = session.audit as AuditService;
  const anchor = audit.currentAnchor();
  const head = audit.head();
  const settings = getSettings(session);
  const range = { fromAt: input.from, toAt: input.to, toSeq: head.seq };
  // Progress total; the whole log without a range counts as the head's seq (no second full read).
  const total = input.from || input.to ? audit.rows.countRange(range) : head.seq;
  const out = new ExportFile(file, randomUUID());
  const exportedAt = session.now().toISOString();
  return session.jobs.start({
    kind: 'audit.export',
    discard: () => out.discard(),
    run: async (ctx) => {
      ctx.progress(0, total);
      const header = {
        type: 'header',
        format: EXPORT_FORMAT,
        version: 1,
        app: appInfo(),
        organisation: settings.profile.legalName,
        dpo: settings.profile.dpoName,
        exportedAt,
        range: { from: input.from ?? null, to: input.to ?? null },
        chainHead: head,
        anchor,
      };
      if (input.format === 'jsonl') await out.write(`${JSON.stringify(header)}\n`);
      else await out.write(CSV_BOM + csvRows([AUDIT_CSV_HEADERS[input.language]]));
      let done = 0;
      let entriesWritten = 0;
      let first: number | null = null;
      let last: number | null = null;
      let batch: AuditRow[] = [];
      const flush = async () => {
        if (!batch.length) return;
        const text = input.format === 'jsonl' ? batch.map((r) => `${JSON.stringify(entryLine(r))}\n`).join('') : csvRows(batch.map(csvEntry));
        batch = [];
        await out.write(text);
      };
      for (const row of audit.rows.iterateRange(range, PAGE)) {
        first ??= row.seq;
        last = row.seq;
        batch.push(row);
        entriesWritten++;
        if (batch.length === PAGE) {
          await flush();
          done += PAGE;
          ctx.progress(done, total);
          // Between pages: a cancel (or a lock) stops here, and the partial file goes.
          await new Promise((r) => setImmediate(r));
          if (ctx.signal.aborted) return null;
        }
      }
      await flush();
      const count = entriesWritten;
      if (input.format === 'jsonl') {
        await out.write(`${JSON.stringify({ type: 'end', count, firstSeq: first, lastSeq: last, chainHead: head })}\n`);
      } else {
        await out.write(csvRows([[CSV_HEAD_MARK, head.seq, head.hash, exportedAt, anchor?.seq ?? '', anchor?.hash ?? '', anchor?.at ?? '', anchor?.signature ?? '', count]]));
      }
      if (ctx.signal.aborted) return null;
      const written = await out.finish();
      session.tx(() =>
        session.audit.append({
          action: 'audit.export',
          entity: 'audit',
          summary: `Audit log exported (${input.format.toUpperCase()}, ${count} entries, head #${head.seq}) to ${written.name}`,
          details: { format: input.format, from: input.from ?? null, to: input.to ?? null, count, firstSeq: first, lastSeq: last, head, sha256: written.sha256, bytes: written.bytes, fileName: written.name },
        }),
      );
      return { fileName: written.name, sha256: written.sha256, bytes: written.bytes, rows: count };
    },
  });
}
