import { useEffect, useState } from 'react';
import type { Language } from '../../../preload/contract/common';
import type { BilingualText, Checklist, NoticeDto } from '../../../preload/contract/notices';
import { api, useMutation } from '../../app/api';
import { useApp } from '../../app/store';
import { CheckboxField, ErrorBanner, TextField, fieldError } from '../../components/Field';
import { useLocalized, useT } from '../../i18n';
import { noticesText } from './i18n';

const LANGS: Language[] = ['zh-CN', 'en'];
type ShortKey = 'subject' | 'sms' | 'pushTitle' | 'pushBody';

/** The sections editor: each section in zh-CN and en side by side; saved together. */
export function Editor({ notice, readOnly, onSaved, onLiveCheck }: { notice: NoticeDto; readOnly: boolean; onSaved(n?: NoticeDto): void; onLiveCheck?(c: Checklist | undefined): void }) {
  const t = useT(noticesText);
  const L = useLocalized();
  const toast = useApp((s) => s.toast);
  const update = useMutation('notices.update');
  const [draft, setDraft] = useState(() => structuredClone(notice.content));
  const dirty = JSON.stringify(draft) !== JSON.stringify(notice.content);
  const frozen = notice.state === 'approved' || notice.state === 'dispatched';
  const statusOf = new Map(notice.checklist.elements.map((e) => [e.key, e]));
  const langLabel = (lang: Language) => (lang === 'zh-CN' ? t('zh') : t('en'));

  const setSection = (key: string, lang: Language, text: string) =>
    setDraft((d) => ({ ...d, sections: d.sections.map((s) => (s.key === key ? { ...s, text: { ...s.text, [lang]: text } } : s)) }));
  const setShort = (key: ShortKey, lang: Language, text: string) => setDraft((d) => ({ ...d, [key]: { ...d[key], [lang]: text } }));

  // The edit as main's patch: what is saved, and what the live checklist is asked about.
  const patchOf = () => {
    const changedSections = draft.sections.filter((s) => JSON.stringify(s.text) !== JSON.stringify(notice.content.sections.find((x) => x.key === s.key)?.text));
    const changedText = (k: ShortKey): Partial<BilingualText> | undefined => (JSON.stringify(draft[k]) === JSON.stringify(notice.content[k]) ? undefined : draft[k]);
    return {
      id: notice.id,
      ...(draft.languages.join() !== notice.content.languages.join() ? { languages: draft.languages } : {}),
      ...(changedText('subject') ? { subject: changedText('subject') } : {}),
      ...(changedText('sms') ? { sms: changedText('sms') } : {}),
      ...(changedText('pushTitle') ? { pushTitle: changedText('pushTitle') } : {}),
      ...(changedText('pushBody') ? { pushBody: changedText('pushBody') } : {}),
      ...(changedSections.length ? { sections: changedSections.map((s) => ({ key: s.key, text: s.text })) } : {}),
      ...(JSON.stringify(draft.conditions) !== JSON.stringify(notice.content.conditions) ? { conditions: draft.conditions } : {}),
    };
  };

  // The checklist follows the typing (issue 13), not only the save: main checks the unsaved edit.
  const draftKey = JSON.stringify(draft);
  useEffect(() => {
    if (readOnly || !onLiveCheck) return;
    if (!dirty) return onLiveCheck(undefined);
    const timer = setTimeout(() => {
      void api.call('notices.checkDraft', patchOf()).then((r) => r.ok && onLiveCheck(r.value));
    }, 250);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draftKey]);

  const save = async () => {
    const next = await update.run(patchOf());
    if (next) {
      toast(t('saved'));
      onSaved(next);
    }
  };

  const pair = (label: string, value: BilingualText, onChange: (lang: Language, v: string) => void, where: string, rows = 3) => (
    <div className="studio-pair">
      {LANGS.map((lang) => (
        <div key={lang} lang={lang} className={draft.languages.includes(lang) ? '' : 'studio-pair__unused'}>
          <TextField
            label={`${label} (${langLabel(lang)})`}
            value={value[lang]}
            onChange={(v) => onChange(lang, v)}
            multiline={rows > 1}
            rows={rows}
            disabled={readOnly}
            error={fieldError(update.error, `${where}.${lang}`)}
          />
        </div>
      ))}
    </div>
  );

  return (
    <form
      className="card"
      noValidate
      aria-label={t('sectionsTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>{t('sectionsTitle')}</h2>
      {frozen && !readOnly ? <p className="banner banner--warn">{t('frozenNote', { n: notice.version + 1 })}</p> : null}
      <ErrorBanner error={update.error} />
      <fieldset className="studio-langs" disabled={readOnly}>
        <legend>{t('languages')}</legend>
        {LANGS.map((lang) => (
          <CheckboxField
            key={lang}
            label={langLabel(lang)}
            checked={draft.languages.includes(lang)}
            // Any box may be unticked while another stays ticked.
            disabled={draft.languages.length === 1 && draft.languages[0] === lang}
            onChange={(on) => setDraft((d) => ({ ...d, languages: on ? LANGS.filter((l) => l === lang || d.languages.includes(l)) : d.languages.filter((l) => l !== lang) }))}
          />
        ))}
      </fieldset>
      {notice.conditionMeta.length ? (
        <fieldset className="studio-langs" disabled={readOnly}>
          <legend>{t('conditions')}</legend>
          {notice.conditionMeta.map((c) => (
            <CheckboxField
              key={c.key}
              label={L(c.label)}
              hint={c.lockedBy ? `${t('conditionLocked', { ref: c.lockedBy })} · ${L(c.basis)}` : L(c.basis)}
              checked={c.lockedBy ? notice.content.conditions[c.key] === true || draft.conditions[c.key] === true : draft.conditions[c.key] === true}
              disabled={!!c.lockedBy}
              onChange={(on) => setDraft((d) => ({ ...d, conditions: { ...d.conditions, [c.key]: on } }))}
            />
          ))}
        </fieldset>
      ) : null}
      {pair(t('subject'), draft.subject, (lang, v) => setShort('subject', lang, v), 'subject', 1)}
      {notice.sectionMeta.map((meta) => {
        const status = statusOf.get(meta.key);
        const section = draft.sections.find((s) => s.key === meta.key)!;
        return (
          <fieldset key={meta.key} className={`studio-section studio-section--${status?.status ?? 'free'}`}>
            <legend>
              {L(meta.label)} <span className="muted">· {meta.required ? t('required') : status?.status === 'notRequired' ? t('st_notRequired') : t('optional')}</span>
            </legend>
            {meta.basis ? <p className="field__hint">{L(meta.basis)}</p> : null}
            {pair(L(meta.label), section.text, (lang, v) => setSection(meta.key, lang, v), `sections.${meta.key}`, 3)}
          </fieldset>
        );
      })}
      <fieldset className="studio-section">
        <legend>{t('ch_sms')} / {t('ch_push')}</legend>
        {pair(t('ch_sms'), draft.sms, (lang, v) => setShort('sms', lang, v), 'sms', 2)}
        {pair(`${t('ch_push')} — ${t('subject')}`, draft.pushTitle, (lang, v) => setShort('pushTitle', lang, v), 'pushTitle', 1)}
        {pair(`${t('ch_push')} — ${t('sectionsTitle')}`, draft.pushBody, (lang, v) => setShort('pushBody', lang, v), 'pushBody', 2)}
      </fieldset>
      {readOnly ? null : (
        <div className="form-actions studio-save">
          {dirty ? <span className="muted" role="status">{t('unsaved')}</span> : null}
          <button type="submit" className="primary" disabled={!dirty || update.busy}>{update.busy ? t('saving') : t('save')}</button>
        </div>
      )}
    </form>
  );
}
