import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { PackExport, PackKind } from '../../../preload/contract/exports';
import type { JobInfo } from '../../../preload/contract/jobs';
import { entryLine, EXPORT_FORMAT } from '../../audit/export';
import type { AuditRow } from '../../audit/model';
import type { AuditService } from '../../audit/service';
import { getSettings } from '../../settings/service';
import { appInfo } from '../../shared/app-info';
import { invalid, problem } from '../../shared/errors';
import type { Session } from '../../shared/session';
import { ExportFile } from '../file-output';
import { attachmentProvider } from './attachments';
import { attachmentsSection, auditSection, generatedAtText, organisationSection } from './common';
import { incidentPack } from './incident';
import { linkedSection } from './linked';
import type { PackSource } from './model';
import { renderPdf } from './pdf';
import { requestPack } from './request';
import { transferPack } from './transfer';
import { PackZip } from './zip';

export const PACK_FORMAT = 'dpo-evidence-pack';

const SOURCES: Record<PackKind, PackSource> = { incident: incidentPack, transfer: transferPack, request: requestPack };

/** A file name inside the zip: no folders, no characters Windows refuses. */
const safeName = (name: string): string => name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_').slice(0, 180) || 'attachment';

/**
 * An evidence pack for one record, as a session job: report.pdf, the notices as sent, the
 * attachments, the record's audit entries with their MACs, the anchor, and manifest.json with
 * the SHA-256 of every file. Written to a temporary file beside the chosen .zip and renamed when
 * complete; a cancel or lock leaves nothing. The pack is audited.
 */
export function startPack(session: Session, input: z.output<typeof PackExport>): JobInfo {
  const file = session.files.resolve(input.grantId, { purpose: 'export', modes: ['save'], field: 'grantId' });
  if (!file.name.toLowerCase().endsWith('.zip')) throw invalid({ grantId: problem('packZip') });
  const source = SOURCES[input.kind];
  // Everything is read now, in one go: the pack shows the record as it was at this instant.
  const content = source.build(session, input.id);
  const settings = getSettings(session);
  const audit = session.audit as AuditService;
  const anchor = audit.currentAnchor();
  const head = audit.head();
  const entries = auditEntries(audit, content.audit, head.seq);
  const attachments = attachmentProvider().list(session, { module: source.recordModule, recordId: input.id });
  const generatedAt = session.now().toISOString();
  const linked = linkedSection(session, content.linked);
  const report = {
    title: source.title,
    subject: `${content.ref} · ${content.title}`,
    reference: content.ref,
    sections: [organisationSection(settings), ...content.sections, linked, attachmentsSection(attachments), auditSection(head, anchor, entries.length)],
  };
  const out = new ExportFile(file, randomUUID());
  const total = 3 + content.files.length + attachments.length;
  return session.jobs.start({
    kind: `exports.pack.${input.kind}`,
    discard: () => out.discard(),
    run: async (ctx) => {
      let step = 0;
      const tick = () => ctx.progress(++step, total);
      ctx.progress(0, total);
      const zip = new PackZip(out);
      zip.add('report.pdf', await renderPdf(report, { language: input.language, generatedAt: generatedAtText(generatedAt) }));
      tick();
      for (const f of content.files) {
        zip.add(f.path, f.content);
        tick();
      }
      for (const a of attachments) {
        if (ctx.signal.aborted) return null;
        const packed = await zip.addStream(zip.uniqueName(`attachments/${safeName(a.name)}`), a.read());
        if (a.sha256 && a.sha256 !== packed.sha256) throw new Error(`The attachment ${a.name} does not match the SHA-256 the vault recorded for it`);
        tick();
      }
      const header = { type: 'header', format: 'dpo-audit-export', version: 1, app: appInfo(), exportedAt: generatedAt, record: { kind: input.kind, id: input.id, ref: content.ref }, chainHead: head, anchor };
      zip.add('audit.jsonl', [header, ...entries.map(entryLine)].map((l) => JSON.stringify(l)).join('\n') + '\n');
      if (anchor) zip.add('anchor.json', `${JSON.stringify(anchor, null, 2)}\n`);
      tick();
      if (ctx.signal.aborted) return null;
      const manifest = {
        format: PACK_FORMAT,
        version: 1,
        kind: input.kind,
        record: { id: input.id, ref: content.ref, title: content.title },
        organisation: settings.profile.legalName,
        generatedAt,
        language: input.language,
        app: appInfo(),
        chainHead: head,
        anchor,
        auditFormat: EXPORT_FORMAT,
        files: zip.list(),
      };
      zip.add('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
      await zip.finish();
      tick();
      if (ctx.signal.aborted) return null;
      const written = await out.finish();
      const files = manifest.files.length + 1;
      session.tx(() =>
        session.audit.append({
          action: 'exports.pack',
          entity: source.recordModule === 'incidents' ? 'incident' : source.recordModule === 'transfers' ? 'transfer' : 'request',
          entityId: input.id,
          summary: `Evidence pack of ${content.ref} written to ${written.name} (${files} files, SHA-256 ${written.sha256})`,
          details: { kind: input.kind, language: input.language, fileName: written.name, sha256: written.sha256, bytes: written.bytes, files: manifest.files, head },
        }),
      );
      return { fileName: written.name, sha256: written.sha256, bytes: written.bytes, files };
    },
  });
}

/** The record's entries (several entity/id pairs) in chain order, none after the head read at the start. */
function auditEntries(audit: AuditService, ranges: { entity?: string; entityId?: string }[], toSeq: number): AuditRow[] {
  const bySeq = new Map<number, AuditRow>();
  for (const r of ranges) for (const row of audit.rows.iterateRange({ ...r, toSeq })) bySeq.set(row.seq, row);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

