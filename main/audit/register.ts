import type { Localized, RegisterSource } from '../exports/model';
import type { ListedRow } from './repo';
import type { AuditService } from './service';

// The audit log as the Audit page lists it (newest first, its filters), with each entry's MAC.
// The verifiable evidence file (previous hash, raw details, chain head, anchor) is audit.export
// (main/audit/export.ts).

export interface AuditFilter {
  entity?: string;
  entityId?: string;
}

const L = (en: string, zh: string): Localized => ({ en, zh });

export const auditRegister: RegisterSource<AuditFilter, ListedRow> = {
  sheetName: L('Audit log', '审计日志'),
  columns: [
    { header: L('Seq', '序号'), type: 'number', width: 8, value: (r) => r.seq },
    { header: L('Time', '时间'), type: 'instant', width: 18, value: (r) => r.at },
    { header: L('Actor', '操作人'), type: 'text', width: 14, value: (r) => r.actor },
    { header: L('Action', '操作'), type: 'text', width: 26, value: (r) => r.action },
    { header: L('Entity', '对象类型'), type: 'text', width: 12, value: (r) => r.entity },
    { header: L('Entity id', '对象编号'), type: 'text', width: 36, value: (r) => r.entity_id },
    { header: L('What happened', '内容'), type: 'text', width: 60, value: (r) => r.summary },
    { header: L('MAC (hash)', 'MAC（哈希）'), type: 'text', width: 66, value: (r) => r.hash },
  ],
  *pages(session, filter) {
    const audit = session.audit as AuditService;
    // Entries appended during the export (its own) are not part of it.
    let beforeSeq: number | null = audit.head().seq + 1;
    for (;;) {
      const page = audit.rows.page({ beforeSeq, limit: 5_000, ...filter });
      if (page.length) yield page;
      if (page.length < 5_000) return;
      beforeSeq = page[page.length - 1].seq;
    }
  },
  count(session, filter) {
    const audit = session.audit as AuditService;
    // For progress only. Unfiltered, the head's seq is the count of an intact chain, without
    // reading a million entries once more just to count them.
    if (!filter.entity && !filter.entityId) return audit.head().seq;
    return audit.rows.countRange({ ...filter, toSeq: audit.head().seq });
  },
};
