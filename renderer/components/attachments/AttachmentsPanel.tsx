import { useRef, useState, type DragEvent } from 'react';
import type { Attachment, AttachmentRole } from '../../../preload/contract/attachments';
import type { LocalizedText, ModuleName } from '../../../preload/contract/common';
import type { FileGrant } from '../../../preload/contract/files';
import type { AppErrorDto } from '../../../preload/contract/result';
import { api, useQuery } from '../../app/api';
import { useApp } from '../../app/store';
import { useLocalized, useT } from '../../i18n';
import { ConfirmDialog } from '../ConfirmDialog';
import { ErrorBanner, SelectField } from '../Field';
import { FileChooser } from '../FileChooser';
import { formatInstant } from '../format';
import { formatBytes, useJobStatus as useJob } from '../jobStatus';
import { attachmentsText } from './i18n';
import { PreviewDialog } from './Preview';
import { uploadFile } from './transfer';
import './attachments.css';

interface Props {
  module: ModuleName;
  recordId: string;
  /** Parts of the record that can carry their own files (an incident's timeline entries). */
  subjects?: { id: string; at: string; text: LocalizedText | string }[];
}

/**
 * The files of one record, the same panel on every record page: drop files (sent to main in
 * chunks) or choose one through a grant (main streams it in), preview, save as, remove with a
 * reason. Everything it shows (type, size, SHA-256, who, when) comes from main.
 */
