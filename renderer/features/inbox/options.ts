import { Jurisdiction as JurisdictionSchema, type Jurisdiction } from '../../../preload/contract/common';
import type { DecisionOutcome, HoldKind, IntakeChannel, RefusalGround, RequestState, RequestType } from '../../../preload/contract/inbox';

// Display order of the pick lists (the values are the contract's; labels come from i18n.ts).
export const TYPES: RequestType[] = [
  'complaint', 'access', 'copy', 'correction', 'supplement', 'deletion', 'accountClosure', 'consentWithdrawal',
  'portability', 'rulesExplanation', 'automatedDecision', 'deceasedPersonData', 'other',
];
export const STATES: RequestState[] = ['new', 'verifying', 'inProgress', 'answered', 'refused', 'withdrawn', 'closed'];
export const CHANNELS: IntakeChannel[] = ['email', 'letter', 'phone', 'webForm', 'inPerson'];
// Every jurisdiction the rules know: UK requests (UK GDPR), California (CCPA); the other US states get the policy clock.
export const JURISDICTIONS: Jurisdiction[] = [...JurisdictionSchema.options];
export const OUTCOMES: DecisionOutcome[] = ['fulfilled', 'partlyFulfilled', 'refused'];
export const METHODS = ['idDocument', 'accountLogin', 'smsCode', 'emailLink', 'knownContact', 'inPerson', 'other'] as const;
export const IDENTITY_OUTCOMES = ['verified', 'moreInfoNeeded', 'failed'] as const;
export const HOLD_KINDS: HoldKind[] = ['networkLogs', 'transactions', 'backup', 'other'];
export const GROUNDS: RefusalGround[] = [
  'legalObligation', 'nationalSecurity', 'publicInterest', 'criminalProceedings', 'abuseOfRights',
  'vitalInterests', 'harmToOthers', 'tradeSecrets', 'otherLegal',
];

export const stateTone = (s: RequestState): 'neutral' | 'info' | 'warn' | 'danger' | 'ok' =>
  s === 'new' ? 'info' : s === 'verifying' || s === 'inProgress' ? 'warn' : s === 'refused' ? 'danger' : s === 'answered' ? 'ok' : 'neutral';
