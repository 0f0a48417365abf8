import { invalid, problem, type Problem } from '../shared/errors';
import type { StoredTransfer } from './view';
import { fieldMap } from '../shared/input-guard';

// Cross-field rules the schema cannot state; each names the field the DPO must fix.

export function checkRecord(d: StoredTransfer, today: string): void {
  const bad = fieldMap<Problem>();
  const { annex1, route, contract, pipia, consent } = d;
  if (annex1.retentionFrom && annex1.retentionTo && annex1.retentionTo < annex1.retentionFrom) {
    bad['annex1.retentionTo'] = problem('retentionEnd');
  }
  if (route.chosen === 'exempt' && !route.exemptScenario) bad['route.exemptScenario'] = problem('chooseExemption');
  if (route.chosen !== 'exempt' && route.exemptScenario) bad['route.exemptScenario'] = problem('exemptionOnlyExempt');
  if (contract.signedDate && contract.effectiveDate && contract.effectiveDate < contract.signedDate) {
    bad['contract.effectiveDate'] = problem('effectiveBeforeSigned');
  }
  if (contract.expiryDate && (contract.effectiveDate ?? contract.signedDate) && contract.expiryDate <= (contract.effectiveDate ?? contract.signedDate)!) {
    bad['contract.expiryDate'] = problem('termEnd');
  }
  if (contract.signedDate && contract.signedDate > today) bad['contract.signedDate'] = problem('future');
  if (pipia.date && pipia.date > today) bad['pipia.date'] = problem('future');
  if (consent.liveSince && consent.liveSince > today) bad['consent.liveSince'] = problem('future');
  if (Object.keys(bad).length) throw invalid(bad);
}

export function checkPastDate(field: string, date: string, today: string): void {
  if (date > today) throw invalid({ [field]: problem('future') });
}