export function AttachmentsPanel({ module, recordId, subjects = [] }: Props) {
  const t = useT(attachmentsText);
  const language = useApp((s) => s.language);
  const toast = useApp((s) => s.toast);
  const L = useLocalized();
  const subjectText = (s: { at: string; text: LocalizedText | string }) => `${formatInstant(s.at, language)} · ${(typeof s.text === 'string' ? s.text : L(s.text)).slice(0, 60)}`;
  const list = useQuery('attachments.list', { module, recordId }, [module, recordId]);
  const [role, setRole] = useState<AttachmentRole | null>(null);
  const [subjectId, setSubjectId] = useState<string>('');
  const [dragging, setDragging] = useState(false);
  const [uploading, setUploading] = useState<{ name: string; done: number; total: number } | null>(null);
  const [error, setError] = useState<AppErrorDto>();
  const [grant, setGrant] = useState<FileGrant | null>(null);
  const [preview, setPreview] = useState<Attachment | null>(null);
  const [removing, setRemoving] = useState<Attachment | null>(null);
  const [saving, setSaving] = useState<Attachment | null>(null);
  const [saveGrant, setSaveGrant] = useState<FileGrant | null>(null);
  const abort = useRef<AbortController | null>(null);
  const addJob = useJob(null);
  const saveJob = useJob(null);

  const roles = list.data?.roles ?? [];
  const chosenRole = role ?? roles[0] ?? 'other';
  const owner = { module, recordId, subjectId: subjectId || null };
  const max = list.data ? formatBytes(list.data.maxBytes, language) : '';
  const n = (x: number) => formatBytes(x, language);

  const onDrop = async (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const files = [...e.dataTransfer.files];
    for (const file of files) {
      if (list.data && file.size > list.data.maxBytes) {
        setError({ code: 'TOO_LARGE', message: t('tooLarge', { name: file.name, max }) });
        continue;
      }
      abort.current = new AbortController();
      setUploading({ name: file.name, done: 0, total: file.size });
      const r = await uploadFile(owner, chosenRole, file, (done) => setUploading({ name: file.name, done, total: file.size }), abort.current.signal);
      setUploading(null);
      if (r.ok) {
        setError(undefined);
        toast(t('uploaded', { name: file.name }));
      } else if ('cancelled' in r) toast(t('uploadCancelled', { name: file.name }));
      else setError(r.error);
      list.reload();
    }
  };

  const addGranted = async (g: FileGrant | null) => {
    setGrant(g);
    if (!g) return;
    const r = await api.call('attachments.addFromFile', { owner, role: chosenRole, grantId: g.grantId });
    setGrant(null);
    if (!r.ok) return setError(r.error);
    setError(undefined);
    addJob.setJob(r.value);
  };
  if (addJob.job && addJob.job.state !== 'running' && addJob.job.finishedAt) {
    const finished = addJob.job;
    queueMicrotask(() => {
      if (finished.state === 'done') toast(t('uploaded', { name: (finished.result as Attachment).name }));
      else if (finished.error) setError({ code: finished.error.code as AppErrorDto['code'], message: finished.error.message });
      addJob.setJob(null);
      list.reload();
    });
  }
  if (saveJob.job && saveJob.job.state !== 'running' && saveJob.job.finishedAt) {
    const finished = saveJob.job;
    queueMicrotask(() => {
      if (finished.state === 'done') toast(t('savedTo', { path: (finished.result as { path: string }).path }));
      else if (finished.error) setError({ code: finished.error.code as AppErrorDto['code'], message: finished.error.message });
      saveJob.setJob(null);
    });
  }

  const save = async (g: FileGrant | null) => {
    setSaveGrant(g);
    if (!g || !saving) return;
    const r = await api.call('attachments.saveAs', { id: saving.id, grantId: g.grantId });
    setSaving(null);
    setSaveGrant(null);
    if (!r.ok) return setError(r.error);
    saveJob.setJob(r.value);
  };

  const subjectLabel = (id: string | null) => {
    const s = id ? subjects.find((x) => x.id === id) : undefined;
    return s ? subjectText(s) : id;
  };
  const items = list.data?.items ?? [];
  return (
    <section className="card attachments" aria-labelledby={`att-${recordId}`}>
      <h2 id={`att-${recordId}`}>{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <ErrorBanner error={error} />
      {items.length === 0 ? <p className="muted">{t('empty')}</p> : (
        <table className="data attachments__table">
          <thead>
            <tr><th scope="col">{t('name')}</th><th scope="col">{t('role')}</th><th scope="col">{t('size')}</th><th scope="col">{t('added')}</th><th scope="col">{t('actions')}</th></tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id} className={a.state === 'removed' ? 'attachments__removed' : undefined}>
                <td>
                  <span className="attachments__name">{a.name}</span>
                  {a.subjectId ? <div className="muted">{t('for', { entry: subjectLabel(a.subjectId) ?? '' })}</div> : null}
                  <div className="muted mono attachments__sha" title={a.sha256}>{t('sha')} {a.sha256.slice(0, 16)}…</div>
                  {a.removed ? <div className="muted">{t('removed', { at: formatInstant(a.removed.at, language), by: a.removed.by, reason: a.removed.reason })}</div> : null}
                </td>
                <td>{t(`r_${a.role}`)}</td>
                <td>{n(a.size)}<div className="muted">{a.type}</div></td>
                <td>{formatInstant(a.addedAt, language)}<div className="muted">{a.addedBy}</div></td>
                <td>
                  {a.state === 'stored' ? (
                    <div className="attachments__actions">
                      <button type="button" onClick={() => setPreview(a)} aria-label={`${t('preview')}: ${a.name}`}>{t('preview')}</button>
                      <button type="button" onClick={() => setSaving(a)} aria-label={`${t('saveAs')} ${a.name}`}>{t('saveAs')}</button>
                      <button type="button" className="danger" onClick={() => setRemoving(a)} aria-label={`${t('remove')}: ${a.name}`}>{t('remove')}</button>
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="form-grid">
        <SelectField<AttachmentRole> label={t('attachAs')} value={chosenRole} onChange={setRole} options={roles.map((r) => ({ value: r, label: t(`r_${r}`) }))} />
        {subjects.length ? (
          <SelectField<string> label={t('attachTo')} value={subjectId} onChange={setSubjectId} options={[{ value: '', label: t('wholeRecord') }, ...subjects.map((s) => ({ value: s.id, label: subjectText(s) }))]} />
        ) : null}
      </div>
      <div
        className={`attachments__drop${dragging ? ' attachments__drop--over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => void onDrop(e)}
      >
        {dragging ? t('dropping') : t('dropHere', { max })}
      </div>
      {uploading ? (
        <div className="attachments__progress" role="status">
          <label>
            {t('uploading', { name: uploading.name, done: n(uploading.done), total: n(uploading.total) })}{' '}
            <progress max={Math.max(1, uploading.total)} value={uploading.done} />
          </label>{' '}
          <button type="button" onClick={() => abort.current?.abort()}>{t('cancelUpload')}</button>
        </div>
      ) : null}
      {addJob.job?.state === 'running' ? (
        <div className="attachments__progress" role="status">
          <label>
            {t('uploading', { name: '', done: n(addJob.job.done), total: n(addJob.job.total ?? 0) })} <progress max={1} value={addJob.job.progress ?? 0} />
          </label>{' '}
          <button type="button" onClick={() => void addJob.cancel()}>{t('cancelUpload')}</button>
        </div>
      ) : null}
      <FileChooser label={t('choose')} purpose="attachment" mode="open" value={grant} onChange={(g) => void addGranted(g)} disabled={Boolean(uploading) || addJob.job?.state === 'running'} />
      {saving ? (
        <FileChooser label={t('saveTo', { name: saving.name })} purpose="attachment" mode="save" suggestedName={saving.name} value={saveGrant} onChange={(g) => void save(g)} />
      ) : null}
      {saveJob.job?.state === 'running' ? <p role="status">{t('saving', { name: '' })}</p> : null}
      {preview ? <PreviewDialog attachment={preview} onClose={() => setPreview(null)} /> : null}
      {removing ? (
        <ConfirmDialog
          open
          danger
          title={t('removeTitle', { name: removing.name })}
          reasonLabel={t('removeReason')}
          confirmLabel={t('remove')}
          onCancel={() => setRemoving(null)}
          onConfirm={async (reason) => {
            const r = await api.call('attachments.remove', { id: removing.id, reason });
            setRemoving(null);
            if (!r.ok) setError(r.error);
            list.reload();
          }}
        >
          <p>{t('removeBody')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
