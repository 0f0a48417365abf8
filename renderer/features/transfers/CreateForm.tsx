import { useState, type FormEvent } from 'react';
import { useMutation } from '../../app/api';
import { useApp } from '../../app/store';
import { ErrorBanner } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { transfersText } from './i18n';
import { SectionFields } from './SectionFields';
import { emptyForm, fromForm, type FormValues, type SectionKey } from './sections';

const ORDER: SectionKey[] = ['recipient', 'annex1', 'route', 'consent', 'pipia', 'contract', 'certification'];

/** The whole record in the sections of Annex 1 and the contract's cover page. */
export function CreateForm() {
  const t = useT(transfersText);
  const navigate = useApp((s) => s.navigate);
  const toast = useApp((s) => s.toast);
  const [forms, setForms] = useState<Record<SectionKey, FormValues>>(() => Object.fromEntries(ORDER.map((s) => [s, emptyForm(s)])) as Record<SectionKey, FormValues>);
  const create = useMutation('transfers.create');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = Object.fromEntries(ORDER.map((s) => [s, fromForm(s, forms[s])]));
    const created = await create.run(input as never);
    if (created) {
      toast(t('registered'));
      navigate({ page: 'transfers', id: created.id });
    }
  };

  return (
    <div className="page">
      <button type="button" className="link" onClick={() => navigate({ page: 'transfers' })}>← {t('back')}</button>
      <PageHeader title={t('createTitle')} subtitle={t('createHint')} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ErrorBanner error={create.error} />
        {ORDER.map((s) => (
          <fieldset key={s} className="card transfer-section">
            <legend><h2>{t(`s_${s}`)}</h2></legend>
            <SectionFields section={s} values={forms[s]} onChange={(v) => setForms((f) => ({ ...f, [s]: v }))} error={create.error} />
          </fieldset>
        ))}
        <div className="form-actions">
          <button type="button" onClick={() => navigate({ page: 'transfers' })}>{t('cancel')}</button>
          <button type="submit" className="primary" disabled={create.busy}>{t('register')}</button>
        </div>
      </form>
    </div>
  );
}
