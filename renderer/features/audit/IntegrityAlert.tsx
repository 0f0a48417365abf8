import { useQuery } from '../../app/api';
import { useApp } from '../../app/store';
import { useT } from '../../i18n';
import { auditText } from './i18n';

/**
 * Shown on every page when the unlock found the audit log's guards removed, or the log no
 * longer matching its anchor outside the vault: the DPO must not learn it only by chance.
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
  if (!restored.length && !held) return null;
  return (
    <div className="banner banner--error integrity-alert" role="alert">
      {held ? t('alertAnchor') : t('alertTriggers', { names: restored.join(', ') })}{' '}
      <button type="button" className="link" onClick={() => navigate({ page: 'audit' })}>{t('alertOpen')}</button>
    </div>
  );
}
