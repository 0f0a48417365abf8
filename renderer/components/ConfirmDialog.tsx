import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n';
import { commonText } from './i18n';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel?: string;
  /** When set, the DPO must type a reason (it goes to the audit log). */
  reasonLabel?: string;
  danger?: boolean;
  onConfirm(reason: string): void;
  onCancel(): void;
}

/** A modal <dialog>: focus is trapped by the browser, Escape cancels. */
export function ConfirmDialog({ open, title, children, confirmLabel, reasonLabel, danger, onConfirm, onCancel }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const t = useT(commonText);
  const [reason, setReason] = useState('');
  // Unique per dialog: two dialogs on one page must not share their accessible names.
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setReason('');
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const canConfirm = !reasonLabel || reason.trim().length > 0;
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${id}-title`} onCancel={(e) => { e.preventDefault(); onCancel(); }}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (canConfirm) onConfirm(reason.trim());
        }}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        {children}
        {reasonLabel ? (
          <div className="field">
            <label htmlFor={`${id}-reason`}>{reasonLabel}</label>
            <textarea id={`${id}-reason`} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} required autoFocus />
          </div>
        ) : null}
        <div className="dialog__actions">
          <button type="button" onClick={onCancel}>{t('cancel')}</button>
          <button type="submit" className={danger ? 'danger' : 'primary'} disabled={!canConfirm}>
            {confirmLabel ?? t('confirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
