import { invalid } from '../shared/errors';
import type { StoredTransfer } from './view';
import { fieldMap } from '../shared/input-guard';

// Cross-field rules the schema cannot state; each names the field the DPO must fix.

export function checkRecord(d: StoredTransfer, today: string): void {
  const bad = fieldMap();
  const { annex1, route, contract, pipia, consent } = d;
  if (annex1.retentionFrom && annex1.retentionTo && annex1.retentionTo < annex1.retentionFrom) {
    bad['annex1.retentionTo'] = 'The end of retention abroad cannot be before its start';
  }
  if (route.chosen === 'exempt' && !route.exemptScenario) bad['route.exemptScenario'] = 'Choose the exemption that applies';
  if (route.chosen !== 'exempt' && route.exemptScenario) bad['route.exemptScenario'] = 'An exemption scenario goes only with the exempt route';
  if (contract.signedDate && contract.effectiveDate && contract.effectiveDate < contract.signedDate) {
    bad['contract.effectiveDate'] = 'The contract cannot take effect before it is signed';
  }
  if (contract.expiryDate && (contract.effectiveDate ?? contract.signedDate) && contract.expiryDate <= (contract.effectiveDate ?? contract.signedDate)!) {
    bad['contract.expiryDate'] = 'The term must end after the contract takes effect';
  }
  if (contract.signedDate && contract.signedDate > today) bad['contract.signedDate'] = 'Cannot be in the future';
  if (pipia.date && pipia.date > today) bad['pipia.date'] = 'Cannot be in the future';
  if (consent.liveSince && consent.liveSince > today) bad['consent.liveSince'] = 'Cannot be in the future';
  if (Object.keys(bad).length) throw invalid(bad);
}

export function checkPastDate(field: string, date: string, today: string): void {
  if (date > today) throw invalid({ [field]: 'Cannot be in the future' });
}
