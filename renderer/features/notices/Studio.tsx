import { useEffect, useState } from 'react';
import type { Checklist, NoticeDto } from '../../../preload/contract/notices';
import type { AppErrorDto } from '../../../preload/contract/result';
import { api } from '../../app/api';
import { useApp } from '../../app/store';
import { AttachmentsPanel } from '../../components/attachments/AttachmentsPanel';
import { ErrorBanner } from '../../components/Field';
import { formatInstant } from '../../components/format';
import { LinksCard } from '../../components/LinksCard';
import { VoidControl } from '../../components/VoidControl';
import { PageHeader } from '../../components/PageHeader';
import { Pill } from '../../components/StatePill';
import { useLocalized, useT } from '../../i18n';
import { Actions } from './Actions';
import { ChecklistPanel } from './ChecklistPanel';
import { Editor } from './Editor';
import { Exports } from './Exports';
import { noticesText } from './i18n';
import { stateTone } from './List';
import { Previews } from './Previews';
import { Versions } from './Versions';

const LINK_PAGE = { incidents: 'incidents', transfers: 'transfers', inbox: 'inbox' } as const;

/** One notice: the sections editor in both languages, the checklist beside it, previews, exports, versions. */
export function Studio({ id }: { id: string }) {
  const t = useT(noticesText);
  const L = useLocalized();
  const language = useApp((s) => s.language);
  const navigate = useApp((s) => s.navigate);
  const [version, setVersion] = useState<number | undefined>();
  const [notice, setNotice] = useState<NoticeDto>();
  const [error, setError] = useState<AppErrorDto>();
  const [tick, setTick] = useState(0);
  // The checklist of the unsaved edit while the DPO types; the saved one otherwise.
  const [live, setLive] = useState<Checklist>();

  useEffect(() => {
    let live = true;
    void api.call('notices.get', { id, ...(version ? { version } : {}) }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setNotice(r.value);
        setError(undefined);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [id, version, tick]);

  const changed = (next?: NoticeDto) => {
    setLive(undefined);
    if (next && !version) setNotice(next);
    setTick((x) => x + 1);
  };

  if (!notice) return <div className="page"><ErrorBanner error={error} /></div>;
  const readOnly = notice.historical;
  return (
    <div className="page studio">
      <PageHeader
        title={`${notice.ref} · ${notice.content.subject[notice.language] || L(notice.kindLabel)}`}
        subtitle={
          <>
            {L(notice.kindLabel)} — <span className="muted">{L(notice.kindBasis)}</span>{' '}
            <Pill tone={stateTone(notice.state)}>{t(`s_${notice.state}`)}</Pill> <Pill>{t('version', { n: notice.version })}</Pill>
          </>
        }
        actions={<button type="button" onClick={() => navigate({ page: 'notices' })}>{t('back')}</button>}
      />
      <ErrorBanner error={error} />
      {notice.state === 'draft' || notice.state === 'inReview' || notice.voided ? <VoidControl module="notices" recordId={notice.id} voided={notice.voided} onChanged={() => changed()} /> : null}
      {readOnly ? (
        <div className="banner banner--warn" role="status">
          {t('historical', { n: notice.version })}{' '}
          <button type="button" className="link" onClick={() => setVersion(undefined)}>{t('toCurrent')}</button>
        </div>
      ) : null}
      {notice.links.length ? (
        <p>
          {t('linked')}:{' '}
          {notice.links.map((l) => (
            <span key={`${l.module}/${l.recordId}`} className="notice-link">
              {l.found ? (
                <button type="button" className="link" onClick={() => navigate({ page: LINK_PAGE[l.module], id: l.recordId })}>
                  {l.ref} · {l.title}
                </button>
              ) : (
                t('notFoundLink', { id: l.recordId })
              )}
            </span>
          ))}
        </p>
      ) : null}
      {notice.approval ? <p className="banner banner--ok">{t('approvedBy', { by: notice.approval.by, at: formatInstant(notice.approval.at, language) })}</p> : null}
      {notice.dispatch ? (
        <p className="banner banner--ok" role="status">
          {t('dispatchedVia', { channel: t(`d_${notice.dispatch.channel}`), at: formatInstant(notice.dispatch.dispatchedAt, language), n: notice.dispatch.recipientsCount })}
          {notice.dispatch.sha256 ? <> · <span className="mono">{notice.dispatch.fileName} · SHA-256 {notice.dispatch.sha256.slice(0, 16)}…</span></> : null}
        </p>
      ) : null}
      <div className="studio-grid">
        <div className="studio-main">
          <Editor key={`${notice.id}/${notice.version}/${notice.updatedAt}`} notice={notice} readOnly={readOnly} onSaved={changed} onLiveCheck={setLive} />
        </div>
        <aside className="studio-side">
          <ChecklistPanel notice={notice} checklist={live ?? notice.checklist} readOnly={readOnly} onChanged={changed} />
          {readOnly ? null : <Actions notice={notice} checklist={live ?? notice.checklist} unsaved={live !== undefined} onChanged={changed} />}
          <LinksCard module="notices" recordId={notice.id} />
        </aside>
      </div>
      <Previews notice={notice} tick={tick} />
      {readOnly ? null : <Exports notice={notice} onChanged={changed} />}
      <Versions notice={notice} tick={tick} onView={(v) => setVersion(v === notice.version && !notice.historical ? undefined : v)} />
      <AttachmentsPanel module="notices" recordId={notice.id} />
    </div>
  );
}
