import { useState } from 'react';
import type { Language } from '../../../preload/contract/common';
import type { Transfer } from '../../../preload/contract/transfers';
import { useQuery } from '../../app/api';
import { SelectField } from '../../components/Field';
import { useT } from '../../i18n';
import { transfersText } from './i18n';
import { countryName } from './SectionFields';

type Key = keyof (typeof transfersText)['en'];

/** Annex 1 of the Standard Contract as a printable table, in Chinese or English whatever the UI language. */
export function AnnexPrint({ transfer, onClose }: { transfer: Transfer; onClose(): void }) {
  const t = useT(transfersText);
  const [lang, setLang] = useState<Language>('zh-CN');
  const settings = useQuery('settings.get', {}, []);
  const p = (key: Key) => transfersText[lang][key];
  const a = transfer.annex1;
  const r = transfer.recipient;
  const join = (xs: string[]) => xs.join(lang === 'zh-CN' ? '、' : ', ') || '—';
  const rows: [Key, string][] = [
    ['f_annex1_purpose', a.purpose],
    ['f_annex1_processingMethod', a.processingMethod],
    ['f_annex1_individualsScale', a.individualsScale?.toLocaleString(lang) ?? '—'],
    ['f_annex1_recordsScale', a.recordsScale?.toLocaleString(lang) ?? '—'],
    ['f_annex1_piCategories', join(a.piCategories)],
    ['f_annex1_sensitivePiCategories', join(a.sensitivePiCategories)],
    ['f_annex1_onwardRecipients', a.onwardRecipients],
    ['f_annex1_transferMethod', a.transferMethod],
    ['f_annex1_retentionFrom', a.retentionFrom ?? '—'],
    ['f_annex1_retentionTo', a.retentionTo ?? '—'],
    ['f_annex1_storageLocation', a.storageLocation],
    ['f_annex1_otherMatters', a.otherMatters],
  ];
  const profile = settings.data?.profile;
  return (
    <section aria-label={t('printAnnex')}>
      <div className="form-actions" style={{ justifyContent: 'flex-start' }}>
        <SelectField<Language> label={t('printLanguage')} value={lang} onChange={setLang} options={[{ value: 'zh-CN', label: '中文' }, { value: 'en', label: 'English' }]} />
        <button type="button" className="primary" onClick={() => window.print()}>{t('print')}</button>
        <button type="button" onClick={onClose}>{t('closePrint')}</button>
      </div>
      <article className="annex-print" lang={lang}>
        <h2>{p('annexTitle')}</h2>
        <p className="mono">{transfer.ref}</p>
        <h3>{p('annexParties')}</h3>
        <table>
          <tbody>
            <tr><th scope="row">{p('annexHandler')}</th><td>{profile ? `${profile.legalName}\n${profile.registeredAddress}\n${profile.dpoName} · ${profile.dpoEmail}${profile.phone ? ` · ${profile.phone}` : ''}` : '…'}</td></tr>
            <tr>
              <th scope="row">{p('annexRecipient')}</th>
              <td>{`${r.name}\n${r.address}${r.address ? ', ' : ''}${countryName(r.country, lang)}\n${[r.contactPerson, r.contactTitle, r.email, r.phone].filter(Boolean).join(' · ')}`}</td>
            </tr>
          </tbody>
        </table>
        <h3>{p('s_annex1')}</h3>
        <table>
          <tbody>
            {rows.map(([k, v]) => (
              <tr key={k}><th scope="row">{p(k)}</th><td>{v || '—'}</td></tr>
            ))}
          </tbody>
        </table>
      </article>
    </section>
  );
}
