import { z } from 'zod';
import type { LocalizedText } from './common';

// The one home of every validation and conflict problem main reports: a code, its parameters,
// and its English words. Main sends the code and parameters in the error envelope (beside the
// English message, kept for logs and tests); the renderer says them in the DPO's language
// through renderer/components/problems.ts, whose type requires a Chinese wording for each code.
// Parameters are values (numbers, references, dates) or names main already has in both
// languages ({ en, zh }); never an English phrase the renderer could not translate.

type Said = LocalizedText;

const EN = {
  // ── Any input (zod issues, the input guard) ─────────────────────────────────────────────
  required: 'Required',
  unknownField: 'Unknown field',
  tooLong: (p: { max: number }) => `Up to ${p.max.toLocaleString('en')} characters`,
  tooShort: (p: { min: number }) => `At least ${p.min.toLocaleString('en')} characters`,
  tooHigh: (p: { max: number }) => `At most ${p.max.toLocaleString('en')}`,
  tooLow: (p: { min: number }) => `At least ${p.min.toLocaleString('en')}`,
  tooMany: (p: { max: number }) => `At most ${p.max.toLocaleString('en')} entries`,
  tooFew: (p: { min: number }) => `At least ${p.min.toLocaleString('en')} entries`,
  wholeNumber: 'A whole number',
  notNumber: 'A number',
  notText: 'A text',
  notYesNo: 'Yes or no',
  notList: 'A list',
  notObject: 'A group of fields',
  notOneOf: (p: { options: string }) => `One of: ${p.options}`,
  notDate: 'A date (YYYY-MM-DD)',
  notInstant: 'A date and time',
  notEmail: 'Not a valid e-mail address',
  notUrl: 'A web address (URL)',
  badFormat: 'Not in the expected format',
  badValue: 'Not a valid value',
  brokenText: 'Contains a broken character (an unpaired UTF-16 surrogate); type or paste the text again',
  reservedName: 'This name is reserved and cannot be used as a field',
  tooDeep: (p: { max: number }) => `Nested more than ${p.max} levels deep`,
  listedTwice: 'Listed twice',
  badCursor: 'Not a cursor from this list; start from the first page',
  unknownZone: (p: { zone: string }) => `Unknown time zone "${p.zone}"`,
  /** A message main already has in both languages (a rule's own words, a channel check). */
  said: (p: { text: Said }) => p.text.en,
  // Contract refinements
  fileNameOnly: 'A file name, without folders or control characters',
  fullFolderPath: 'Give the full path of a folder',
  countryCode: 'Unknown country or region (ISO 3166-1 alpha-2 code expected)',
  passphraseOrCode: 'Give either the passphrase or the recovery code',
  backupPassphraseOrCode: 'Give either the passphrase or the recovery code of the backup',
  contentOrSize: 'Send the content (base64) or the size',
  fileNameNoFolders: 'A file name, without folders',
  emptyFile: 'The file is empty',
  quarterFormat: 'Like 2026-Q4',
  sectionOfNotice: 'Not a section of this notice',
  notBase64: 'Not base64',
  twoLetterCountry: 'A two-letter country code such as CN',
  sha256Hex: 'A SHA-256 in hex',
  hexHash: 'A 64-character hex hash',
  pickOne: 'Pick at least one',
  negative: 'Cannot be negative',
  periodZero: 'A period of 0 is not a period',
  notZoneName: 'Not a time zone name',
  dateOrInstant: 'A date (YYYY-MM-DD) or a date and time with its offset',

  // ── Dates against each other ────────────────────────────────────────────────────────────
  future: 'Cannot be in the future',
  beforeDiscovery: 'Cannot be before the discovery',
  afterDiscovery: 'Cannot be after the discovery',
  beforeReceived: 'Cannot be before the request was received',
  beforeStartDate: 'Cannot be before the start date',
  afterStart: 'Must be after the start',
  lastMonthBeforeFirst: 'The last month cannot be before the first',
  periodTooLong: (p: { max: number }) => `At most ${p.max} months`,
  yearNotStarted: 'Cannot record a year that has not started',

  // ── Files and exports ───────────────────────────────────────────────────────────────────
  fileExtension: (p: { ext: string }) => `Choose a .${p.ext} file name for this format`,
  packZip: 'Choose a .zip file name for the pack',
  chooseFileKind: (p: { exts: string }) => `Choose a ${p.exts} file`,
  outputExtension: (p: { ext: string }) => `Choose a .${p.ext} file for this output`,
  purposeMode: (p: { purpose: string; mode: string }) => `A ${p.purpose} file cannot be chosen for "${p.mode}"`,
  choiceExpired: 'This file choice has expired; choose the file again',
  choiceOtherUse: (p: { purpose: string; mode: string }) => `This file was chosen for another use (${p.purpose}, ${p.mode})`,
  fullPath: 'Give the full path, starting from the drive or /',
  noFolder: 'There is no folder at this path',
  notFolder: 'This is not a folder',
  noFile: 'There is no file at this path',
  notRegularFile: 'This is not a regular file',
  fileTooLarge: (p: { mb: number }) => `The file is larger than ${p.mb} MB`,
  folderMissing: 'The folder does not exist',
  pathTaken: 'Something already exists at this path; choose a new name (nothing is overwritten)',
  outsideGrants: 'Outside the folders granted in Settings',
  fileGone: 'The chosen file is no longer there; choose it again',
  chooseOutput: 'Choose where to write the merged messages',
  newBackupName: 'Choose a new file name: a backup never overwrites a file.',

  // ── Search, records and links ───────────────────────────────────────────────────────────
  searchTerms: 'Type the letters, digits or words to search for',
  noSuchRecord: 'No such record',
  noRecordWithRef: 'No record with this reference',
  linkToSelf: 'A record cannot be linked to itself',
  linkRoleIncidentTransfer: 'Only an incident and a transfer can be linked this way',
  alreadyLinked: (p: { from: string; to: string }) => `${p.from} and ${p.to} are already linked.`,
  alreadyVoid: (p: { ref: string }) => `${p.ref} is already void.`,
  notVoid: (p: { ref: string }) => `${p.ref} is not void.`,
  voidedRecord: (p: { ref: string }) => `${p.ref} was voided as created by mistake; restore it before changing it.`,
  onlyDraftVoided: (p: { ref: string; state: Said }) => `${p.ref} is ${p.state.en}: only a draft can be voided.`,
  jobRunning: 'This job is still running; cancel it first.',
  changedSinceOpened: (p: { ref: string; version: number }) =>
    `${p.ref} was changed since you opened it (version ${p.version}); reload to see the changes.`,

  // ── Incidents ───────────────────────────────────────────────────────────────────────────
  incidentAlreadyIn: (p: { state: Said }) => `The incident is already ${p.state.en.toLowerCase()}.`,
  reopenReason: 'Say why the incident is reopened',
  stepBackReason: 'Say why the incident goes back a step',
  obligationsPending: (p: { names: Said }) => `Obligations still pending: ${p.names.en}. Confirm to close anyway.`,
  lateReasons: (p: { period: Said }) => `Notified more than ${p.period.en} after awareness: give the reasons for the delay`,
  addUsCa: 'Add US-CA for the California residents counted',
  exceedsAffected: 'Cannot exceed the people affected',
  harmAvoidedReason: 'Say why harm was effectively avoided',
  art34ExceptionReason: 'Say why the Art. 34(3) exception applies',
  riskNotHighReason: 'Say why the risk is not high',
  unknownObligation: (p: { key: string }) => `Unknown obligation "${p.key}"`,
  notMarkedDone: (p: { obligation: Said }) => `${p.obligation.en} is not marked done.`,
  noOverride: (p: { obligation: Said }) => `${p.obligation.en} has no override to remove.`,
  noGradeOverride: 'The grade has no override to remove.',
  authorityReference: 'Enter the receipt or case number the authority gave (or how it was sent)',
  firstReportCacOnly: 'Only the CAC report can be made as a first report',
  cacReportFirst: 'Record the CAC report first: a follow-up comes after it',
  assessmentLogged: (p: { ref: string }) => `This assessment was already logged as ${p.ref || 'an incident'}.`,
  assessmentTitle: 'Give the incident a short title',
  assessmentDiscovered: 'Say when it was discovered: the clocks start then',
  assessmentPeople: 'Say how many people are affected, and where',
  assessmentContained: 'Say when it was contained',

  // ── Inbox ───────────────────────────────────────────────────────────────────────────────
  holdLogsFrom: 'The date the logs run from (the keeping period starts then)',
  holdTransactionDate: 'The date the transaction was completed (E-Commerce Law Art. 31)',
  holdUntil: 'The date the data clears',
  extensionNoticeLate: (p: { first: string; dueAt: string; basis: string }) =>
    `The extension notice must be sent within the ${p.first}, by ${p.dueAt} (${p.basis})`,
  guardianRequired: 'Required when the requester is under 14 (PIPL Art. 31)',
  nextOfKin: 'A request about a deceased person’s data comes from a next of kin (PIPL Art. 49)',
  receivedAtReason: 'Say why the receipt time differs from now (it starts the legal clock)',
  refusalGround: 'Pick one of the nine grounds of the privacy policy §V',
  refusalReasons: 'Give the reasons for refusing (PIPL Art. 50)',
  actionsTaken: 'Say what was done',
  verifyIdentity: 'Verify the requester’s identity before acting on the request (privacy policy §V)',
  verifyAccount: 'For account closure, verify the account as well (privacy policy §V)',
  requestMove: (p: { from: Said; to: Said }) => `Cannot move from ${p.from.en.toLowerCase()} to ${p.to.en.toLowerCase()}`,
  requestReopenReason: 'Say why the request is reopened',
  withdrawnHow: 'Say how the requester withdrew',
  answerNeedsDecision: 'Record a fulfilled or partly fulfilled decision before marking the request answered',
  refuseNeedsDecision: 'Record a refusal with its ground before marking the request refused',
  alreadyExtended: (p: { ref: string; at: string }) => `Request ${p.ref} was already extended on ${p.at}`,
  extensionRegimes: 'An extension applies to GDPR, UK GDPR and CCPA requests only (GDPR/UK GDPR Art. 12(3), CCPA Regulations §7021(b))',
  extendOpenOnly: 'Only a request still being handled can be extended',
  noStopClock: 'The rules that apply to this request do not let the clock stop (UK GDPR requests received from 2026-02-05 do; see Settings → Rules)',
  clockStopped: 'The clock is already stopped: resume it first',
  clockOpenOnly: 'Only a request still being handled has a running clock',
  clockNotStopped: 'The clock is not stopped',
  beforeClockStopped: 'Cannot be before the clock was stopped',
  identityWhileOpen: 'Identity is checked while the request is being handled',
  reopenBeforeDecision: 'Reopen the request before changing its decision',
  holdCleared: (p: { at: string }) => `Already finally deleted on ${p.at}`,
  minorRefusalWritten: 'A refusal of a minor’s or guardian’s request is given in writing with reasons (Minors Regulations Art. 34(3)): send it by e-mail, letter or the portal',

  // ── Notices ─────────────────────────────────────────────────────────────────────────────
  noticeLanguage: 'Must include the notice’s language',
  noLinkedRecord: (p: { module: string }) => `No ${p.module} record with this id`,
  unknownMergeField: (p: { name: string }) => `Unknown merge field {{${p.name}}}`,
  unknownMergeFieldIn: (p: { name: string; where: string }) => `Unknown merge field {{${p.name}}} in ${p.where}`,
  perRecipientField: (p: { name: string; where: string }) => `{{${p.name}}} is filled per recipient: use the mail-merge (${p.where})`,
  notSectionOf: (p: { kind: Said }) => `Not a section of ${p.kind.en}`,
  notElement: 'Not a required element of this notice',
  notCondition: 'Not a condition of this kind of notice',
  elementMissing: (p: { rule: Said; languages: string; basis: Said }) => `Missing: ${p.rule.en} (${p.languages}) — ${p.basis.en}`,
  waiverReason: (p: { min: number }) => `Give the reason for waiving (at least ${p.min} characters)`,
  approveInReview: (p: { ref: string; state: Said }) => `Only a notice in review can be approved; ${p.ref} is ${p.state.en}.`,
  dispatchApproved: (p: { ref: string; state: Said }) => `Only an approved notice can be dispatched; ${p.ref} is ${p.state.en}.`,
  noticeStep: (p: { ref: string; state: Said; needed: Said }) => `${p.ref} is ${p.state.en}; this step needs it to be ${p.needed.en}.`,
  approveBeforeOutput: (p: { ref: string; version: number; state: Said }) =>
    `${p.ref} v${p.version} is ${p.state.en}: approve it before making what is sent.`,
  notOutputOf: 'Not an output of this version of the notice',
  beforeApproval: 'Cannot be before the approval',
  csvColumns: (p: { columns: string; forAddress: boolean }) =>
    `The CSV has no column ${p.columns} (needed for ${p.forAddress ? 'the address' : 'the merge fields'})`,
  noRecipientOnLine: (p: { line: number }) => `No recipient on line ${p.line}`,
  csvQuoteInside: (p: { line: number }) =>
    `line ${p.line}: a quote (") inside a field that does not start with one; put the whole field in quotes and write the quote twice ("")`,
  csvAfterQuote: (p: { line: number }) => `line ${p.line}: text right after a closing quote; inside a quoted field write a quote twice ("")`,
  csvQuoteOpen: (p: { line: number }) => `line ${p.line}: a quoted field starts on this line and is never closed`,
  csvUnreadable: (p: { line: number; detail: string }) => `line ${p.line}: the CSV cannot be read here (${p.detail})`,

  // ── Transfers ───────────────────────────────────────────────────────────────────────────
  retentionEnd: 'The end of retention abroad cannot be before its start',
  chooseExemption: 'Choose the exemption that applies',
  exemptionOnlyExempt: 'An exemption scenario goes only with the exempt route',
  effectiveBeforeSigned: 'The contract cannot take effect before it is signed',
  termEnd: 'The term must end after the contract takes effect',
  filingStandardOnly: 'Filing applies to the standard-contract route only',
  beforeEffective: 'Cannot be before the contract took effect',
  filingNumber: 'Enter the filing number the authority gave',
  noSupplementsRequested: 'No supplements were requested',
  submissionFirst: 'Record the submission first',
  effectiveDateFirst: "Record the contract's effective date first",
  authorityReasons: "Enter the authority's reasons",
  exceedsCounted: (p: { n: number }) => `Cannot exceed the ${p.n} individuals counted this year`,
  noRouteRule: (p: { regime: string; year: number }) => `No ${p.regime} route rule is in force in ${p.year} (see Settings → Rules)`,
  reviewRecorded: (p: { ref: string }) => `The re-assessment after ${p.ref} is already recorded.`,
  beforeLinked: 'Cannot be before the incident was linked',

  // ── Governance, audit, calendar, deadlines, rules ───────────────────────────────────────
  noReportDue: 'No report is due: the threshold is not reached and nothing changed',
  chainBroken: (p: { seq: number }) => `The chain is broken at entry #${p.seq}; an anchor is only set on a chain that verifies.`,
  calendarLineDate: (p: { where: string; value: string }) => `${p.where}: ${p.value} is not a date (YYYY-MM-DD)`,
  calendarLineKind: (p: { where: string; value: string }) => `${p.where}: "${p.value}" is neither holiday nor workday`,
  dayNotInYear: (p: { day: string; year: number }) => `${p.day} is not in ${p.year}`,
  dayListedTwice: (p: { day: string }) => `${p.day} is listed twice`,
  dayAlsoHoliday: (p: { day: string }) => `${p.day} is also listed as a holiday`,
  dayIsWeekday: (p: { day: string }) => `${p.day} is a weekday; only weekend days can be declared working days`,
  datesOutsideYear: (p: { year: number; days: string }) => `The file has dates outside ${p.year}: ${p.days}`,
  confirmDayRemoval: (p: { removed: number; before: number; country: string; year: number; after: number }) =>
    `This removes ${p.removed} of the ${p.before} days loaded for ${p.country} ${p.year} (${p.after} would remain); confirm the removal to go on`,
  calendarCsvQuotes: 'The CSV cannot be read here (check the quotes)',
  calendarLineJson: (p: { line: number }) => `Line ${p.line}: not valid JSON`,
  calendarKind: (p: { where: string }) => `${p.where}: the kind must be holiday or workday`,
  calendarLists: 'Expected "holidays" and "workdays" lists',
  calendarJson: 'Expected a JSON object or list of dates',
  notIsoInstant: 'Not an ISO instant',
  dateOrNull: 'A date (YYYY-MM-DD) or null',
  endsBeforeStart: 'Ends before it starts',
  versionOverlap: (p: { from: string; to: string }) => `Overlaps the version from ${p.from || 'the start'}${p.to ? ` to ${p.to}` : ''}`,
  unknownModule: 'Unknown module',
  deadlineKey: 'Required (up to 100 characters)',
  deadlineKeyTwice: (p: { key: string }) => `Key "${p.key}" is requested twice`,
  unknownRule: (p: { key: string }) => `Unknown rule "${p.key}"`,
  unknownRules: (p: { keys: string }) => `Unknown rule: ${p.keys}`,
  notDateOrInstant: 'Not an ISO date or instant',
  noRuleVersion: (p: { key: string; date: string }) => `No version of rule "${p.key}" is in force on ${p.date}`,
  noVersionOfRule: (p: { date: string }) => `No version of this rule is in force on ${p.date}`,
  needsDueDate: 'This rule needs the date it falls due',
  waiverNeedsReason: 'A waiver needs a reason',
  deadlineMet: 'This deadline is already met.',
  deadlineWaived: 'This deadline is already waived.',
  versionStarts: (p: { date: string }) => `A version already starts on ${p.date}: edit that version instead`,
  ruleNameBoth: 'A name in English and Chinese',
  notPeriod: (p: { detail: string }) => `Not a period: ${p.detail}`,
  countsIn: (p: { kinds: string }) => `This rule counts in ${p.kinds}`,
  between: (p: { min: number; max: number }) => `Between ${p.min} and ${p.max}`,
  trueFalse: 'true or false',
  sourceKind: 'official or commentary',
  textBoth: 'A text in English and Chinese ({ en, zh })',
  textUpTo: (p: { max: number }) => `A text of up to ${p.max} characters`,
  notValidValue: (p: { value: string }) => `Not a valid value: "${p.value}"`,
  rowOfFields: 'A row of fields',
  keyListedTwice: (p: { key: string }) => `"${p.key}" is listed twice`,
  rowsRemoved: (p: { keys: string }) => `Rows cannot be removed here: ${p.keys} missing`,
  rowsAdded: (p: { keys: string }) => `Rows cannot be added here: ${p.keys}`,
  paramsObject: 'An object of parameters',
  unknownParam: (p: { rule: string }) => `Unknown parameter of ${p.rule}`,
  notInspected: (p: { actual: string; expected: string }) => `The file is not the one inspected (SHA-256 ${p.actual}, expected ${p.expected})`,
  notJsonFile: 'Not a JSON file',
  notPackObject: 'Not a rule pack (expected a JSON object)',
  notPackFormat: (p: { format: string }) => `Not a rule pack (format must be "${p.format}")`,
  packVersion: (p: { version: string; reads: number }) => `Pack format version ${p.version} is not supported (this app reads ${p.reads})`,
  nameUpTo: (p: { max: number }) => `A name of up to ${p.max} characters`,
  packEmpty: 'The pack holds no rules',
  ruleEntry: 'A rule entry',
  unknownRuleKey: (p: { key: string }) => `Unknown rule key "${p.key}"`,
  ruleTwice: (p: { key: string }) => `Rule "${p.key}" is in the pack twice`,
  ruleNeedsVersion: 'A rule needs at least one version',
  versionEntry: 'A version entry',
  signatureShape: 'A signature is { algorithm: "Ed25519", publicKey, value }',
  signatureBroken: 'The signature does not match the pack: it was changed after signing, or signed with another key',
  signatureUntrusted: (p: { fingerprint: string }) =>
    `Signed by a key you do not trust (SHA-256 ${p.fingerprint}): add the publisher's key in Settings → Rules first`,
  notPublicKey: 'Not an Ed25519 public key (PEM, or base64 of the 32-byte key)',
  keyTrusted: 'This key is already trusted',

  // ── Attachments and uploads ─────────────────────────────────────────────────────────────
  attachmentTooLarge: (p: { mb: number }) => `The file is larger than the limit of ${p.mb} MB per attachment (Settings → Attachments)`,
  attachmentRole: (p: { module: string; role: string }) => `A ${p.module} record does not take a file as "${p.role}"`,
  chunkOrder: (p: { expected: number }) => `Expected chunk ${p.expected}`,
  chunkSize: (p: { index: number; expected: number; actual: string }) => `Chunk ${p.index} must be ${p.expected} bytes, not ${p.actual}`,
  moreBytes: (p: { size: number }) => `More bytes than the ${p.size} the file declared`,
  bytesMissing: (p: { received: number; size: number }) => `${p.received} of the ${p.size} bytes arrived; add the file again`,
  uploadEnded: 'This upload has ended.',
  fileShrank: (p: { name: string }) => `${p.name} became shorter while it was read; add it again.`,
  timelineFilesIncidentOnly: 'Only an incident’s timeline entries take files of their own',
  notTimelineEntry: 'Not a timeline entry of this incident',

  // ── Vault, backups, jobs (conflicts) ────────────────────────────────────────────────────
  vaultExists: 'A vault already exists in this data folder.',
  orphanDatabase: 'A vault database without its key file is in this data folder; move it away before creating a new vault.',
  lockBeforeRestore: 'Lock the vault before restoring.',
  notRecoveryOpened: 'The vault was not opened with the recovery code; change the passphrase in Settings.',
  notCurrentPassphrase: 'Not the current passphrase',
  newerSchema: (p: { from: number | string; to: number }) =>
    `This vault was written by a newer version of DPO Workstation (schema ${p.from}; this app knows up to ${p.to}). Install the newer version to open it.`,
  doesNotOpenBackup: 'Does not open this backup',
  cancelled: 'Cancelled.',
  stopped: 'Stopped.',
  unlockedWhileWaiting: 'The vault was unlocked while the restore waited; lock it and try again.',
  backupFolderFirst: 'Choose a folder for automatic backups in Settings → Backups first.',
  backupFolderAgain: (p: { problem: string }) => `${p.problem}. Choose the folder again in Settings → Backups.`,
  backupTargetAppeared: (p: { path: string }) => `${p.path} appeared while the backup ran; nothing was overwritten.`,
} as const;

