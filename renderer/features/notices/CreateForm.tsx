import { useState } from 'react';
import type { Language } from '../../../preload/contract/common';
import type { NoticeKind } from '../../../preload/contract/notices';
import { useMutation, useQuery } from '../../app/api';
import { useApp } from '../../app/store';
import { CheckboxField, ErrorBanner, SelectField, fieldError } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { useLocalized, useT } from '../../i18n';
import { noticesText } from './i18n';

/** An unlinked notice (a policy change, an entrusted-processing notice…); linked ones start from their record. */
export function CreateForm() {
  const t = useT(noticesText);
  const L = useLocalized();
  const navigate = useApp((s) => s.navigate);
  const settings = useQuery('settings.get', {}, []);
  const kinds = useQuery('notices.kinds', {}, []);
  const create = useMutation('notices.create');
  const [kind, setKind] = useState<NoticeKind>('policy.change');
  // Notices start in the organisation's language (Settings), whatever the DPO reads the app in.
  const [chosen, setLanguage] = useState<Language>();
  const language: Language = chosen ?? settings.data?.defaultLanguage ?? 'zh-CN';
  const [bilingual, setBilingual] = useState(false);
  const other: Language = language === 'en' ? 'zh-CN' : 'en';
  return (
    <div className="page">
      <PageHeader title={t('createTitle')} actions={<button type="button" onClick={() => navigate({ page: 'notices' })}>{t('back')}</button>} />
      <form
        className="card"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const n = await create.run({ kind, language, links: [], languages: bilingual ? [language, other] : [language] });
          if (n) navigate({ page: 'notices', id: n.id });
        }}
      >
        <ErrorBanner error={create.error} />
        <div className="form-grid">
          <SelectField<NoticeKind> label={t('kind')} value={kind} onChange={setKind} error={fieldError(create.error, 'kind')} options={(kinds.data ?? []).map((k) => ({ value: k.kind, label: L(k.label) }))} />
          <SelectField<Language> label={t('language')} value={language} onChange={setLanguage} options={[{ value: 'zh-CN', label: '中文' }, { value: 'en', label: 'English' }]} />
          <CheckboxField label={t('bilingual')} checked={bilingual} onChange={setBilingual} />
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={create.busy}>{t('create')}</button>
        </div>
      </form>
    </div>
  );
}
