import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { EML_MAX_BYTES, type ImportResult } from '../../../preload/contract/inbox';
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
  const [busy, setBusy] = useState<{ done: number; n: number } | null>(null);
  const [results, setResults] = useState<ImportResult[]>([]);
  const [error, setError] = useState<AppErrorDto>();

  // One file a call: each request stays within the one per-file limit, and progress shows.
  // A file over the limit is not read at all: main is told its size and answers TOO_LARGE.
  const importFiles = async (list: FileList | File[]) => {
    const files = [...list];
    if (!files.length) return;
    const out: ImportResult[] = [];
    setResults([]);
    setError(undefined);
    for (const [i, f] of files.entries()) {
      setBusy({ done: i + 1, n: files.length });
      const file = f.size > EML_MAX_BYTES ? { name: f.name, size: f.size } : { name: f.name, size: f.size, base64: await fileToBase64(f) };
      const r = await api.call('inbox.importEml', { files: [file] });
      if (!r.ok) {
        setError(r.error);
        break;
      }
      out.push(...r.value.results);
      setResults([...out]);
    }
    setBusy(null);
    if (out.some((r) => r.ok)) onImported();
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
        <span className="muted">{dragging ? t('dropActive') : t('dropHint', { mb: EML_MAX_BYTES / 1024 / 1024 })}</span>
      </div>
      {busy !== null ? <p role="status">{t('importing', { done: busy.done, n: busy.n })}</p> : null}
      <ErrorBanner error={error} />
      {results.length ? (
        <section className="banner" aria-label={t('importResults')} role="status">
          <strong>{t('importResults')}</strong>
          <ul className="inbox-import-results">
            {results.map((r, i) =>
              r.ok ? (
                <li key={i} className="inbox-import-results__ok">
                  <button type="button" className="link" onClick={() => navigate({ page: 'inbox', id: r.requestId })}>
                    {r.problems.length ? t('importOkWithProblems', { name: r.name, ref: r.ref }) : t('importOk', { name: r.name, ref: r.ref })}
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
