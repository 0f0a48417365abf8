import { useQuery } from '../../app/api';
import { useApp } from '../../app/store';
import { useT } from '../../i18n';
import { DeferredCheckNote } from './DeferredCheck';
import { auditText } from './i18n';

/**
 * Shown on every page when the unlock found the audit log's guards removed, or the log no
 * longer matching its anchor outside the vault: the DPO must not learn it only by chance. Also
 * the full check the unlock left to a job (no anchor, a long log) while it runs and if it failed.
 */
export function IntegrityAlert() {
  const t = useT(auditText);
  const navigate = useApp((s) => s.navigate);
  const epoch = useApp((s) => s.sessionEpoch);
  const route = useApp((s) => s.route);
  const integrity = useQuery('audit.integrity', {}, [epoch]);
  const i = integrity.data;
  if (!i || route.page === 'audit') return null;
  const restored = i.atOpen?.triggersRestored ?? [];
  const held = i.anchor.held || (i.anchor.status !== 'matches' && i.anchor.status !== 'absent');
  const deferred = i.atOpen?.deferredCheck;
  const note = deferred && deferred.state !== 'passed' ? <DeferredCheckNote check={deferred} onEnded={integrity.reload} className="shell-deferred-check" /> : null;
  if (!restored.length && !held) return note;
  return (
    <>
      <div className="banner banner--error integrity-alert" role="alert">
        {held ? t('alertAnchor') : t('alertTriggers', { names: restored.join(', ') })}{' '}
        <button type="button" className="link" onClick={() => navigate({ page: 'audit' })}>{t('alertOpen')}</button>
      </div>
      {note}
    </>
  );
}
