import type { CompanyTotals, Transfer, TransferListItem } from '../../preload/contract/transfers';
import { listRecordDeadlines } from '../deadlines/service';
import { getSettings } from '../settings/service';
import { voidMarkOf } from '../shared/record-ports';
import type { Session } from '../shared/session';
import { beijingDate, gapsOf, type ChangeFact, type FilingEventFact } from './lifecycle';
import type { Regime } from './model';
import type { EventRow, TransferRow, TransfersRepo } from './repo';
import type { Catalogue } from '../rules/catalogue';
import { loadCatalogue } from '../rules/load';
import { rulesAt, type RuleAt } from '../rules/resolve';
import { invalid, problem } from '../shared/errors';
import { checkChosenRoute, classifyRoute, countingWindow } from './rules';

// Reads a record with what is derived from it: the verdict on the company's current totals,
// the route check, the gaps, and the deadlines as the engine computed them.

export type StoredTransfer = Pick<Transfer, 'recipient' | 'annex1' | 'route' | 'consent' | 'pipia' | 'contract' | 'certification'>;

const NO_CERTIFICATE: Transfer['certification'] = { body: '', certificateNumber: '', issuedDate: null, scope: '' };

/** A stored record; records written before issue 14 have no certification section or zone fields. */
export function parseData(row: TransferRow): StoredTransfer {
  const d = JSON.parse(row.data) as StoredTransfer;
  const route = { ...d.route, ftzZone: d.route.ftzZone ?? '', ftzList: d.route.ftzList ?? '' };
  return { ...d, route, certification: { ...NO_CERTIFICATE, ...d.certification } };
}

/** The catalogue and the day the route bands are taken on: today, or the last day of a past year. */
export interface RouteContext {
  catalogue: Catalogue;
  today: string;
}
export const routeContext = (session: Session, today: string): RouteContext => ({ catalogue: loadCatalogue(session), today });

/**
 * The record as the DPO sees it. Annex 1's "scale: individuals" is the current year's volume
 * (one fact, stored once in transfer_volumes; CONVENTIONS.md "one home for every fact"), so the
 * verdict and Annex 1 can never show two different numbers.
 */
export function readRecord(repo: TransfersRepo, row: TransferRow, year: number): StoredTransfer {
  const d = parseData(row);
  d.annex1 = { ...d.annex1, individualsScale: repo.volume(row.id, year)?.non_sensitive ?? null };
  return d;
}

export const eventFacts = (events: EventRow[]): FilingEventFact[] =>
  events.filter((e) => e.type === 'filing').map((e) => ({ seq: e.seq, kind: e.kind as FilingEventFact['kind'], date: e.date }));
export const changeFacts = (events: EventRow[]): ChangeFact[] =>
  events.filter((e) => e.type === 'change').map((e) => ({ seq: e.seq, date: e.date, triggersRefiling: e.triggers_refiling === 1 }));

/** The year's figures across all recipients, before the classifier sees them. */
export function companyTotals(repo: TransfersRepo, year: number): CompanyTotals {
  const sum = repo.sumCounted([year]);
  const adj = repo.companyYear(year);
  return {
    year,
    ...sum,
    duplicateNonSensitive: adj?.duplicate_non_sensitive ?? 0,
    duplicateSensitive: adj?.duplicate_sensitive ?? 0,
    processedTotal: adj?.processed_total ?? null,
    note: adj?.note ?? '',
    byTransfer: repo.largestInYear(year, 100).map((r) => ({ id: r.transfer_id, ref: r.ref, recipientName: r.recipient_name, nonSensitive: r.non_sensitive, sensitive: r.sensitive, counted: r.counted === 1 })),
  };
}

export interface WindowTotals {
  nonSensitive: number;
  sensitive: number;
  processedTotal: number | null;
  /** The calendar years the regime counts. */
  years: number[];
  /** Of the totals, what transfers on the standard contract or certification route exported. */
  priorRoute: { nonSensitive: number; sensitive: number };
  /** The regime's route bands as the catalogue holds them for the year. */
  bands: RuleAt;
}

/** Unique individuals in the regime's counting window: counted volumes minus people counted twice. */
export function windowTotals(repo: TransfersRepo, regime: Regime, year: number, ctx: RouteContext): WindowTotals {
  const from = Number(countingWindow(regime, year).from.slice(0, 4));
  const years = from === year ? [year] : [from, year];
  let { nonSensitive, sensitive } = repo.sumCounted(years);
  for (const y of years) {
    const adj = repo.companyYear(y);
    nonSensitive -= adj?.duplicate_non_sensitive ?? 0;
    sensitive -= adj?.duplicate_sensitive ?? 0;
  }
  const date = ctx.today.slice(0, 4) === String(year) ? ctx.today : `${year}-12-31`;
  const bands = rulesAt(ctx.catalogue, date)(regime === '2023' ? 'transfer.routes.2023' : 'transfer.routes.2024');
  // The 2024 Provisions are in force from 2024-03-22: an earlier year has no such bands to apply.
  if (!bands) throw invalid({ year: problem('noRouteRule', { regime, year }) });
  return {
    nonSensitive: Math.max(0, nonSensitive),
    sensitive: Math.max(0, sensitive),
    processedTotal: repo.companyYear(year)?.processed_total ?? null,
    years,
    priorRoute: repo.sumCountedOnRoutes(years, ['standardContract', 'certification']),
    bands,
  };
}

