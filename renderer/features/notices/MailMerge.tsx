import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { Language } from '../../../preload/contract/common';
import type { FileGrant } from '../../../preload/contract/files';
import type { JobInfo } from '../../../preload/contract/jobs';
import { MergeResult, type MergeFormat, type NoticeDto, type noticesChannels } from '../../../preload/contract/notices';
import type { AppErrorDto } from '../../../preload/contract/result';
import { api } from '../../app/api';
import { useApp } from '../../app/store';
import { ErrorBanner, SelectField, TextField, fieldError } from '../../components/Field';
import { FileChooser } from '../../components/FileChooser';
import { formatNumber } from '../../components/format';
import { useLocalized, useT } from '../../i18n';
import { noticesText } from './i18n';
import { Modal } from './Modal';
import { jobErrorText } from '../../components/problems';

type MergePreview = z.infer<(typeof noticesChannels)['notices.mergePreview']['output']>;
const FORMATS: MergeFormat[] = ['mbox', 'emlFolder', 'smsText', 'pushText'];

/**
 * Mail-merge: recipients from a CSV (a file the DPO chose, or pasted text), checked (bad rows by
 * line), previewed, then written as a session job to an output the DPO chose. The output is
 * plaintext personal data, so it is never put anywhere the DPO did not pick.
 */
export function MailMerge({ notice, language, open, onClose }: { notice: NoticeDto; language: Language; open: boolean; onClose(): void }) {
  const t = useT(noticesText);
  const L = useLocalized();
  const lang = useApp((s) => s.language);
  const [format, setFormat] = useState<MergeFormat>('mbox');
  const [sourceFile, setSourceFile] = useState<FileGrant | null>(null);
  const [csv, setCsv] = useState('');
  const [output, setOutput] = useState<FileGrant | null>(null);
  const [suggestedName, setSuggestedName] = useState<string>();
  const [line, setLine] = useState('2');
  const [job, setJob] = useState<JobInfo>();
  const [error, setError] = useState<AppErrorDto>();
  const [preview, setPreview] = useState<MergePreview>();
  const source = sourceFile ? { grantId: sourceFile.grantId } : { csv };
  const running = job?.state === 'running';
  const result = job ? MergeResult.safeParse(job.result).data : undefined;

  useEffect(() => {
    if (!open) return;
    let live = true;
    setOutput(null);
    void api.call('notices.mergeOutputName', { id: notice.id, language, format }).then((r) => live && r.ok && setSuggestedName(r.value.name));
    return () => {
      live = false;
    };
  }, [open, notice.id, language, format]);

  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const timer = setInterval(async () => {
      const r = await api.call('jobs.status', { jobId: job.jobId });
      if (r.ok) setJob(r.value);
    }, 300);
    return () => clearInterval(timer);
  }, [job?.jobId, job?.state]);

  const start = async (dryRun: boolean) => {
    setPreview(undefined);
    const r = await api.call('notices.mailMergeStart', { id: notice.id, language, format, source, dryRun, ...(!dryRun && output ? { output: { grantId: output.grantId } } : {}) });
    if (!r.ok) return setError(r.error);
    setError(undefined);
    setJob(r.value);
    if (!dryRun) setOutput(null); // used: the next run needs a new name
  };

  const showPreview = async () => {
    const r = await api.call('notices.mergePreview', { id: notice.id, language, source, line: Number(line) });
    if (!r.ok) return setError(r.error);
    setError(undefined);
    setPreview(r.value);
  };

  const n = (x: number) => formatNumber(x, lang);
  const outputMode = format === 'emlFolder' ? 'folder' : 'save';
  return (
    <Modal open={open} title={t('mmTitle')} onClose={() => !running && onClose()} wide>
      <p className="field__hint">{t('mmIntro')}</p>
      <ErrorBanner error={error} />
      <div className="form-grid">
        <SelectField<MergeFormat> label={t('mmFormat')} value={format} onChange={setFormat} options={FORMATS.map((f) => ({ value: f, label: t(`f_${f}`) }))} />
      </div>
      <div className="merge-files">
        <FileChooser
          label={t('mmSource')}
          purpose="recipients"
          mode="open"
          value={sourceFile}
          onChange={setSourceFile}
          error={fieldError(error, 'source.grantId') ?? fieldError(error, 'source')}
          disabled={running}
        />
        <FileChooser
          key={outputMode}
          label={t('mmOutput')}
          purpose="mergeOutput"
          mode={outputMode}
          value={output}
          onChange={setOutput}
          suggestedName={suggestedName}
          hint={t('mmOutputHint')}
          error={fieldError(error, 'output.grantId')}
          disabled={running}
        />
      </div>
      <TextField label={t('mmPaste')} value={csv} onChange={setCsv} multiline rows={4} disabled={Boolean(sourceFile)} placeholder={'email,name\nzhang@example.com,张三'} />
      <div className="studio-actions">
        <TextField type="number" label={t('mmPreviewLine')} value={line} onChange={setLine} min={2} error={fieldError(error, 'line')} />
        <button type="button" onClick={() => void showPreview()} disabled={running}>{t('mmPreview')}</button>
        <button type="button" onClick={() => void start(true)} disabled={running}>{t('mmCheck')}</button>
        <button type="button" className="primary" onClick={() => void start(false)} disabled={running || !output || (notice.state !== 'approved' && notice.state !== 'dispatched')}>{t('mmStart')}</button>
        {running ? <button type="button" className="danger" onClick={async () => { const r = await api.call('jobs.cancel', { jobId: job!.jobId }); if (r.ok) setJob(r.value); }}>{t('mmCancel')}</button> : null}
      </div>
      {preview ? (
        <article className="mail-preview" lang={language}>
          <header><strong>{preview.preview.subject}</strong> — {preview.recipient.name ?? ''} &lt;{preview.recipient.email ?? preview.recipient.phone ?? preview.recipient.userId ?? ''}&gt;</header>
          {preview.preview.blocks.map((b, i) => <div key={i} className="mail-preview__block">{b.heading ? <h3>{b.heading}</h3> : null}<p>{b.text}</p></div>)}
        </article>
      ) : null}
      {job && result ? (
        <div className="merge-status">
          <label htmlFor="merge-progress">{t('mmProgress')}</label>
          <progress id="merge-progress" max={1} value={job.state === 'done' ? 1 : (job.progress ?? 0)} />
          <p role="status">{t('mmSummary', { read: n(result.rowsRead), written: n(result.written), bad: n(result.badRows) })}</p>
          {job.state === 'done' ? <p className="banner banner--ok">{result.dryRun ? t('mmChecked') : t('mmDone', { written: n(result.written), path: result.outputPath ?? '', sha: result.sha256 ?? '' })}</p> : null}
          {job.state === 'cancelled' ? <p className="banner banner--warn">{job.cancelledBy === 'lock' ? t('mmCancelledByLock') : t('mmCancelled')}</p> : null}
          {job.state === 'failed' ? <p className="banner banner--error">{t('mmFailed', { error: jobErrorText(job.error, lang) })}</p> : null}
          {result.problems.length ? (
            <table className="data">
              <caption>{t('mmBadRows')}</caption>
              <thead><tr><th scope="col">{t('mmLine')}</th><th scope="col">{t('mmColumn')}</th><th scope="col">{t('mmProblem')}</th></tr></thead>
              <tbody>
                {result.problems.map((p) => <tr key={`${p.line}-${p.problem}`}><td>{p.line}</td><td>{p.column ?? ''}</td><td>{L(p.message)}</td></tr>)}
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
