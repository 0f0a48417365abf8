import { randomUUID } from 'node:crypto';
import type { Page } from '../../preload/contract/common';
import type { Deadline } from '../../preload/contract/deadlines';
import type { CompanyTotals, Transfer, TransferChange, TransferCreate, TransferListItem, TransferUpdate } from '../../preload/contract/transfers';
import { syncRecordDeadlines } from '../deadlines/service';
import { indexRecord } from '../search/service';
import { getSettings } from '../settings/service';
import { invalid, notFound, problem, type Problem } from '../shared/errors';
import { refuseIfVoided } from '../shared/record-ports';
import type { Session } from '../shared/session';
import { beijingDate, changeTriggersRefiling, deadlineRequestsFor, describeChangeKinds, FILING_CLOCK, filingStateOf, materialChanges } from './lifecycle';
import { CHANGE_KIND_NAME, UNCOUNTED_SCENARIOS } from './model';
import { TransfersRepo, type ListFilter, type TransferRow } from './repo';
import { classifyRoute } from './rules';
import { checkPastDate, checkRecord } from './validate';
import { loadCatalogue } from '../rules/load';
import { checkReviewDecision, setReviewRefresh } from './reviews';
import { assess, changeFacts, companyTotals, eventFacts, listItemMaker, parseData, readRecord, routeContext, toTransfer, windowTotals, type StoredTransfer } from './view';
import { fieldMap } from '../shared/input-guard';

// Use-cases of the register: validate, then one transaction that writes the change, its audit
// entry, the search index and the deadlines the engine computes from it.

/** Standard Contract Measures Art. 8 as the catalogue holds it: whether only changes during the term re-open the filing. */
const duringTermOnly = (session: Session, date: string): boolean => loadCatalogue(session).at('scc.changeRefiling', date)?.params.duringTermOnly !== false;

const yearOf = (session: Session) => Number(beijingDate(session.now()).slice(0, 4));
const repoOf = (session: Session) => new TransfersRepo(session.db);

function load(repo: TransfersRepo, id: string): TransferRow {
  const row = repo.byId(id);
  if (!row) throw notFound('Transfer', id);
  return row;
}

const columns = (d: StoredTransfer) => ({
  recipient_name: d.recipient.name,
  country: d.recipient.country,
  chosen_route: d.route.chosen,
  counted: d.route.exemptScenario && UNCOUNTED_SCENARIOS.has(d.route.exemptScenario) ? 0 : 1,
  // Annex 1's scale lives in transfer_volumes (the current year's figure), never in the JSON too.
  data: JSON.stringify({ ...d, annex1: { ...d.annex1, individualsScale: null } }),
});

/**
 * Writes Annex 1's scale as the current year's non-sensitive volume (the one place it is kept),
 * keeping the year's sensitive figure and note. Inside the caller's transaction.
 */
function writeScale(repo: TransfersRepo, row: Pick<TransferRow, 'id' | 'counted'>, year: number, scale: number | null, now: string): void {
  const current = repo.volume(row.id, year);
  if (!current && scale === null) return;
  repo.upsertVolume({ transfer_id: row.id, counted: row.counted, year, non_sensitive: scale ?? 0, sensitive: current?.sensitive ?? 0, note: current?.note ?? '', updated_at: now });
}

/**
 * A change of the Annex 1 facts during the term (Standard Contract Measures Art. 8): recorded as
 * a change event, which re-opens the filing while the contract is in force. Inside the caller's tx.
 */
function recordAnnexChange(repo: TransfersRepo, id: string, before: StoredTransfer, after: StoredTransfer, changeDate: string, note: string | undefined, now: string, termOnly: boolean) {
  const kinds = materialChanges(before.annex1, after.annex1);
  if (!kinds.length) return null;
  const triggersRefiling = changeTriggersRefiling(after.route.chosen, after.contract.effectiveDate, changeDate, termOnly);
  const words = describeChangeKinds(kinds);
  repo.insertEvent({ id: randomUUID(), transfer_id: id, type: 'change', kind: 'annex1', date: changeDate, recorded_at: now, filing_number: null, reasons: null, change_kinds: JSON.stringify(kinds), summary: note || `Changed: ${words.en}`, triggers_refiling: triggersRefiling ? 1 : 0 });
  return { kinds, triggersRefiling };
}

