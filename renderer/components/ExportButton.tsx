import { useState } from 'react';
import type { RegisterExport, RegisterFormat } from '../../preload/contract/exports';
import { api } from '../app/api';
import { useApp } from '../app/store';
import { useT } from '../i18n';
import { exportsText } from './exports-i18n';
import { ErrorBanner, fieldError } from './Field';
import { FileChooser } from './FileChooser';
import { JobProgress } from './JobProgress';
import { Modal } from './Modal';
import { useExportJob } from './useExportJob';

type Register = RegisterExport['register'];
type FilterOf<R extends Register> = Extract<RegisterExport, { register: R }>['filter'];

interface ExportButtonProps<R extends Register> {
  register: R;
  /** The list's filter and sort as it is now. */
  filter: FilterOf<R>;
  /** What is exported, in the UI language ("the incident register"). */
  what: string;
  /** File name without extension, e.g. "incidents". */
  baseName: string;
  disabled?: boolean;
}

const today = () => new Date().toISOString().slice(0, 10);

/** "Export…": the list as CSV or XLSX, written by main as a job with progress and Stop. */
export function ExportButton<R extends Register>({ register, filter, what, baseName, disabled }: ExportButtonProps<R>) {
  const t = useT(exportsText);
  const language = useApp((s) => s.language);
  const [format, setFormat] = useState<RegisterFormat>('xlsx');
  const x = useExportJob((grantId) => api.call('exports.register', { register, filter, format, language, grantId } as RegisterExport));
  const { grant, setGrant, error, job, running } = x;

  return (
    <>
      <button type="button" onClick={x.show} disabled={disabled}>{t('export')}</button>
      <Modal open={x.open} title={t('exportTitle', { what })} onClose={x.close}>
        <p className="muted">{t('exportHint')}</p>
        <fieldset className="field export-format">
          <legend>{t('format')}</legend>
          {(['xlsx', 'csv'] as const).map((f) => (
            <label key={f} className="export-format__option">
              <input type="radio" name={`export-format-${register}`} value={f} checked={format === f} disabled={running} onChange={() => { setFormat(f); setGrant(null); }} />
              {f === 'csv' ? t('formatCsv') : t('formatXlsx')}
            </label>
          ))}
        </fieldset>
        <FileChooser key={format} label={t('saveTo')} purpose="export" mode="save" value={grant} onChange={setGrant} suggestedName={`${baseName}-${today()}.${format}`} error={fieldError(error, 'grantId')} disabled={running} />
        <ErrorBanner error={error?.fields?.grantId ? undefined : error} />
        {job ? <JobProgress job={job} onCancel={x.cancel} /> : null}
        <div className="dialog__actions">
          <button type="button" onClick={x.close} disabled={running}>{t('close')}</button>
          <button type="button" className="primary" onClick={() => void x.start()} disabled={!grant || running}>{t('start')}</button>
        </div>
      </Modal>
    </>
  );
}