type Words = typeof EN;
export type ProblemCode = keyof Words;
type ParamsOf<C extends ProblemCode> = Words[C] extends (p: infer P) => string ? P : never;

/** A problem as data: its code and, for a wording with blanks, the values that fill them. */
export type Problem = {
  [C in ProblemCode]: Words[C] extends string ? { code: C; params?: undefined } : { code: C; params: ParamsOf<C> };
}[ProblemCode];

/** What a language must say for each code: the same blanks, in its own words. */
export type ProblemWording = { [C in ProblemCode]: Words[C] extends string ? string : (p: ParamsOf<C>) => string };

export const PROBLEM_EN: ProblemWording = EN;

export function problem<C extends ProblemCode>(code: C, ...params: Words[C] extends string ? [] : [ParamsOf<C>]): Problem {
  return (params.length ? { code, params: params[0] } : { code }) as Problem;
}

/** The problem in the given words (English: PROBLEM_EN; Chinese: the renderer's registry). */
export function sayProblem(p: Problem, words: ProblemWording = PROBLEM_EN): string {
  const w = words[p.code] as string | ((params: unknown) => string) | undefined;
  if (w === undefined) return p.code;
  return typeof w === 'string' ? w : w(p.params);
}

export const isProblemCode = (code: string): code is ProblemCode => Object.hasOwn(EN, code);

/** A problem inside an output (a form's still-missing answers): checked to be one of the catalogue's. */
export const ProblemData = z.custom<Problem>(
  (v) => typeof v === 'object' && v !== null && typeof (v as { code?: unknown }).code === 'string' && isProblemCode((v as { code: string }).code),
  'A problem of the catalogue',
);
