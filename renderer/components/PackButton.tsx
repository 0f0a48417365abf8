import { useState } from 'react';
import type { PackKind, PackLanguage } from '../../preload/contract/exports';
import { api } from '../app/api';
import { useT } from '../i18n';
import { exportsText } from './exports-i18n';
import { ErrorBanner, fieldError } from './Field';
import { FileChooser } from './FileChooser';
import { JobProgress } from './JobProgress';
import { Modal } from './Modal';
import { useExportJob } from './useExportJob';

/** "Evidence pack…" on a record's page: one .zip with the PDF report, built by main as a job. */
export function PackButton({ kind, id, reference }: { kind: PackKind; id: string; reference: string }) {
  const t = useT(exportsText);
  const [language, setLanguage] = useState<PackLanguage>('bilingual');
  const x = useExportJob((grantId) => api.call('exports.pack', { kind, id, language, grantId }));
  const { grant, setGrant, error, job, running } = x;
  const languages: [PackLanguage, string][] = [
    ['bilingual', t('langBilingual')],
    ['zh-CN', t('langZh')],
    ['en', t('langEn')],
  ];

  return (
    <>
      <button type="button" onClick={x.show}>{t('packButton')}</button>
      <Modal open={x.open} title={t('packTitle', { ref: reference })} onClose={x.close}>
        <p className="muted">{t('packHint')}</p>
        <fieldset className="field export-format">
          <legend>{t('reportLanguage')}</legend>
          {languages.map(([value, label]) => (
            <label key={value} className="export-format__option">
              <input type="radio" name={`pack-language-${id}`} value={value} checked={language === value} disabled={running} onChange={() => setLanguage(value)} />
              {label}
            </label>
          ))}
        </fieldset>
        <FileChooser label={t('saveTo')} purpose="export" mode="save" value={grant} onChange={setGrant} suggestedName={`${reference}-evidence-pack.zip`} error={fieldError(error, 'grantId')} disabled={running} />
        <ErrorBanner error={error?.fields?.grantId ? undefined : error} />
        {job ? <JobProgress job={job} onCancel={x.cancel} runningText={job.state === 'running' ? t('building', { done: job.done, total: job.total ?? '?' }) : undefined} /> : null}
        <div className="dialog__actions">
          <button type="button" onClick={x.close} disabled={running}>{t('close')}</button>
          <button type="button" className="primary" onClick={() => void x.start()} disabled={!grant || running}>{t('build')}</button>
        </div>
      </Modal>
    </>
  );
}
