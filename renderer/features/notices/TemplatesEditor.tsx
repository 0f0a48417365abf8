import { useEffect, useState } from 'react';
import type { Language } from '../../../preload/contract/common';
import type { BilingualText, NoticeKind, Template } from '../../../preload/contract/notices';
import { useMutation, useQuery } from '../../app/api';
import { useApp } from '../../app/store';
import { ErrorBanner, SelectField, TextField, fieldError } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { useLocalized, useT } from '../../i18n';
import { noticesText } from './i18n';

const LANGS: Language[] = ['zh-CN', 'en'];
type Short = 'subject' | 'sms' | 'pushTitle' | 'pushBody';

/** The DPO's templates per kind, in both languages, versioned (version 0 is the built-in text). */
export function TemplatesEditor() {
  const t = useT(noticesText);
  const L = useLocalized();
  const navigate = useApp((s) => s.navigate);
  const toast = useApp((s) => s.toast);
  const kinds = useQuery('notices.kinds', {}, []);
  const [kind, setKind] = useState<NoticeKind>('incident.individuals');
  const versions = useQuery('notices.templates', { kind }, [kind]);
  const [chosen, setChosen] = useState<number | null>(null);
  const [draft, setDraft] = useState<Template>();
  const save = useMutation('notices.templateUpdate');
  useEffect(() => {
    const list = versions.data ?? [];
    const pick = list.find((v) => v.version === chosen) ?? list[0];
    if (pick) setDraft(structuredClone(pick));
  }, [versions.data, chosen]);
  const meta = kinds.data?.find((k) => k.kind === kind);
  const langLabel = (l: Language) => (l === 'zh-CN' ? t('zh') : t('en'));

  const pair = (label: string, value: BilingualText, set: (l: Language, v: string) => void, where: string, rows: number) => (
    <div className="studio-pair">
      {LANGS.map((l) => (
        <div key={l} lang={l}>
          <TextField label={`${label} (${langLabel(l)})`} value={value[l]} onChange={(v) => set(l, v)} multiline={rows > 1} rows={rows} error={fieldError(save.error, `${where}.${l}`)} />
        </div>
      ))}
    </div>
  );
  const setShort = (k: Short) => (l: Language, v: string) => setDraft((d) => d && { ...d, [k]: { ...d[k], [l]: v } });

  return (
    <div className="page">
      <PageHeader title={t('templatesTitle')} subtitle={t('templatesSubtitle')} actions={<button type="button" onClick={() => navigate({ page: 'notices' })}>{t('back')}</button>} />
      <div className="notices-filters">
        <SelectField<NoticeKind> label={t('kind')} value={kind} onChange={(k) => { setKind(k); setChosen(null); }} options={(kinds.data ?? []).map((k) => ({ value: k.kind, label: L(k.label) }))} />
        <SelectField<string>
          label={t('templateVersion')}
          value={String(chosen ?? versions.data?.[0]?.version ?? 0)}
          onChange={(v) => setChosen(Number(v))}
          options={(versions.data ?? []).map((v) => ({ value: String(v.version), label: v.builtIn ? `0 (${t('builtIn')})` : `${v.version} · ${v.updatedBy ?? ''} · ${v.updatedAt?.slice(0, 10) ?? ''}` }))}
        />
      </div>
      <ErrorBanner error={versions.error ?? save.error} />
      {draft && meta ? (
        <form
          className="card"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const saved = await save.run({ kind, subject: draft.subject, sections: draft.sections, sms: draft.sms, pushTitle: draft.pushTitle, pushBody: draft.pushBody });
            if (saved) {
              toast(t('templateSaved', { n: saved.version }));
              setChosen(saved.version);
              versions.reload();
            }
          }}
        >
          <p className="field__hint">{t('mergeHint')}</p>
          {pair(t('subject'), draft.subject, setShort('subject'), 'subject', 1)}
          {meta.sections.map((s) => {
            const section = draft.sections.find((x) => x.key === s.key) ?? { key: s.key, text: { 'zh-CN': '', en: '' } };
            return (
              <fieldset key={s.key} className="studio-section">
                <legend>{L(s.label)}</legend>
                {pair(L(s.label), section.text, (l, v) => setDraft((d) => d && { ...d, sections: d.sections.some((x) => x.key === s.key) ? d.sections.map((x) => (x.key === s.key ? { ...x, text: { ...x.text, [l]: v } } : x)) : [...d.sections, { key: s.key, text: { ...section.text, [l]: v } }] }), `sections.${s.key}`, 2)}
              </fieldset>
            );
          })}
          {pair(t('ch_sms'), draft.sms, setShort('sms'), 'sms', 2)}
          {pair(`${t('ch_push')} — ${t('subject')}`, draft.pushTitle, setShort('pushTitle'), 'pushTitle', 1)}
          {pair(`${t('ch_push')} — ${t('sectionsTitle')}`, draft.pushBody, setShort('pushBody'), 'pushBody', 2)}
          <div className="form-actions">
            <button type="submit" className="primary" disabled={save.busy}>{t('saveTemplate')}</button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
