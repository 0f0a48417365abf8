import { useEffect, useState } from 'react';
import type { AppErrorDto } from '../../../preload/contract/result';
import type { Transfer } from '../../../preload/contract/transfers';
import { api } from '../../app/api';
import { useApp } from '../../app/store';
import { AttachmentsPanel } from '../../components/attachments/AttachmentsPanel';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/Field';
import { formatInstant } from '../../components/format';
import { PackButton } from '../../components/PackButton';
import { LinksCard } from '../../components/LinksCard';
import { VoidControl } from '../../components/VoidControl';
import { PageHeader } from '../../components/PageHeader';
import { useLocalized, useT } from '../../i18n';
import { AnnexPrint } from './AnnexPrint';
import { FilingTimeline } from './FilingTimeline';
import { transfersText } from './i18n';
import { countryName } from './SectionFields';
import { ReviewsCard } from './ReviewsCard';
import { SectionCard } from './SectionCard';
import { VolumesPanel } from './VolumesPanel';
import { errorMessage } from '../../components/problems';

export function Detail({ id }: { id: string }) {
  const t = useT(transfersText);
  const navigate = useApp((s) => s.navigate);
  const language = useApp((s) => s.language);
  const [transfer, setTransfer] = useState<Transfer>();
  const [error, setError] = useState<AppErrorDto>();
  const [loading, setLoading] = useState(true);
  const [printing, setPrinting] = useState(false);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    void api.call('transfers.get', { id }).then((r) => {
      setLoading(false);
      if (r.ok) setTransfer(r.value);
      else setError(r.error);
    });
  }, [id, tick]);

  if (loading) return <p className="muted">{t('loading')}</p>;
  if (!transfer) {
    return (
      <div className="page">
        <EmptyState title={error?.code === 'NOT_FOUND' ? t('notFound') : (error ? errorMessage(error, language) : t('notFound'))} action={<button onClick={() => navigate({ page: 'transfers' })}>{t('back')}</button>} />
      </div>
    );
  }
  return (
    <div className="page">
      <button type="button" className="link" onClick={() => navigate({ page: 'transfers' })}>← {t('back')}</button>
      <PageHeader
        title={`${transfer.ref} · ${transfer.recipient.name}`}
        subtitle={`${countryName(transfer.recipient.country, language)} · ${t(`r_${transfer.route.chosen}`)}`}
        actions={
          <>
            <PackButton kind="transfer" id={transfer.id} reference={transfer.ref} />
            <button onClick={() => setPrinting((p) => !p)} aria-expanded={printing}>{t('printAnnex')}</button>
          </>
        }
      />
      {printing ? <AnnexPrint transfer={transfer} onClose={() => setPrinting(false)} /> : null}
      <VoidControl module="transfers" recordId={transfer.id} voided={transfer.voided} onChanged={() => setTick((x) => x + 1)} />
      <GapsCard transfer={transfer} onChange={setTransfer} />
      <ReviewsCard transfer={transfer} onChange={setTransfer} />
      <div className="transfer-columns">
        <VolumesPanel key={`v-${transfer.updatedAt}`} transfer={transfer} onChange={setTransfer} />
        <FilingTimeline transfer={transfer} onChange={setTransfer} />
      </div>
      <div className="transfer-columns">
        <div>
          <SectionCard key={`r-${transfer.updatedAt}`} transfer={transfer} section="recipient" onChange={setTransfer} />
          <SectionCard key={`a-${transfer.updatedAt}`} transfer={transfer} section="annex1" onChange={setTransfer} />
        </div>
        <div>
          <SectionCard key={`ro-${transfer.updatedAt}`} transfer={transfer} section="route" onChange={setTransfer} />
          <SectionCard key={`c-${transfer.updatedAt}`} transfer={transfer} section="contract" onChange={setTransfer} />
          {transfer.route.chosen === 'certification' ? <SectionCard key={`ce-${transfer.updatedAt}`} transfer={transfer} section="certification" onChange={setTransfer} /> : null}
          <SectionCard key={`co-${transfer.updatedAt}`} transfer={transfer} section="consent" onChange={setTransfer} />
          <SectionCard key={`p-${transfer.updatedAt}`} transfer={transfer} section="pipia" onChange={setTransfer} />
          <LinksCard module="transfers" recordId={transfer.id} />
        </div>
      </div>
      <AttachmentsPanel module="transfers" recordId={transfer.id} />
    </div>
  );
}

/** PIPL Art. 39 notice and consent and the PIPIA stay due whatever the route: shown first. */
function GapsCard({ transfer, onChange }: { transfer: Transfer; onChange(t: Transfer): void }) {
  const t = useT(transfersText);
  const L = useLocalized();
  const navigate = useApp((s) => s.navigate);
  const language = useApp((s) => s.language);
  const [error, setError] = useState<AppErrorDto>();
  const draftNotice = async () => {
    // The notice starts in the organisation's language (Settings).
    const r = await api.call('notices.create', { kind: 'transfer.separateConsent', links: [{ module: 'transfers', recordId: transfer.id }] });
    if (!r.ok) return setError(r.error);
    const linked = await api.call('transfers.update', { id: transfer.id, consent: { noticeId: r.value.id } });
    if (linked.ok) onChange(linked.value);
    navigate({ page: 'notices', id: r.value.id });
  };
  const noticeId = transfer.consent.noticeId;
  return (
    <section className={`card transfer-section banner ${transfer.gaps.length ? 'banner--warn' : 'banner--ok'}`} aria-labelledby="gaps-title">
      <h2 id="gaps-title">{t('gapsTitle')}</h2>
      <ErrorBanner error={error} />
      {transfer.gaps.length === 0 ? <p>{t('noGaps')}</p> : null}
      <ul className="gap-list">
        {transfer.gaps.map((g) => (
          <li key={g.key}>
            {L(g.message)} <span className="muted">({L(g.basis)})</span>
          </li>
        ))}
      </ul>
      <div className="form-actions" style={{ justifyContent: 'flex-start' }}>
        {noticeId ? <button type="button" onClick={() => navigate({ page: 'notices', id: noticeId })}>{t('openNotice')}</button> : null}
        <button type="button" onClick={() => void draftNotice()}>{t('draftNotice')}</button>
        {transfer.consent.noticeSentAt ? <span className="muted">{t('noticeSent', { at: formatInstant(transfer.consent.noticeSentAt, language) })}</span> : null}
      </div>
    </section>
  );
}
