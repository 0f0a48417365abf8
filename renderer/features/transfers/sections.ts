import type { Transfer } from '../../../preload/contract/transfers';

// The record form mirrors Annex 1 and the cover page: one descriptor per field, shared by the
// create form and the per-section editors. Values are kept as strings in the form and turned
// back into the contract's types here (validation itself happens in main).

export type SectionKey = 'recipient' | 'annex1' | 'route' | 'consent' | 'pipia' | 'contract' | 'certification';
export type FieldKind = 'text' | 'multiline' | 'date' | 'number' | 'list' | 'email' | 'tel' | 'country' | 'select' | 'checkbox' | 'tristate';

export interface FieldDesc {
  key: string;
  kind: FieldKind;
  required?: boolean;
  /** For selects: option values; '' stands for null. Labels come from i18n `${prefix}${value || 'none'}`. */
  options?: string[];
  optionPrefix?: string;
  wide?: boolean;
}

export const SECTIONS: Record<SectionKey, FieldDesc[]> = {
  recipient: [
    { key: 'name', kind: 'text', required: true },
    { key: 'country', kind: 'country', required: true },
    { key: 'address', kind: 'text', wide: true },
    { key: 'contactPerson', kind: 'text' },
    { key: 'contactTitle', kind: 'text' },
    { key: 'email', kind: 'email' },
    { key: 'phone', kind: 'tel' },
    { key: 'rightsChannel', kind: 'multiline', wide: true },
  ],
  annex1: [
    { key: 'purpose', kind: 'multiline', wide: true },
    { key: 'processingMethod', kind: 'multiline', wide: true },
    { key: 'individualsScale', kind: 'number' },
    { key: 'recordsScale', kind: 'number' },
    { key: 'piCategories', kind: 'list', wide: true },
    { key: 'sensitivePiCategories', kind: 'list', wide: true },
    { key: 'sensitiveNecessity', kind: 'multiline', wide: true },
    { key: 'onwardRecipients', kind: 'multiline', wide: true },
    { key: 'transferMethod', kind: 'text' },
    { key: 'retentionFrom', kind: 'date' },
    { key: 'retentionTo', kind: 'date' },
    { key: 'storageLocation', kind: 'text' },
    { key: 'otherMatters', kind: 'multiline', wide: true },
  ],
  route: [
    { key: 'chosen', kind: 'select', options: ['undecided', 'standardContract', 'certification', 'securityAssessment', 'exempt'], optionPrefix: 'r_' },
    { key: 'exemptScenario', kind: 'select', options: ['', 'individualContract', 'hrManagement', 'emergency', 'art3NonPersonal', 'art4Reexport', 'belowThreshold', 'ftzNegativeList'], optionPrefix: 'x_' },
    { key: 'regime', kind: 'select', options: ['2024', '2023'], optionPrefix: 'g_' },
    { key: 'ciiOperator', kind: 'tristate' },
    { key: 'importantData', kind: 'checkbox' },
    { key: 'ftzZone', kind: 'text' },
    { key: 'ftzList', kind: 'text' },
  ],
  consent: [
    { key: 'method', kind: 'select', options: ['', 'popup', 'email', 'inAppPage', 'checkbox', 'paper', 'other'], optionPrefix: 'm_' },
    { key: 'liveSince', kind: 'date' },
    { key: 'evidenceRef', kind: 'text' },
  ],
  pipia: [
    { key: 'date', kind: 'date' },
    { key: 'conclusion', kind: 'select', options: ['', 'acceptable', 'acceptableWithMeasures', 'notAcceptable'], optionPrefix: 'p_' },
    { key: 'reportRef', kind: 'text' },
    { key: 'risks', kind: 'multiline', wide: true },
  ],
  contract: [
    { key: 'signedDate', kind: 'date' },
    { key: 'effectiveDate', kind: 'date' },
    { key: 'expiryDate', kind: 'date' },
    { key: 'filingAuthority', kind: 'text', wide: true },
    { key: 'termNote', kind: 'text' },
  ],
  // Outbound Certification Measures (in force 2026-01-01): the certificate, valid 3 years (the catalogue's period).
  certification: [
    { key: 'body', kind: 'text', wide: true },
    { key: 'certificateNumber', kind: 'text' },
    { key: 'issuedDate', kind: 'date' },
    { key: 'scope', kind: 'multiline', wide: true },
  ],
};

export type FormValues = Record<string, string | boolean>;

/** Section value → the strings and booleans the inputs hold. */
export function toForm(section: SectionKey, value: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const f of SECTIONS[section]) {
    const v = value[f.key];
    if (f.kind === 'checkbox') out[f.key] = Boolean(v);
    else if (f.kind === 'tristate') out[f.key] = v === null || v === undefined ? '' : String(v);
    else if (f.kind === 'list') out[f.key] = Array.isArray(v) ? v.join('\n') : '';
    else out[f.key] = v === null || v === undefined ? '' : String(v);
  }
  return out;
}

/** The form's strings → the section as the contract takes it ('' → null for dates, numbers and choices). */
export function fromForm(section: SectionKey, form: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of SECTIONS[section]) {
    const v = form[f.key];
    if (f.kind === 'checkbox') out[f.key] = Boolean(v);
    else if (f.kind === 'tristate') out[f.key] = v === '' ? null : v === 'true';
    else if (f.kind === 'list') out[f.key] = String(v).split(/[\n,，、;；]+/).map((s) => s.trim()).filter(Boolean);
    else if (f.kind === 'number') out[f.key] = v === '' ? null : Number(v);
    else if (f.kind === 'date' || (f.kind === 'select' && f.options?.includes(''))) out[f.key] = v === '' ? null : v;
    else out[f.key] = v;
  }
  return out;
}

export const sectionValue = (t: Transfer, s: SectionKey) => t[s] as unknown as Record<string, unknown>;

export const emptyForm = (s: SectionKey): FormValues => toForm(s, s === 'route' ? { chosen: 'undecided', regime: '2024', ciiOperator: null } : {});