/** Recomputes what follows from the record and its events: filing state, deadlines, search entry. */
export function refresh(session: Session, repo: TransfersRepo, id: string): void {
  const row = load(repo, id);
  const d = readRecord(repo, row, yearOf(session));
  const events = repo.events(id);
  const catalogue = loadCatalogue(session);
  const filingState = filingStateOf(d.route.chosen, d.contract.effectiveDate, eventFacts(events), changeFacts(events));
  const deadlines = syncRecordDeadlines(
    session,
    { module: 'transfers', recordId: id, recordRef: row.ref, recordTitle: `${d.recipient.name} (${d.recipient.country})` },
    deadlineRequestsFor({
      chosen: d.route.chosen,
      effectiveDate: d.contract.effectiveDate,
      signedDate: d.contract.signedDate,
      expiryDate: d.contract.expiryDate,
      pipiaDate: d.pipia.date,
      events: eventFacts(events),
      changes: changeFacts(events),
      certificationIssued: d.certification.issuedDate,
      inForce: (key, date) => !!catalogue.at(key, date),
      reviews: repo.reviews(id).map((r) => ({ id: r.id, incidentRef: r.incident_ref, openedOn: r.opened_on, decidedOn: r.decided_on })),
    }),
  );
  const cols = columns(d);
  repo.update({ id, updated_at: row.updated_at, ...cols, filing_state: filingState, next_due_at: nextFilingDue(deadlines) });
  repo.setCounted(id, cols.counted);
  indexRecord(session, {
    module: 'transfers',
    recordId: id,
    ref: row.ref,
    title: `${d.recipient.name} (${d.recipient.country})`,
    body: [d.annex1.purpose, d.annex1.piCategories.join(' '), d.annex1.sensitivePiCategories.join(' '), d.annex1.storageLocation, d.recipient.contactPerson, d.pipia.reportRef].join('\n'),
  });
}

/** The list's "next due": the earliest open filing, supplement or re-filing clock. */
export const nextFilingDue = (deadlines: Deadline[]): string | null =>
  deadlines.filter((x) => FILING_CLOCK.test(x.key) && x.state !== 'met' && x.state !== 'waived').map((x) => x.dueAt).sort()[0] ?? null;

setReviewRefresh((session, id) => refresh(session, repoOf(session), id));

/** Voided: off the board, its volumes out of the company totals; restored: recomputed (records port). */
export function setTransferVoided(session: Session, id: string, mark: { at: string; by: string; reason: string } | null): void {
  const repo = repoOf(session);
  const row = load(repo, id);
  const counted = mark ? 0 : columns(parseData(row)).counted;
  repo.setVoided(id, mark?.at ?? null, mark ? JSON.stringify({ by: mark.by, reason: mark.reason }) : null, counted);
  if (mark) {
    syncRecordDeadlines(session, { module: 'transfers', recordId: id, recordRef: row.ref, recordTitle: `${row.recipient_name} (${row.country})` }, []);
    repo.setNextDue(id, null);
  } else refresh(session, repo, id);
}

/** The DPO records how the re-assessment after an incident at the recipient ended. */
export function recordReview(session: Session, input: { id: string; reviewId: string; outcome: 'noChange' | 'pipiaUpdated' | 'refiling'; note: string; date?: string }): Transfer {
  const repo = repoOf(session);
  const date = input.date ?? beijingDate(session.now());
  return session.tx(() => {
    const row = load(repo, input.id);
    refuseIfVoided(row, row.ref);
    const review = checkReviewDecision(session, row.id, input.reviewId, date);
    const now = session.now().toISOString();
    repo.decideReview(review.id, { outcome: input.outcome, note: input.note, decided_on: date, recorded_at: now, recorded_by: session.actor() });
    if (input.outcome === 'refiling') {
      // Re-filing needed: recorded as a change of the term, which re-opens the filing (Art. 8).
      const d = parseData(row);
      const triggersRefiling = changeTriggersRefiling(d.route.chosen, d.contract.effectiveDate, date, duringTermOnly(session, date));
      repo.insertEvent({ id: randomUUID(), transfer_id: row.id, type: 'change', kind: 'other', date, recorded_at: now, filing_number: null, reasons: null, change_kinds: JSON.stringify(['other']), summary: `After incident ${review.incident_ref}: ${input.note}`, triggers_refiling: triggersRefiling ? 1 : 0 });
    }
    repo.update({ id: row.id, updated_at: now, ...columns(parseData(row)), filing_state: row.filing_state, next_due_at: row.next_due_at });
    refresh(session, repo, row.id);
    session.audit.append({
      action: 'transfers.recordReview',
      entity: 'transfer',
      entityId: row.id,
      summary: `Transfer ${row.ref}: re-assessment after ${review.incident_ref} — ${input.outcome}`,
      details: { ref: row.ref, incidentRef: review.incident_ref, outcome: input.outcome, note: input.note, date },
    });
    return toTransfer(session, repo, load(repo, row.id), yearOf(session));
  });
}

