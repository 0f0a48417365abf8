import { VERIFY_JOB_KIND, type auditChannels } from '../../preload/contract/audit';
import { getSettings } from '../settings/service';
import type { SessionHandlers } from '../shared/handlers';
import { startAuditExport } from './export';
import { withRefs } from './refs';
import type { AuditService } from './service';
import { verifyAuditExport } from './verify-export';

const audit = (session: { audit: unknown }) => session.audit as AuditService;

export const auditHandlers: SessionHandlers<typeof auditChannels> = {
  'audit.list': (input, session) => {
    const page = audit(session).list(input);
    return { ...page, items: withRefs(session, page.items) };
  },
  'audit.verify': async (input, session) => (await audit(session).verify(input))!,
  'audit.verifyStart': (input, session) =>
    session.jobs.start({
      kind: VERIFY_JOB_KIND,
      // The entries it covers, by number (the same in both languages).
      subject: `#${input.scope === 'sinceAnchor' ? (audit(session).integrity().anchor.anchoredSeq ?? 0) + 1 : 1}–#${audit(session).head().seq}`,
      run: async (ctx) => {
        const result = await audit(session).verify({ ...input, signal: ctx.signal, onProgress: (done, total) => ctx.progress(done, total) });
        // Stopped: the registry records the cancellation; nothing was changed.
        return result;
      },
    }),
  'audit.integrity': (_input, session) => audit(session).integrity(),
  'audit.receipt': (_input, session) => {
    const { profile } = getSettings(session);
    return audit(session).receipt(profile.legalName, profile.dpoName);
  },
  'audit.resetAnchor': (input, session) => session.tx(() => audit(session).resetAnchor(input.reason)),
  'audit.export': (input, session) => startAuditExport(session, input),
  'audit.verifyExport': (input, session) => verifyAuditExport(session, input.grantId),
};
