import { useState } from 'react';
import type { Language } from '../../../preload/contract/common';
import type { Incident } from '../../../preload/contract/incidents';
import { useMutation, useQuery } from '../../app/api';
import { useApp } from '../../app/store';
import { ErrorBanner, SelectField } from '../../components/Field';
import { Pill } from '../../components/StatePill';
import { useLocalized, useT } from '../../i18n';
import { incidentsText } from './i18n';
import { NOTICE_KINDS, noticeKindKey, type IncidentNoticeKind } from './options';

/** The notices linked to this incident, and a way to draft one (the notice studio does the rest). */
export function Notices({ incident }: { incident: Incident }) {
  const t = useT(incidentsText);
  const L = useLocalized();
  const navigate = useApp((s) => s.navigate);
  const settings = useQuery('settings.get', {}, []);
  const link = { module: 'incidents' as const, recordId: incident.id };
  const list = useQuery('notices.list', { link, limit: 50 }, [incident.id, incident.version]);
  const create = useMutation('notices.create');
  const [kind, setKind] = useState<IncidentNoticeKind>('incident.individuals');
  // Notices start in the organisation's language (Settings), whatever the DPO reads the app in.
  const [chosen, setLanguage] = useState<Language>();
  const language: Language = chosen ?? settings.data?.defaultLanguage ?? 'zh-CN';
  const items = list.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="notices-h">
      <h2 id="notices-h">{t('notices')}</h2>
      {list.error ? <ErrorBanner error={list.error} /> : null}
      {items.length === 0 && !list.loading ? <p className="muted">{t('noNotices')}</p> : null}
      <ul className="incident-notices">
        {items.map((n) => (
          <li key={n.id}>
            <button type="button" className="link" onClick={() => navigate({ page: 'notices', id: n.id })}>
              {n.ref} · {L(n.kindLabel)} · {n.subject || '—'}
            </button>{' '}
            <Pill tone={n.state === 'dispatched' ? 'ok' : 'neutral'}>{t(`n_${n.state}`)}</Pill>
          </li>
        ))}
      </ul>
      <ErrorBanner error={create.error} />
      <div className="form-grid">
        <SelectField<IncidentNoticeKind> label={t('noticeKind')} value={kind} onChange={setKind} options={NOTICE_KINDS.map((k) => ({ value: k, label: t(noticeKindKey(k)) }))} />
        <SelectField<Language> label={t('noticeLanguage')} value={language} onChange={setLanguage} options={[{ value: 'zh-CN', label: '中文' }, { value: 'en', label: 'English' }]} />
      </div>
      <button
        type="button"
        className="primary"
        disabled={create.busy}
        onClick={async () => {
          const notice = await create.run({ kind, language, links: [link] });
          if (notice) navigate({ page: 'notices', id: notice.id });
        }}
      >
        {t('draftNotice')}
      </button>
    </section>
  );
}
