import { useState } from 'react';
import type { ModuleName } from '../../preload/contract/common';
import { api } from '../app/api';
import { useApp } from '../app/store';
import { ConfirmDialog } from './ConfirmDialog';
import { ErrorBanner } from './Field';
import { formatInstant } from './format';
import { voidText } from './void-i18n';
import { useT } from '../i18n';
import type { AppErrorDto } from '../../preload/contract/result';

/**
 * Voiding a record created by mistake (kept, greyed, out of counts and clocks, audited), and
 * restoring it. Shared by every record page; the page greys itself while the banner shows.
 */
export function VoidControl({ module, recordId, voided, onChanged }: { module: ModuleName; recordId: string; voided: { at: string; by: string; reason: string } | null; onChanged(): void }) {
  const t = useT(voidText);
  const language = useApp((s) => s.language);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<AppErrorDto>();
  const run = async (reason: string) => {
    setOpen(false);
    const r = await api.call(voided ? 'records.restore' : 'records.void', { module, recordId, reason });
    if (!r.ok) return setError(r.error);
    setError(undefined);
    onChanged();
  };
  return (
    <>
      {voided ? (
        <div className="banner banner--warn void-banner" role="status">
          {t('voidedBanner', { at: formatInstant(voided.at, language), by: voided.by, reason: voided.reason })}{' '}
          <button type="button" onClick={() => setOpen(true)}>{t('restore')}</button>
        </div>
      ) : (
        <button type="button" className="link void-button" onClick={() => setOpen(true)}>{t('void')}</button>
      )}
      <ErrorBanner error={error} />
      <ConfirmDialog open={open} title={voided ? t('restoreTitle') : t('voidTitle')} reasonLabel={voided ? t('restoreReason') : t('voidReason')} danger={!voided} confirmLabel={voided ? t('restore') : t('void')} onCancel={() => setOpen(false)} onConfirm={(reason) => void run(reason)}>
        {voided ? null : <p>{t('voidExplain')}</p>}
      </ConfirmDialog>
    </>
  );
}
