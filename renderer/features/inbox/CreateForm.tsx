import { useState, type FormEvent } from 'react';
import type { Jurisdiction } from '../../../preload/contract/common';
import type { IntakeChannel, RequestType } from '../../../preload/contract/inbox';
import { useMutation } from '../../app/api';
import { useApp } from '../../app/store';
import { CheckboxField, ErrorBanner, SelectField, TextField, fieldError } from '../../components/Field';
import { localInputToIso } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { inboxText } from './i18n';
import { CHANNELS, JURISDICTIONS, TYPES } from './options';

type Rep = 'none' | 'agent' | 'nextOfKin';

/** Logging a request that came by letter, phone, web form or in person. Main checks every rule. */
export function CreateForm() {
  const t = useT(inboxText);
  const navigate = useApp((s) => s.navigate);
  const create = useMutation('inbox.create');
  const [channel, setChannel] = useState<IntakeChannel>('letter');
  const [receivedAt, setReceivedAt] = useState('');
  const [receivedAtReason, setReceivedAtReason] = useState('');
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [accountId, setAccountId] = useState('');
  const [isMinor, setIsMinor] = useState(false);
  const [guardianName, setGuardianName] = useState('');
  const [guardianContact, setGuardianContact] = useState('');
  const [rep, setRep] = useState<Rep>('none');
  const [repName, setRepName] = useState('');
  const [repContact, setRepContact] = useState('');
  const [repRelationship, setRepRelationship] = useState('');
  const [jurisdiction, setJurisdiction] = useState<Jurisdiction>('CN');
  const [type, setType] = useState<RequestType>('access');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [internalTarget, setInternalTarget] = useState('');
  const err = (f: string) => fieldError(create.error, f);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const created = await create.run({
      channel,
      ...(receivedAt ? { receivedAt: localInputToIso(receivedAt), receivedAtReason } : {}),
      requester: { name, contact, ...(accountId.trim() ? { accountId } : {}) },
      isMinor,
      ...(isMinor ? { guardian: { name: guardianName, contact: guardianContact } } : {}),
      ...(rep !== 'none' ? { representative: { kind: rep, name: repName, contact: repContact, relationship: repRelationship } } : {}),
      jurisdiction,
      type,
      subject,
      ...(body.trim() ? { body } : {}),
      ...(internalTarget ? { internalTarget } : {}),
    });
    if (created) navigate({ page: 'inbox', id: created.id });
  };

  return (
    <div className="page">
      <PageHeader title={t('createTitle')} actions={<button type="button" onClick={() => navigate({ page: 'inbox' })}>{t('back')}</button>} />
      <ErrorBanner error={create.error} />
      <form className="card" onSubmit={submit} noValidate>
        <div className="form-grid">
          <SelectField<IntakeChannel> label={t('channel')} value={channel} onChange={setChannel} options={CHANNELS.map((c) => ({ value: c, label: t(`c_${c}`) }))} />
          <TextField type="datetime-local" label={t('receivedAt')} hint={t('receivedAtHint')} value={receivedAt} onChange={setReceivedAt} error={err('receivedAt')} />
          {receivedAt ? <TextField label={t('receivedAtReason')} value={receivedAtReason} onChange={setReceivedAtReason} error={err('receivedAtReason')} required /> : null}
          <SelectField<RequestType> label={t('type')} value={type} onChange={setType} options={TYPES.map((x) => ({ value: x, label: t(`t_${x}`) }))} />
          <SelectField<Jurisdiction> label={t('jurisdiction')} value={jurisdiction} onChange={setJurisdiction} options={JURISDICTIONS.map((j) => ({ value: j, label: t(`j_${j}`) }))} error={err('jurisdiction')} />
          <TextField label={t('requesterName')} value={name} onChange={setName} error={err('requester.name')} required />
          <TextField label={t('requesterContact')} value={contact} onChange={setContact} error={err('requester.contact')} required />
          <TextField label={t('accountId')} value={accountId} onChange={setAccountId} error={err('requester.accountId')} />
        </div>
        <CheckboxField label={t('isMinor')} hint={t('isMinorHint')} checked={isMinor} onChange={setIsMinor} />
        {isMinor ? (
          <div className="form-grid">
            <TextField label={t('guardianName')} value={guardianName} onChange={setGuardianName} error={err('guardian.name')} required />
            <TextField label={t('guardianContact')} value={guardianContact} onChange={setGuardianContact} error={err('guardian.contact')} required />
          </div>
        ) : null}
        <div className="form-grid">
          <SelectField<Rep>
            label={t('representative')}
            value={rep}
            onChange={setRep}
            error={err('representative.kind')}
            options={(['none', 'agent', 'nextOfKin'] as Rep[]).map((r) => ({ value: r, label: t(`rep_${r}`) }))}
          />
          {rep !== 'none' ? (
            <>
              <TextField label={t('repName')} value={repName} onChange={setRepName} error={err('representative.name')} required />
              <TextField label={t('repContact')} value={repContact} onChange={setRepContact} error={err('representative.contact')} required />
              <TextField label={t('repRelationship')} value={repRelationship} onChange={setRepRelationship} />
            </>
          ) : null}
        </div>
        <TextField label={t('subject')} value={subject} onChange={setSubject} error={err('subject')} required />
        <TextField label={t('body')} value={body} onChange={setBody} multiline rows={5} error={err('body')} />
        <TextField type="date" label={t('internalTarget')} hint={t('internalTargetHint')} value={internalTarget} onChange={setInternalTarget} error={err('internalTarget')} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={create.busy}>{t('create')}</button>
        </div>
      </form>
    </div>
  );
}
