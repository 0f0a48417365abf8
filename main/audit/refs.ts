import type { AuditEntry } from '../../preload/contract/audit';
import { recordPort } from '../shared/record-ports';
import type { Session } from '../shared/session';

/** Which module keeps the records of an audit entity. */
const MODULE_OF: Record<string, string> = { incident: 'incidents', request: 'inbox', transfer: 'transfers', notice: 'notices' };

/**
 * Fills each entry's record reference from the record's module (entries written before they
 * carried one, and deadline entries, which name their record), so the screen can say
 * "INC-2026-0001" in any language instead of quoting the stored English line.
 */
export function withRefs(session: Session, items: AuditEntry[]): AuditEntry[] {
  const cache = new Map<string, string | null>();
  return items.map((e) => {
    if (e.ref) return e;
    const p = e.params;
    const module = MODULE_OF[e.entity] ?? (e.entity === 'deadline' && typeof p.module === 'string' ? p.module : null);
    const recordId = e.entity === 'deadline' && typeof p.recordId === 'string' ? p.recordId : e.entityId;
    if (!module || !recordId) return e;
    const key = `${module}/${recordId}`;
    if (!cache.has(key)) cache.set(key, recordPort(module)?.summary?.(session, recordId)?.ref ?? null);
    return { ...e, ref: cache.get(key) ?? null };
  });
}
