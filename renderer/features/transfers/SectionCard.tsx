import { useState } from 'react';
import type { Transfer } from '../../../preload/contract/transfers';
import { useMutation } from '../../app/api';
import { useApp } from '../../app/store';
import { ErrorBanner, fieldError, TextField } from '../../components/Field';
import { formatDate, formatNumber } from '../../components/format';
import { useT } from '../../i18n';
import { transfersText } from './i18n';
import { countryName, SectionFields } from './SectionFields';
import { fromForm, SECTIONS, sectionValue, toForm, type SectionKey } from './sections';

/** One section of the record: read as a list of facts, edited in place, saved as a patch. */
export function SectionCard({ transfer, section, onChange }: { transfer: Transfer; section: SectionKey; onChange(t: Transfer): void }) {
  const t = useT(transfersText);
  const language = useApp((s) => s.language);
  const toast = useApp((s) => s.toast);
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState(() => toForm(section, sectionValue(transfer, section)));
  const [changeDate, setChangeDate] = useState('');
  const update = useMutation('transfers.update');
  const current = sectionValue(transfer, section);

  const save = async () => {
    const next = await update.run({ id: transfer.id, [section]: fromForm(section, values), ...(changeDate ? { changeDate } : {}) } as never);
    if (next) {
      onChange(next);
      setEditing(false);
      toast(t('sectionSaved'));
    }
  };
  const show = (key: string, kind: string): string => {
    const v = current[key];
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return kind === 'checkbox' ? t('c_false') : '—';
    if (kind === 'country') return `${countryName(String(v), language)} (${String(v)})`;
    if (kind === 'date') return formatDate(String(v), language);
    if (kind === 'number') return formatNumber(Number(v), language);
    if (kind === 'list') return (v as string[]).join(language === 'zh-CN' ? '、' : ', ');
    if (kind === 'checkbox' || kind === 'tristate') return t(v ? 'c_true' : 'c_false');
    const field = SECTIONS[section].find((f) => f.key === key);
    if (field?.kind === 'select') return t(`${field.optionPrefix}${String(v)}` as never);
    return String(v);
  };
  const headingId = `section-${section}`;
  return (
    <section className="card transfer-section" aria-labelledby={headingId}>
      <div className="card__head">
        <h2 id={headingId}>{t(`s_${section}`)}</h2>
        {!editing ? (
          <button type="button" onClick={() => { setValues(toForm(section, current)); setEditing(true); }} aria-label={`${t('edit')}: ${t(`s_${section}`)}`}>
            {t('edit')}
          </button>
        ) : null}
      </div>
      {editing ? (
        <form onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
          <ErrorBanner error={update.error} />
          <SectionFields section={section} values={values} onChange={setValues} error={update.error} />
          {section === 'annex1' ? <TextField type="date" label={t('changeDate')} hint={t('changeDateHint')} value={changeDate} onChange={setChangeDate} error={fieldError(update.error, 'changeDate')} /> : null}
          <div className="form-actions">
            <button type="button" onClick={() => { setEditing(false); update.setError(undefined); }}>{t('cancel')}</button>
            <button type="submit" className="primary" disabled={update.busy}>{t('saveSection')}</button>
          </div>
        </form>
      ) : (
        <dl className="facts">
          {SECTIONS[section].map((f) => (
            <div className="facts__row" key={f.key}>
              <dt>{t(`f_${section}_${f.key}` as never)}</dt>
              <dd>{show(f.key, f.kind)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
