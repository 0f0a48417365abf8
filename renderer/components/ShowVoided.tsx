import type { VoidMark } from '../../preload/contract/common';
import { useT } from '../i18n';
import { CheckboxField } from './Field';
import { voidText } from './void-i18n';

// "Show voided" on the register lists (incidents, inbox, transfers, notices): voided records come
// back into the list greyed, each with its void reason; the list's total still leaves them out.

export function ShowVoidedField({ checked, onChange }: { checked: boolean; onChange(v: boolean): void }) {
  const t = useT(voidText);
  return <CheckboxField label={t('showVoided')} checked={checked} onChange={onChange} />;
}

/** " · Voided: reason" inside a row's main column. */
export function VoidedTag({ voided }: { voided: VoidMark | null | undefined }) {
  const t = useT(voidText);
  return voided ? <span className="voided-tag">{t('voidedRow', { reason: voided.reason })}</span> : null;
}

export const voidedRowClass = (voided: VoidMark | null | undefined): string => (voided ? ' row--voided' : '');
