import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import type { Attachment, AttachmentPreview } from '../../../preload/contract/attachments';
import { api } from '../../app/api';
import { saveFile } from '../download';
import { commonText } from '../i18n';
import { useT } from '../../i18n';
import { attachmentsText } from './i18n';
import { readBlob } from './transfer';

const PdfView = lazy(() => import('./PdfView'));

/**
 * The preview dialog. Nothing in a file runs: text and mail arrive from main as text and are
 * rendered as text; an image is an <img> (which runs no script, SVG included); a PDF is drawn
 * by pdf.js onto canvases. No HTML from a file is ever put into the page.
 */
export function PreviewDialog({ attachment, onClose }: { attachment: Attachment; onClose(): void }) {
  const t = useT(attachmentsText);
  const c = useT(commonText);
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [preview, setPreview] = useState<AttachmentPreview>();
  const [blob, setBlob] = useState<Blob>();
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    ref.current?.showModal();
    let live = true;
    void api.call('attachments.preview', { id: attachment.id }).then(async (r) => {
      if (!live) return;
      if (!r.ok) return setError(r.error.message);
      setPreview(r.value);
      if (r.value.kind === 'image' || r.value.kind === 'pdf') {
        try {
          const b = await readBlob(attachment.id, r.value.chunks, r.value.type);
          if (!live) return;
          setBlob(b);
          if (r.value.kind === 'image') setUrl(URL.createObjectURL(b));
        } catch (e) {
          setError((e as Error).message);
        }
      }
    });
    return () => {
      live = false;
    };
  }, [attachment.id]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);

  return (
    <dialog ref={ref} className="dialog dialog--wide attachment-preview" aria-labelledby={`${id}-t`} onCancel={(e) => { e.preventDefault(); onClose(); }}>
      <h2 id={`${id}-t`}>{t('previewTitle', { name: attachment.name })}</h2>
      <p className="muted">{t('previewNoScript')}</p>
      {error ? <p className="banner banner--error" role="alert">{error}</p> : null}
      {!preview && !error ? <p role="status">{t('previewLoading')}</p> : null}
      {preview?.kind === 'text' ? (
        <>
          <pre className="attachment-preview__text" tabIndex={0}>{preview.text}</pre>
          {preview.truncated ? <p className="muted">{t('previewTruncated')}</p> : null}
        </>
      ) : null}
      {preview?.kind === 'eml' ? (
        <article className="attachment-preview__mail">
          <dl>
            <dt>{t('emlFrom')}</dt><dd>{preview.from}</dd>
            <dt>{t('emlTo')}</dt><dd>{preview.to}</dd>
            {preview.date ? <><dt>{t('emlDate')}</dt><dd>{preview.date}</dd></> : null}
            <dt>{t('emlSubject')}</dt><dd>{preview.subject}</dd>
          </dl>
          <pre className="attachment-preview__text" tabIndex={0}>{preview.text}</pre>
          {preview.attachments.length ? <p className="muted">{t('emlAttachments')}: {preview.attachments.join(', ')}</p> : null}
        </article>
      ) : null}
      {preview?.kind === 'image' && url ? <img className="attachment-preview__image" src={url} alt={attachment.name} /> : null}
      {preview?.kind === 'pdf' && blob ? (
        <Suspense fallback={<p role="status">{t('previewLoading')}</p>}>
          <PdfView blob={blob} />
        </Suspense>
      ) : null}
      {preview?.kind === 'none' ? (
        <p className="banner banner--warn">{preview.reason === 'size' ? t('previewTooLarge') : preview.reason === 'removed' ? t('previewRemoved') : t('previewNone')}</p>
      ) : null}
      <div className="dialog__actions">
        {blob ? <button type="button" onClick={() => saveFile(attachment.name, blob)}>{t('download')}</button> : null}
        <button type="button" className="primary" onClick={onClose} autoFocus>{c('close')}</button>
      </div>
    </dialog>
  );
}
