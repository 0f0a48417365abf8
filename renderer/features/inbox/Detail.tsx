import { useEffect, useState } from 'react';
import type { InboxRequest } from '../../../preload/contract/inbox';
import type { AppErrorDto } from '../../../preload/contract/result';
import { api } from '../../app/api';
import { useApp } from '../../app/store';
import { AttachmentsPanel } from '../../components/attachments/AttachmentsPanel';
import { ErrorBanner } from '../../components/Field';
import { renderActivity } from '../../components/activity';
import { formatInstant } from '../../components/format';
import { PackButton } from '../../components/PackButton';
import { LinksCard } from '../../components/LinksCard';
import { VoidControl } from '../../components/VoidControl';
import { PageHeader } from '../../components/PageHeader';
import { Pill } from '../../components/StatePill';
import { useT } from '../../i18n';
import { DeadlinesCard } from './DeadlinesCard';
import { DecisionCard } from './DecisionCard';
import { FactsCard } from './FactsCard';
import { HoldsCard } from './HoldsCard';
import { IdentityCard } from './IdentityCard';
import { StateActions } from './StateActions';
import { ThreadCard } from './ThreadCard';
import { inboxText } from './i18n';
import { stateTone } from './options';

export interface CardProps {
  request: InboxRequest;
  onChange(next: InboxRequest): void;
}

/** One request: facts and classification, clocks, identity, decision, holds, thread and timeline. */
export function Detail({ id }: { id: string }) {
  const t = useT(inboxText);
  const language = useApp((s) => s.language);
  const navigate = useApp((s) => s.navigate);
  const [request, setRequest] = useState<InboxRequest>();
  const [error, setError] = useState<AppErrorDto>();
  const [drafting, setDrafting] = useState(false);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    void api.call('inbox.get', { id }).then((r) => {
      if (!live) return;
      if (r.ok) setRequest(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [id, tick]);

  // The reply is written in the notice studio from the reply template, with this request linked.
  const draftReply = async () => {
    setDrafting(true);
    // No language: main starts the reply in the organisation's language (Settings).
    const r = await api.call('notices.create', { kind: 'reply', links: [{ module: 'inbox', recordId: id }] });
    setDrafting(false);
    if (!r.ok) return setError(r.error);
    navigate({ page: 'notices', id: r.value.id });
  };

  if (!request) {
    return (
      <div className="page">
        <ErrorBanner error={error} />
        {!error ? <p role="status">…</p> : null}
      </div>
    );
  }
  const actions = (
    <>
      <button type="button" onClick={() => navigate({ page: 'inbox' })}>{t('back')}</button>
      <PackButton kind="request" id={request.id} reference={request.ref} />
      {/* The reply states the decision (PIPL Art. 50): it is drafted from the recorded decision. */}
      <button type="button" className="primary" onClick={() => void draftReply()} disabled={drafting || !request.decision} title={request.decision ? t('draftReplyHint') : t('draftReplyNeedsDecision')}>
        {t('draftReply')}
      </button>
    </>
  );
  return (
    <div className="page">
      <PageHeader
        title={`${request.ref} · ${request.subject}`}
        subtitle={
          <>
            <Pill tone={stateTone(request.state)}>{t(`s_${request.state}`)}</Pill> {t(`t_${request.type}`)} · {request.requesterName}
            {request.replySentAt ? <> · {t('replySent', { t: formatInstant(request.replySentAt, language) })}</> : null}
          </>
        }
        actions={actions}
      />
      <ErrorBanner error={error} />
      <VoidControl module="inbox" recordId={request.id} voided={request.voided} onChanged={() => setTick((x) => x + 1)} />
      {request.voided ? null : <StateActions request={request} onChange={setRequest} />}
      <div className="inbox-columns">
        <div>
          <FactsCard request={request} onChange={setRequest} />
          <IdentityCard request={request} onChange={setRequest} />
          <DecisionCard request={request} onChange={setRequest} />
          <HoldsCard request={request} onChange={setRequest} />
        </div>
        <div>
          <DeadlinesCard request={request} onChange={setRequest} />
          <LinksCard module="inbox" recordId={request.id} />
          <ThreadCard request={request} onChange={setRequest} />
          <section className="card" aria-labelledby="inbox-timeline-h">
            <h2 id="inbox-timeline-h">{t('timeline')}</h2>
            <ol className="inbox-timeline">
              {request.timeline.map((e, i) => (
                <li key={i}>
                  <span className="muted">{formatInstant(e.at, language)} · {e.actor}</span>
                  <div>{e.action ? renderActivity({ action: e.action, ref: null, params: e.params ?? {}, summary: e.text }, language) : e.text}</div>
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
      <AttachmentsPanel module="inbox" recordId={request.id} />
    </div>
  );
}
