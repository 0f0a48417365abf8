import { useState } from 'react';
import type { OverviewPeriod } from '../../../preload/contract/overview';
import { api } from '../../app/api';
import { useApp } from '../../app/store';
import { exportsText } from '../../components/exports-i18n';
import { ErrorBanner, fieldError } from '../../components/Field';
import { FileChooser } from '../../components/FileChooser';
import { JobProgress } from '../../components/JobProgress';
import { Modal } from '../../components/Modal';
import { useExportJob } from '../../components/useExportJob';
import { useT } from '../../i18n';
import { overviewText } from './i18n';

type Format = 'pdf' | 'xlsx';
const today = () => new Date().toISOString().slice(0, 10);

/** "Export…": the overview's figures for the period shown, as one PDF page or an XLSX workbook (a job main runs). */
export function OverviewExport({ period, disabled }: { period: OverviewPeriod; disabled?: boolean }) {
  const t = useT(overviewText);
  const tx = useT(exportsText);
  const language = useApp((s) => s.language);
  const zone = useApp((s) => s.displayZone);
  const [format, setFormat] = useState<Format>('pdf');
  const x = useExportJob((grantId) => api.call('overview.export', { period, zone, format, language, grantId }));
  const { grant, setGrant, error, job, running } = x;
  return (
    <>
      <button type="button" onClick={x.show} disabled={disabled}>{tx('export')}</button>
      <Modal open={x.open} title={t('exportTitle')} onClose={x.close}>
        <p className="muted">{t('exportHint')}</p>
        <fieldset className="field export-format">
          <legend>{tx('format')}</legend>
          {(['pdf', 'xlsx'] as const).map((f) => (
            <label key={f} className="export-format__option">
              <input type="radio" name="overview-export-format" value={f} checked={format === f} disabled={running} onChange={() => { setFormat(f); setGrant(null); }} />
              {f === 'pdf' ? t('formatPdf') : tx('formatXlsx')}
            </label>
          ))}
        </fieldset>
        <FileChooser key={format} label={tx('saveTo')} purpose="export" mode="save" value={grant} onChange={setGrant} suggestedName={`overview-${today()}.${format}`} error={fieldError(error, 'grantId')} disabled={running} />
        <ErrorBanner error={error?.fields?.grantId ? undefined : error} />
        {job ? <JobProgress job={job} onCancel={x.cancel} /> : null}
        <div className="dialog__actions">
          <button type="button" onClick={x.close} disabled={running}>{tx('close')}</button>
          <button type="button" className="primary" onClick={() => void x.start()} disabled={!grant || running}>{tx('start')}</button>
        </div>
      </Modal>
    </>
  );
}
