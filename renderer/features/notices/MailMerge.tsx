import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { Language } from '../../../preload/contract/common';
import type { JobStatus, MergeFormat, NoticeDto, noticesChannels } from '../../../preload/contract/notices';
import type { AppErrorDto } from '../../../preload/contract/result';
import { api } from '../../app/api';
import { useApp } from '../../app/store';
import { ErrorBanner, SelectField, TextField, fieldError } from '../../components/Field';
import { formatNumber } from '../../components/format';
import { useLocalized, useT } from '../../i18n';
import { noticesText } from './i18n';
import { Modal } from './Modal';

type MergePreview = z.infer<(typeof noticesChannels)['notices.mergePreview']['output']>;
const FORMATS: MergeFormat[] = ['mbox', 'emlFolder', 'smsText', 'pushText'];

/** Mail-merge: recipients from a CSV, checked (bad rows by line), previewed, then written as a long job. */
export function MailMerge({ notice, language, open, onClose }: { notice: NoticeDto; language: Language; open: boolean; onClose(): void }) {
  const t = useT(noticesText);
  const L = useLocalized();
  const lang = useApp((s) => s.language);
  const [format, setFormat] = useState<MergeFormat>('mbox');
  const [path, setPath] = useState('');
  const [csv, setCsv] = useState('');
  const [outputPath, setOutputPath] = useState('');
  const [line, setLine] = useState('2');
  const [job, setJob] = useState<JobStatus>();
  const [error, setError] = useState<AppErrorDto>();
  const [preview, setPreview] = useState<MergePreview>();
  const source = path.trim() ? { path: path.trim() } : { csv };
  const running = job?.state === 'running';

  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const timer = setInterval(async () => {
      const r = await api.call('notices.jobStatus', { jobId: job.jobId });
      if (r.ok) setJob(r.value);
    }, 300);
    return () => clearInterval(timer);
  }, [job?.jobId, job?.state]);

  const start = async (dryRun: boolean) => {
    setPreview(undefined);
    const r = await api.call('notices.mailMergeStart', { id: notice.id, language, format, source, dryRun, ...(outputPath.trim() ? { outputPath: outputPath.trim() } : {}) });
    if (!r.ok) return setError(r.error);
    setError(undefined);
    setJob(r.value);
  };

  const showPreview = async () => {
    const r = await api.call('notices.mergePreview', { id: notice.id, language, source, line: Number(line) });
    if (!r.ok) return setError(r.error);
    setError(undefined);
    setPreview(r.value);
  };

  const n = (x: number) => formatNumber(x, lang);
  return (
    <Modal open={open} title={t('mmTitle')} onClose={() => !running && onClose()} wide>
      <p className="field__hint">{t('mmIntro')}</p>
      <ErrorBanner error={error} />
      <div className="form-grid">
        <SelectField<MergeFormat> label={t('mmFormat')} value={format} onChange={setFormat} options={FORMATS.map((f) => ({ value: f, label: t(`f_${f}`) }))} />
        <TextField label={t('mmSource')} value={path} onChange={setPath} error={fieldError(error, 'source.path') ?? fieldError(error, 'source')} placeholder="/home/…/recipients.csv" />
        <TextField label={t('mmOutput')} value={outputPath} onChange={setOutputPath} error={fieldError(error, 'outputPath')} />
      </div>
      <TextField label={t('mmPaste')} value={csv} onChange={setCsv} multiline rows={4} disabled={Boolean(path.trim())} placeholder={'email,name\nzhang@example.com,张三'} />
      <div className="studio-actions">
        <TextField type="number" label={t('mmPreviewLine')} value={line} onChange={setLine} min={2} error={fieldError(error, 'line')} />
        <button type="button" onClick={() => void showPreview()} disabled={running}>{t('mmPreview')}</button>
        <button type="button" onClick={() => void start(true)} disabled={running}>{t('mmCheck')}</button>
        <button type="button" className="primary" onClick={() => void start(false)} disabled={running || (notice.state !== 'approved' && notice.state !== 'dispatched')}>{t('mmStart')}</button>
        {running ? <button type="button" className="danger" onClick={async () => { const r = await api.call('notices.jobCancel', { jobId: job!.jobId }); if (r.ok) setJob(r.value); }}>{t('mmCancel')}</button> : null}
      </div>
      {preview ? (
        <article className="mail-preview" lang={language}>
          <header><strong>{preview.preview.subject}</strong> — {preview.recipient.name ?? ''} &lt;{preview.recipient.email ?? preview.recipient.phone ?? preview.recipient.userId ?? ''}&gt;</header>
          {preview.preview.blocks.map((b, i) => <div key={i} className="mail-preview__block">{b.heading ? <h3>{b.heading}</h3> : null}<p>{b.text}</p></div>)}
        </article>
      ) : null}
      {job ? (
        <div className="merge-status">
          <label htmlFor="merge-progress">{t('mmProgress')}</label>
          <progress id="merge-progress" max={1} value={job.progress} />
          <p role="status">{t('mmSummary', { read: n(job.rowsRead), written: n(job.written), bad: n(job.badRows) })}</p>
          {job.state === 'done' ? <p className="banner banner--ok">{job.dryRun ? t('mmChecked') : t('mmDone', { written: n(job.written), path: job.outputPath ?? '', sha: job.sha256 ?? '' })}</p> : null}
          {job.state === 'cancelled' ? <p className="banner banner--warn">{t('mmCancelled')}</p> : null}
          {job.state === 'failed' ? <p className="banner banner--error">{t('mmFailed', { error: job.error ?? '' })}</p> : null}
          {job.problems.length ? (
            <table className="data">
              <caption>{t('mmBadRows')}</caption>
              <thead><tr><th scope="col">{t('mmLine')}</th><th scope="col">{t('mmColumn')}</th><th scope="col">{t('mmProblem')}</th></tr></thead>
              <tbody>
                {job.problems.map((p) => <tr key={`${p.line}-${p.problem}`}><td>{p.line}</td><td>{p.column ?? ''}</td><td>{L(p.message)}</td></tr>)}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
      <div className="dialog__actions">
        <button type="button" onClick={onClose} disabled={running}>{t('mmClose')}</button>
      </div>
    </Modal>
  );
}
