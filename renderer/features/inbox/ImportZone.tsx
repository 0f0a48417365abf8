import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import type { ImportResult } from '../../../preload/contract/inbox';
import { api } from '../../app/api';
import { useApp } from '../../app/store';
import { ErrorBanner } from '../../components/Field';
import { fileToBase64 } from '../../components/download';
import { useT } from '../../i18n';
import type { AppErrorDto } from '../../../preload/contract/result';
import { inboxText } from './i18n';

/** The import button and the drop zone around the list: .eml files → one request each, or a per-file error. */
export function ImportZone({ onImported, children }: { onImported(): void; children: ReactNode }) {
  const t = useT(inboxText);
  const navigate = useApp((s) => s.navigate);
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState<number | null>(null);
  const [results, setResults] = useState<ImportResult[]>([]);
  const [error, setError] = useState<AppErrorDto>();

  const importFiles = async (list: FileList | File[]) => {
    const files = [...list];
    if (!files.length) return;
    setBusy(files.length);
    const r = await api.call('inbox.importEml', { files: await Promise.all(files.map(async (f) => ({ name: f.name, base64: await fileToBase64(f) }))) });
    setBusy(null);
    if (!r.ok) return setError(r.error);
    setError(undefined);
    setResults(r.value.results);
    onImported();
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void importFiles(e.dataTransfer.files);
  };

  return (
    <div
      className={`inbox-drop${dragging ? ' inbox-drop--active' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <div className="inbox-drop__bar">
        <button type="button" onClick={() => input.current?.click()} disabled={busy !== null}>
          {t('importEml')}
        </button>
        <input
          ref={input}
          type="file"
          accept=".eml,message/rfc822"
          multiple
          hidden
          aria-label={t('importEml')}
          data-testid="eml-input"
          onChange={(e) => {
            if (e.target.files) void importFiles(e.target.files);
            e.target.value = '';
          }}
        />
        <span className="muted">{dragging ? t('dropActive') : t('dropHint')}</span>
      </div>
      {busy !== null ? <p role="status">{t('importing', { n: busy })}</p> : null}
      <ErrorBanner error={error} />
      {results.length ? (
        <section className="banner" aria-label={t('importResults')} role="status">
          <strong>{t('importResults')}</strong>
          <ul className="inbox-import-results">
            {results.map((r, i) =>
              r.ok ? (
                <li key={i} className="inbox-import-results__ok">
                  <button type="button" className="link" onClick={() => navigate({ page: 'inbox', id: r.requestId })}>
                    {t('importOk', { name: r.name, ref: r.ref })}
                  </button>
                </li>
              ) : (
                <li key={i} className="inbox-import-results__err">
                  {t('importFailed', { name: r.name, message: `${t(`err_${r.error.code}`)} — ${r.error.message}` })}
                </li>
              ),
            )}
          </ul>
        </section>
      ) : null}
      {children}
    </div>
  );
}