export function createTransfer(session: Session, input: TransferCreate): Transfer {
  const d: StoredTransfer = { ...input, consent: { ...input.consent, noticeSentAt: null } };
  checkRecord(d, beijingDate(session.now()));
  const repo = repoOf(session);
  const id = randomUUID();
  return session.tx(() => {
    const now = session.now().toISOString();
    const year = yearOf(session);
    const ref = `XB-${year}-${String(repo.nextRefNumber(year)).padStart(4, '0')}`;
    const cols = columns(d);
    repo.insert({ id, ref, created_at: now, updated_at: now, ...cols, filing_state: 'notRequired', next_due_at: null });
    writeScale(repo, { id, counted: cols.counted }, year, d.annex1.individualsScale, now);
    refresh(session, repo, id);
    session.audit.append({ action: 'transfers.create', entity: 'transfer', entityId: id, summary: `Transfer ${ref} registered: ${d.recipient.name} (${d.recipient.country})`, details: d });
    return toTransfer(session, repo, load(repo, id), year);
  });
}

export function updateTransfer(session: Session, input: TransferUpdate): Transfer {
  const repo = repoOf(session);
  const today = beijingDate(session.now());
  return session.tx(() => {
    const row = load(repo, input.id);
    refuseIfVoided(row, row.ref);
    const year = yearOf(session);
    const before = readRecord(repo, row, year);
    const after: StoredTransfer = {
      recipient: { ...before.recipient, ...input.recipient },
      annex1: { ...before.annex1, ...input.annex1 },
      route: { ...before.route, ...input.route },
      consent: { ...before.consent, ...input.consent },
      pipia: { ...before.pipia, ...input.pipia },
      contract: { ...before.contract, ...input.contract },
      certification: { ...before.certification, ...input.certification },
    };
    checkRecord(after, today);
    const changeDate = input.changeDate ?? today;
    checkPastDate('changeDate', changeDate, today);
    const sections = (Object.keys(after) as (keyof StoredTransfer)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    if (sections.length === 0) return toTransfer(session, repo, row, year); // nothing changed: nothing written
    const now = session.now().toISOString();
    const cols = columns(after);
    repo.update({ id: row.id, updated_at: now, ...cols, filing_state: row.filing_state, next_due_at: row.next_due_at });
    if (after.annex1.individualsScale !== before.annex1.individualsScale) writeScale(repo, { id: row.id, counted: cols.counted }, year, after.annex1.individualsScale, now);
    const change = recordAnnexChange(repo, row.id, before, after, changeDate, input.changeNote, now, duringTermOnly(session, changeDate));
    refresh(session, repo, row.id);
    session.audit.append({
      action: 'transfers.update',
      entity: 'transfer',
      entityId: row.id,
      summary: `Transfer ${row.ref} updated: ${sections.join(', ')}${change?.triggersRefiling ? ' — re-filing required' : ''}`,
      details: { sections, before: pickSections(before, sections), after: pickSections(after, sections), change },
    });
    return toTransfer(session, repo, load(repo, row.id), yearOf(session));
  });
}

const pickSections = (d: StoredTransfer, keys: (keyof StoredTransfer)[]) => Object.fromEntries(keys.map((k) => [k, d[k]]));

export function getTransfer(session: Session, id: string): Transfer {
  const repo = repoOf(session);
  return toTransfer(session, repo, load(repo, id), yearOf(session));
}

export interface ListInput extends Omit<ListFilter, 'overdueAt'> {
  overdue?: boolean;
  /** List the voided transfers too; the total still leaves them out. */
  showVoided?: boolean;
  cursor?: string | null;
  limit: number;
}

export function listTransfers(session: Session, input: ListInput): Page<TransferListItem> {
  const repo = repoOf(session);
  const now = session.now().toISOString();
  const filter: ListFilter = { route: input.route, country: input.country, filingState: input.filingState, overdueAt: input.overdue ? now : undefined };
  const before = input.cursor ? Number.parseInt(input.cursor, 10) : null;
  const rows = repo.page(filter, Number.isFinite(before) ? before : null, input.limit + 1, input.showVoided);
  const make = listItemMaker(session, repo, yearOf(session), now);
  const page = rows.slice(0, input.limit);
  return { items: page.map(make), nextCursor: rows.length > input.limit ? String(page[page.length - 1].seq) : null, total: repo.count(filter) };
}

export function recordFiling(session: Session, input: { id: string; kind: Transfer['filingEvents'][number]['kind']; date: string; filingNumber?: string; reasons?: string }): Transfer {
  const repo = repoOf(session);
  const today = beijingDate(session.now());
  return session.tx(() => {
    const row = load(repo, input.id);
    refuseIfVoided(row, row.ref);
    const d = parseData(row);
    const bad = fieldMap<Problem>();
    if (d.route.chosen !== 'standardContract') bad.kind = problem('filingStandardOnly');
    else if (!d.contract.effectiveDate) bad.date = problem('effectiveDateFirst');
    else if (input.date < d.contract.effectiveDate) bad.date = problem('beforeEffective');
    if (input.date > today) bad.date = problem('future');
    if (input.kind === 'accepted' && !input.filingNumber) bad.filingNumber = problem('filingNumber');
    if (input.kind === 'refused' && !input.reasons) bad.reasons = problem('authorityReasons');
    const filings = eventFacts(repo.events(row.id));
    if (input.kind === 'supplementsSubmitted' && !filings.some((e) => e.kind === 'supplementsRequested')) bad.kind = problem('noSupplementsRequested');
    if (input.kind !== 'submitted' && !bad.kind && !filings.some((e) => e.kind === 'submitted')) bad.kind = problem('submissionFirst');
    if (Object.keys(bad).length) throw invalid(bad);
    const now = session.now().toISOString();
    repo.insertEvent({ id: randomUUID(), transfer_id: row.id, type: 'filing', kind: input.kind, date: input.date, recorded_at: now, filing_number: input.filingNumber ?? null, reasons: input.reasons ?? null, change_kinds: null, summary: null, triggers_refiling: 0 });
    repo.update({ id: row.id, updated_at: now, ...columns(d), filing_state: row.filing_state, next_due_at: row.next_due_at });
    refresh(session, repo, row.id);
    session.audit.append({
      action: 'transfers.recordFiling',
      entity: 'transfer',
      entityId: row.id,
      summary: `Transfer ${row.ref} filing: ${input.kind} on ${input.date}${input.filingNumber ? ` (No. ${input.filingNumber})` : ''}`,
      details: input,
    });
    return toTransfer(session, repo, load(repo, row.id), yearOf(session));
  });
}

export function recordChange(session: Session, input: { id: string; kind: 'destinationLaw' | 'recipientUse' | 'other'; date: string; description: string }): Transfer {
  const repo = repoOf(session);
  checkPastDate('date', input.date, beijingDate(session.now()));
  return session.tx(() => {
    const row = load(repo, input.id);
    refuseIfVoided(row, row.ref);
    const d = parseData(row);
    const now = session.now().toISOString();
    const triggersRefiling = changeTriggersRefiling(d.route.chosen, d.contract.effectiveDate, input.date, duringTermOnly(session, input.date));
    repo.insertEvent({ id: randomUUID(), transfer_id: row.id, type: 'change', kind: input.kind, date: input.date, recorded_at: now, filing_number: null, reasons: null, change_kinds: JSON.stringify([input.kind]), summary: input.description, triggers_refiling: triggersRefiling ? 1 : 0 });
    repo.update({ id: row.id, updated_at: now, ...columns(d), filing_state: row.filing_state, next_due_at: row.next_due_at });
    refresh(session, repo, row.id);
    session.audit.append({ action: 'transfers.recordChange', entity: 'transfer', entityId: row.id, summary: `Transfer ${row.ref}: ${CHANGE_KIND_NAME[input.kind].en} changed on ${input.date}${triggersRefiling ? ' — re-filing required' : ''}`, details: { ...input, triggersRefiling } });
    return toTransfer(session, repo, load(repo, row.id), yearOf(session));
  });
}

export function listChanges(session: Session, id: string): { items: TransferChange[] } {
  const repo = repoOf(session);
  load(repo, id);
  const items = repo.events(id).filter((e) => e.type === 'change').map((e) => ({ id: e.id, date: e.date, recordedAt: e.recorded_at, kinds: JSON.parse(e.change_kinds ?? '[]') as string[], summary: e.summary ?? '', triggersRefiling: e.triggers_refiling === 1 }));
  return { items: items.reverse() };
}

export function recordVolumes(session: Session, input: { id: string; year: number; nonSensitiveIndividuals: number; sensitiveIndividuals: number; note: string }): Transfer {
  const repo = repoOf(session);
  const year = yearOf(session);
  if (input.year > year) throw invalid({ year: problem('yearNotStarted') });
  return session.tx(() => {
    const row = load(repo, input.id);
    refuseIfVoided(row, row.ref);
    const now = session.now().toISOString();
    const before = repo.volumes(row.id).find((v) => v.year === input.year);
    const annexBefore = readRecord(repo, row, year);
    repo.upsertVolume({ transfer_id: row.id, counted: row.counted, year: input.year, non_sensitive: input.nonSensitiveIndividuals, sensitive: input.sensitiveIndividuals, note: input.note, updated_at: now });
    // This year's figure is Annex 1's scale: changing it is the same change as editing Annex 1.
    const change = input.year === year ? recordAnnexChange(repo, row.id, annexBefore, readRecord(repo, row, year), beijingDate(session.now()), undefined, now, duringTermOnly(session, beijingDate(session.now()))) : null;
    refresh(session, repo, row.id);
    session.audit.append({
      action: 'transfers.recordVolumes',
      entity: 'transfer',
      entityId: row.id,
      summary: `Transfer ${row.ref} ${input.year}: ${input.nonSensitiveIndividuals} individuals (non-sensitive), ${input.sensitiveIndividuals} (sensitive)`,
      details: { ref: row.ref, year: input.year, before: before ?? null, after: input, change },
    });
    return toTransfer(session, repo, load(repo, row.id), year);
  });
}

export function recordCompanyYear(session: Session, input: { year: number; duplicateNonSensitive: number; duplicateSensitive: number; processedTotal: number | null; note: string }): CompanyTotals {
  const repo = repoOf(session);
  const totals = companyTotals(repo, input.year);
  const bad = fieldMap<Problem>();
  if (input.duplicateNonSensitive > totals.nonSensitive) bad.duplicateNonSensitive = problem('exceedsCounted', { n: totals.nonSensitive });
  if (input.duplicateSensitive > totals.sensitive) bad.duplicateSensitive = problem('exceedsCounted', { n: totals.sensitive });
  if (Object.keys(bad).length) throw invalid(bad);
  return session.tx(() => {
    const before = repo.companyYear(input.year) ?? null;
    repo.upsertCompanyYear({ year: input.year, duplicate_non_sensitive: input.duplicateNonSensitive, duplicate_sensitive: input.duplicateSensitive, processed_total: input.processedTotal, note: input.note, updated_at: session.now().toISOString() });
    session.audit.append({ action: 'transfers.recordCompanyYear', entity: 'transferYear', entityId: String(input.year), summary: `Cross-border totals ${input.year}: ${input.duplicateNonSensitive} + ${input.duplicateSensitive} individuals counted twice`, details: { before, after: input } });
    return companyTotals(repo, input.year);
  });
}

export function classifyTransfers(session: Session, input: { id?: string; year?: number }) {
  const repo = repoOf(session);
  const year = input.year ?? yearOf(session);
  const totals = companyTotals(repo, year);
  const cii = getSettings(session).ciiOperator;
  const ctx = routeContext(session, beijingDate(session.now()));
  if (input.id) {
    const row = load(repo, input.id);
    refuseIfVoided(row, row.ref);
    const d = readRecord(repo, row, year);
    return { verdict: assess(repo, d, row.id, repo.events(row.id), windowTotals(repo, d.route.regime, year, ctx), cii, year).verdict, totals };
  }
  return { verdict: companyVerdict(session, year).verdict, totals };
}

/** The company's route on the year's unique individuals (2024 Provisions), without the per-transfer table. */
export function companyVerdict(session: Session, year = yearOf(session)) {
  const repo = repoOf(session);
  const w = windowTotals(repo, '2024', year, routeContext(session, beijingDate(session.now())));
  const verdict = classifyRoute({ regime: '2024', ciiOperator: getSettings(session).ciiOperator, importantData: false, exemptScenario: null, carriesPersonalInfo: true, carriesSensitive: w.sensitive > 0, totals: w, year, bands: w.bands, priorRouteTotals: w.priorRoute });
  return { verdict, totals: { nonSensitive: w.nonSensitive, sensitive: w.sensitive } };
}
