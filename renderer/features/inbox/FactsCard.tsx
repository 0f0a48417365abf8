import { useState } from 'react';
import type { Jurisdiction } from '../../../preload/contract/common';
import type { RequestType } from '../../../preload/contract/inbox';
import { useMutation } from '../../app/api';
import { useApp } from '../../app/store';
import { ErrorBanner, SelectField, TextField, fieldError } from '../../components/Field';
import { formatInstant } from '../../components/format';
import { useT } from '../../i18n';
import type { CardProps } from './Detail';
import { inboxText } from './i18n';
import { JURISDICTIONS, TYPES } from './options';

/** Who asked, how and when; and the classification that decides the clocks. */
export function FactsCard({ request, onChange }: CardProps) {
  const t = useT(inboxText);
  const language = useApp((s) => s.language);
  const toast = useApp((s) => s.toast);
  const update = useMutation('inbox.update');
  const [type, setType] = useState<RequestType>(request.type);
  const [jurisdiction, setJurisdiction] = useState<Jurisdiction>(request.jurisdiction);
  const [target, setTarget] = useState(request.internalTarget ?? '');
  const dirty = type !== request.type || jurisdiction !== request.jurisdiction || target !== (request.internalTarget ?? '');

  const save = async () => {
    const next = await update.run({ id: request.id, type, jurisdiction, internalTarget: target || null });
    if (next) {
      onChange(next);
      toast(t('classified'));
    }
  };

  const row = (label: string, value: string) =>
    value ? (
      <div className="facts__row">
        <dt>{label}</dt>
        <dd>{value}</dd>
      </div>
    ) : null;

  return (
    <section className="card" aria-labelledby="inbox-facts-h">
      <h2 id="inbox-facts-h">{t('facts')}</h2>
      <dl className="facts">
        {row(t('requester'), [request.requester.name, request.requester.contact, request.requester.accountId].filter(Boolean).join(' · '))}
        {request.isMinor && request.guardian ? row(t('guardian'), `${request.guardian.name} · ${request.guardian.contact}`) : null}
        {request.representative
          ? row(t('onBehalf'), `${t(`rep_${request.representative.kind}`)}: ${request.representative.name} · ${request.representative.contact}${request.representative.relationship ? ` (${request.representative.relationship})` : ''}`)
          : null}
        {row(t('receivedVia'), `${t(`c_${request.channel}`)} · ${formatInstant(request.receivedAt, language)}${request.receivedAtReason ? ` — ${request.receivedAtReason}` : ''}`)}
        {row(t('messageId'), request.messageId ?? '')}
      </dl>
      <h3>{t('classify')}</h3>
      <p className="muted">{t('classifyHint')}</p>
      <ErrorBanner error={update.error} />
      <div className="form-grid">
        <SelectField<RequestType> label={t('type')} value={type} onChange={setType} error={fieldError(update.error, 'type')} options={TYPES.map((x) => ({ value: x, label: t(`t_${x}`) }))} />
        <SelectField<Jurisdiction> label={t('jurisdiction')} value={jurisdiction} onChange={setJurisdiction} options={JURISDICTIONS.map((j) => ({ value: j, label: t(`j_${j}`) }))} />
        <TextField type="date" label={t('internalTarget')} hint={t('internalTargetHint')} value={target} onChange={setTarget} error={fieldError(update.error, 'internalTarget')} />
      </div>
      <div className="form-actions">
        <button type="button" className="primary" disabled={!dirty || update.busy} onClick={() => void save()}>{t('saveClassification')}</button>
      </div>
    </section>
  );
}
