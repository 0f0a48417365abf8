import { useState } from 'react';
import type { PackKind, PackLanguage } from '../../preload/contract/exports';
import type { FileGrant } from '../../preload/contract/files';
import type { AppErrorDto } from '../../preload/contract/result';
import { api } from '../app/api';
import { useT } from '../i18n';
import { exportsText } from './exports-i18n';
import { ErrorBanner, fieldError } from './Field';
import { FileChooser } from './FileChooser';
import { JobProgress } from './JobProgress';
import { Modal } from './Modal';
import { useJob } from './useJob';

/** "Evidence pack…" on a record's page: one .zip with the PDF report, built by main as a job. */
export function PackButton({ kind, id, reference }: { kind: PackKind; id: string; reference: string }) {
  const t = useT(exportsText);
  const [open, setOpen] = useState(false);
  const [language, setLanguage] = useState<PackLanguage>('bilingual');
  const [grant, setGrant] = useState<FileGrant | null>(null);
  const [error, setError] = useState<AppErrorDto>();
  const { job, follow, cancel, reset } = useJob();
  const running = job?.state === 'running';

  const start = async () => {
    if (!grant) return;
    const r = await api.call('exports.pack', { kind, id, language, grantId: grant.grantId });
    if (!r.ok) return setError(r.error);
    setError(undefined);
    setGrant(null);
    follow(r.value);
  };
  const close = () => {
    if (running) return;
    setOpen(false);
    reset();
    setGrant(null);
    setError(undefined);
  };
  const languages: [PackLanguage, string][] = [
    ['bilingual', t('langBilingual')],
    ['zh-CN', t('langZh')],
    ['en', t('langEn')],
  ];

  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>{t('packButton')}</button>
      <Modal open={open} title={t('packTitle', { ref: reference })} onClose={close}>
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
        {job ? <JobProgress job={job} onCancel={() => void cancel()} runningText={job.state === 'running' ? t('building', { done: job.done, total: job.total ?? '?' }) : undefined} /> : null}
        <div className="dialog__actions">
          <button type="button" onClick={close} disabled={running}>{t('close')}</button>
          <button type="button" className="primary" onClick={() => void start()} disabled={!grant || running}>{t('build')}</button>
        </div>
      </Modal>
    </>
  );
}
