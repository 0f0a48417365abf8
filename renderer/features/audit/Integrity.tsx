import { useState } from 'react';
import type { AuditIntegrity, AuditVerification } from '../../../preload/contract/audit';
import { api } from '../../app/api';
import { useApp } from '../../app/store';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBanner } from '../../components/Field';
import { formatInstant } from '../../components/format';
import type { AppErrorDto } from '../../../preload/contract/result';
import { useT } from '../../i18n';
import { DeferredCheckNote } from './DeferredCheck';
import { auditText } from './i18n';

/** The sentence for how the chain stands against the anchor outside the vault. */
export function useAnchorText() {
  const t = useT(auditText);
  const language = useApp((s) => s.language);
  return (a: AuditVerification['anchor']) =>
    t(`anchor_${a.status}` as 'anchor_matches', { seq: a.anchoredSeq ?? '?', last: a.lastSeq, at: formatInstant(a.anchoredAt, language) });
}

/** What the last unlock found (guards restored) and whether the anchor still matches; the DPO may accept the chain. */
export function IntegrityBanner({ integrity, onChanged }: { integrity: AuditIntegrity | undefined; onChanged(): void }) {
  const t = useT(auditText);
  const toast = useApp((s) => s.toast);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<AppErrorDto>();
  const anchorText = useAnchorText();
  if (!integrity) return null;
  const restored = integrity.atOpen?.triggersRestored ?? [];
  const held = integrity.anchor.held || (integrity.anchor.status !== 'matches' && integrity.anchor.status !== 'absent');
  return (
    <>
      {restored.length ? (
        <div className="banner banner--warn" role="alert">
          {t('triggersRestored', { names: restored.join(', ') })}
        </div>
      ) : null}
      <DeferredCheckNote check={integrity.atOpen?.deferredCheck} onEnded={onChanged} />
      {held ? (
        <div className="banner banner--error" role="alert">
          <p>{anchorText(integrity.anchor)}</p>
          <p>{t('anchorHeld')}</p>
          <button type="button" onClick={() => setConfirming(true)}>{t('resetAnchor')}</button>
        </div>
      ) : null}
      <ErrorBanner error={error} />
      <ConfirmDialog
        open={confirming}
        title={t('resetTitle')}
        reasonLabel={t('resetReason')}
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={async (reason) => {
          const r = await api.call('audit.resetAnchor', { reason });
          setConfirming(false);
          if (!r.ok) return setError(r.error);
          setError(undefined);
          toast(t('resetDone'));
          onChanged();
        }}
      >
        <p>{t('resetText')}</p>
      </ConfirmDialog>
    </>
  );
}
