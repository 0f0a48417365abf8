import { useState } from 'react';
import type { ModuleName } from '../../preload/contract/common';
import type { LinkDto } from '../../preload/contract/links';
import { api, useQuery } from '../app/api';
import { useApp, type PageName } from '../app/store';
import { ConfirmDialog } from './ConfirmDialog';
import { ErrorBanner, TextField, fieldError } from './Field';
import { formatInstant } from './format';
import { linksText } from './links-i18n';
import { Pill } from './StatePill';
import { useLocalized, useT } from '../i18n';
import type { AppErrorDto } from '../../preload/contract/result';

/**
 * The records linked to this one (request ↔ incident, incident ↔ transfer, notice ↔ any), each
 * with its state and next due as its own module computes them; references the record's text
 * cites are offered as links. Shared by every record page.
 */
export function LinksCard({ module, recordId }: { module: ModuleName; recordId: string }) {
  const t = useT(linksText);
  const L = useLocalized();
  const language = useApp((s) => s.language);
  const navigate = useApp((s) => s.navigate);
  const dataEpoch = useApp((s) => s.dataEpoch);
  const me = { module, recordId };
  const q = useQuery('links.list', me, [module, recordId, dataEpoch]);
  const [ref, setRef] = useState('');
  const [error, setError] = useState<AppErrorDto>();
  const [removing, setRemoving] = useState<LinkDto | null>(null);
  const link = async (to: { ref: string } | { module: ModuleName; recordId: string }) => {
    const r = await api.call('links.create', { from: me, to });
    if (!r.ok) return setError(r.error);
    setError(undefined);
    setRef('');
    q.reload();
  };
  const items = q.data?.items ?? [];
  const suggestions = q.data?.suggestions ?? [];
  return (
    <section className="card links-card" aria-labelledby={`links-${recordId}`}>
      <h2 id={`links-${recordId}`}>{t('title')}</h2>
      {suggestions.map((s) => (
        <p key={s.ref} className="banner banner--warn links-card__suggestion" role="status">
          {t('cites', { ref: s.ref, title: s.other.title })}{' '}
          <button type="button" onClick={() => void link({ module: s.other.module, recordId: s.other.recordId })}>{t('linkIt', { ref: s.ref })}</button>
        </p>
      ))}
      {items.length === 0 ? <p className="muted">{t('none')}</p> : null}
      <ul className="links-card__list">
        {items.map((l) => (
          <li key={l.id} aria-label={`${l.other.ref} ${l.other.title}`}>
            <button type="button" className="link" onClick={() => navigate({ page: l.other.module as PageName, id: l.other.recordId })}>
              {l.other.ref} · {l.other.title || '—'}
            </button>{' '}
            <Pill tone="info">{L(l.other.state)}</Pill>{' '}
            {l.other.nextDue ? (
              <Pill tone={l.other.nextDue.overdue ? 'danger' : l.other.nextDue.immediate ? 'warn' : 'neutral'}>
                {l.other.nextDue.immediate ? t('dueImmediately') : t('nextDue', { t: formatInstant(l.other.nextDue.at, language) })}
              </Pill>
            ) : null}
            {l.role === 'incidentAtRecipient' ? <span className="muted"> · {t('roleIncidentAtRecipient')}</span> : null}
            {l.source === 'notice' ? <span className="muted"> · {t('viaNotice')}</span> : (
              <button type="button" className="link links-card__remove" aria-label={t('unlinkLabel', { ref: l.other.ref })} onClick={() => setRemoving(l)}>{t('unlink')}</button>
            )}
          </li>
        ))}
      </ul>
      <form
        className="links-card__add"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (ref.trim()) void link({ ref: ref.trim() });
        }}
      >
        <TextField label={t('addLabel')} hint={t('addHint')} value={ref} onChange={setRef} error={fieldError(error, 'to.ref') ?? fieldError(error, 'to') ?? fieldError(error, 'role')} />
        <button type="submit" disabled={!ref.trim()}>{t('add')}</button>
      </form>
      {error && !error.fields ? <ErrorBanner error={error} /> : null}
      <ConfirmDialog
        open={removing !== null}
        title={removing ? t('unlinkTitle', { ref: removing.other.ref }) : ''}
        confirmLabel={t('unlink')}
        onCancel={() => setRemoving(null)}
        onConfirm={async () => {
          const l = removing!;
          setRemoving(null);
          const r = await api.call('links.remove', { id: l.id, from: me });
          if (!r.ok) setError(r.error);
          q.reload();
        }}
      />
    </section>
  );
}
