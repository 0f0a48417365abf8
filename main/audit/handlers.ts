import type { auditChannels } from '../../preload/contract/audit';
import type { SessionHandlers } from '../shared/handlers';
import type { AuditService } from './service';

export const auditHandlers: SessionHandlers<typeof auditChannels> = {
  'audit.list': (input, session) => (session.audit as AuditService).list(input),
  'audit.verify': (_input, session) => (session.audit as AuditService).verify(),
};