export function carriesPersonalInfo(d: StoredTransfer, volumeInWindow: number): boolean {
  const declared = d.annex1.piCategories.length > 0 || d.annex1.sensitivePiCategories.length > 0 || (d.annex1.individualsScale ?? 0) > 0;
  return d.route.exemptScenario !== 'art3NonPersonal' || declared || volumeInWindow > 0;
}

/** The verdict and checks of one record, given the window totals of its regime. */
export function assess(repo: TransfersRepo, d: StoredTransfer, id: string, events: EventRow[], totals: WindowTotals, ciiDefault: boolean, year: number) {
  const sensitiveHere = repo.sensitiveOf(id, totals.years);
  const withPi = carriesPersonalInfo(d, sensitiveHere + (d.annex1.individualsScale ?? 0));
  const verdict = classifyRoute({
    regime: d.route.regime,
    ciiOperator: d.route.ciiOperator ?? ciiDefault,
    importantData: d.route.importantData,
    exemptScenario: d.route.exemptScenario,
    carriesPersonalInfo: withPi,
    carriesSensitive: d.annex1.sensitivePiCategories.length > 0 || sensitiveHere > 0,
    totals,
    year,
    bands: totals.bands,
    priorRouteTotals: totals.priorRoute,
    ftz: d.route.exemptScenario === 'ftzNegativeList' ? { zone: d.route.ftzZone, list: d.route.ftzList } : undefined,
  });
  const lastChange = changeFacts(events).filter((c) => c.triggersRefiling).at(-1);
  const gaps = gapsOf({
    chosen: d.route.chosen,
    noticeId: d.consent.noticeId,
    noticeSentAt: d.consent.noticeSentAt,
    consentMethod: d.consent.method,
    consentLiveSince: d.consent.liveSince,
    sensitiveCategories: d.annex1.sensitivePiCategories,
    sensitiveNecessity: d.annex1.sensitiveNecessity,
    pipiaDate: d.pipia.date,
    pipiaConclusion: d.pipia.conclusion,
    lastRefilingChangeDate: lastChange?.date ?? null,
    effectiveDate: d.contract.effectiveDate,
    carriesPersonalInfo: withPi,
    certification: d.certification,
    importantData: d.route.importantData,
    openIncidentRefs: repo.reviews(id).filter((r) => !r.outcome).map((r) => r.incident_ref),
  });
  return { verdict, routeCheck: checkChosenRoute(d.route.chosen, verdict), gaps };
}

export function toTransfer(session: Session, repo: TransfersRepo, row: TransferRow, year: number): Transfer {
  const d = readRecord(repo, row, year);
  const events = repo.events(row.id);
  const ctx = routeContext(session, beijingDate(session.now()));
  const { verdict, routeCheck, gaps } = assess(repo, d, row.id, events, windowTotals(repo, d.route.regime, year, ctx), getSettings(session).ciiOperator, year);
  const filings = events.filter((e) => e.type === 'filing');
  const deadlines = listRecordDeadlines(session, 'transfers', row.id);
  return {
    id: row.id,
    ref: row.ref,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...d,
    filingState: row.filing_state as Transfer['filingState'],
    filingNumber: filings.filter((e) => e.kind === 'accepted').at(-1)?.filing_number ?? null,
    volumes: repo.volumes(row.id).map((v) => ({ year: v.year, nonSensitive: v.non_sensitive, sensitive: v.sensitive, note: v.note })),
    filingEvents: filings.map((e) => ({ id: e.id, kind: e.kind as Transfer['filingEvents'][number]['kind'], date: e.date, filingNumber: e.filing_number, reasons: e.reasons, recordedAt: e.recorded_at })),
    verdict,
    routeCheck,
    gaps,
    deadlines,
    certificateExpiry: deadlines.find((x) => x.key === 'cert.validity')?.dueAt ?? null,
    voided: voidMarkOf(row),
    reviews: repo.reviews(row.id).map((r) => ({ id: r.id, incidentId: r.incident_id, incidentRef: r.incident_ref, openedOn: r.opened_on, outcome: r.outcome as Transfer['reviews'][number]['outcome'], note: r.note, decidedOn: r.decided_on })),
  };
}

/** List rows share one computation of the totals per regime. */
export function listItemMaker(session: Session, repo: TransfersRepo, year: number, now: string) {
  const cii = getSettings(session).ciiOperator;
  const cache = new Map<Regime, WindowTotals>();
  const ctx = routeContext(session, beijingDate(new Date(now)));
  const totalsFor = (r: Regime) => cache.get(r) ?? cache.set(r, windowTotals(repo, r, year, ctx)).get(r)!;
  return (row: TransferRow): TransferListItem => {
    const d = readRecord(repo, row, year);
    const { verdict, routeCheck, gaps } = assess(repo, d, row.id, repo.events(row.id), totalsFor(d.route.regime), cii, year);
    return {
      id: row.id,
      ref: row.ref,
      recipientName: row.recipient_name,
      country: row.country,
      chosenRoute: d.route.chosen,
      recommendedRoute: verdict.route,
      mismatch: routeCheck.status === 'mismatch',
      filingState: row.filing_state as TransferListItem['filingState'],
      nextDueAt: row.next_due_at,
      overdue: row.next_due_at !== null && row.next_due_at <= now,
      gapCount: gaps.length,
      updatedAt: row.updated_at,
      voided: voidMarkOf(row),
    };
  };
}

