import { randomUUID } from 'node:crypto';
import type { Deadline } from '../../preload/contract/deadlines';
import { ModuleName } from '../../preload/contract/common';
import { calendarLoader } from '../calendar/load';
import type { WorkCalendar } from '../calendar/model';
import type { Catalogue } from '../rules/catalogue';
import { loadCatalogue } from '../rules/load';
import { getSettings } from '../settings/service';
import { conflict, invalid, notFound, problem, type Problem } from '../shared/errors';
import { recordPort } from '../shared/record-ports';
import type { Session } from '../shared/session';
import { isDeadlineRule, zoneOf } from './catalog';
import { ruleNameOf, toDeadline } from './dto';
import type { DeadlineRequest, RecordRef } from './model';
import { DeadlinesRepo, type DeadlineRow } from './repo';
import { computeFromCatalogue, parseStart, startDateOf } from './rules';
import { fieldMap } from '../shared/input-guard';

// The engine's entry for the other modules. Deadlines are derived data: syncing them writes no
// audit entry of its own (the calling module audits the change that produced them); the DPO's
// own acts on a deadline (waive, override) are audited here.

type Calendars = (country: string) => WorkCalendar;

const isInstant = (s: unknown): s is string => typeof s === 'string' && !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}T/.test(s);

/** Checks what the schema cannot (the requests come from code, not from a zod-parsed channel). */
function checkRequests(record: RecordRef, requests: DeadlineRequest[], catalogue: Catalogue): void {
  const problems = fieldMap<Problem>();
  if (!ModuleName.safeParse(record.module).success) problems['record.module'] = problem('unknownModule');
  if (typeof record.recordId !== 'string' || !record.recordId) problems['record.recordId'] = problem('required');
  const keys = new Set<string>();
  requests.forEach((r, i) => {
    const at = (f: string) => `deadlines.${i}.${f}`;
    if (typeof r.key !== 'string' || !r.key.trim() || r.key.length > 100) problems[at('key')] = problem('deadlineKey');
    else if (keys.has(r.key)) problems[at('key')] = problem('deadlineKeyTwice', { key: r.key });
    keys.add(r.key);
    if (!isDeadlineRule(r.ruleKey)) {
      problems[at('ruleKey')] = problem('unknownRule', { key: String(r.ruleKey) });
      return;
    }
    const zone = zoneOf(r.ruleKey);
    const date = typeof r.start === 'string' ? startDateOf(r.ruleKey, r.start) : null;
    if (!date) {
      problems[at('start')] = problem('notDateOrInstant');
      return;
    }
    const version = catalogue.at(r.ruleKey, date);
    if (!version) {
      problems[at('ruleKey')] = problem('noRuleVersion', { key: r.ruleKey, date });
      return;
    }
    if ((version.params.period as { kind: string }).kind === 'fixedDate' && (typeof r.until !== 'string' || !parseStart(r.until, zone))) {
      problems[at('until')] = problem('needsDueDate');
    }
    if (r.met && !isInstant(r.met.at)) problems[at('met.at')] = problem('notIsoInstant');
    if (r.waived && (typeof r.waived.reason !== 'string' || !r.waived.reason.trim())) problems[at('waived.reason')] = problem('waiverNeedsReason');
  });
  if (Object.keys(problems).length) throw invalid(problems);
}

/** Recomputes a row from its inputs; a DPO override stays only while its rule and start stay. */
export function computeRow(
  base: Pick<DeadlineRow, 'id' | 'module' | 'record_id' | 'record_ref' | 'record_title' | 'key'>,
  input: { ruleKey: string; start: string; until: string | null; label: string | null },
  status: Pick<DeadlineRow, 'stored_state' | 'met_at' | 'met_note' | 'request_waived_reason' | 'dpo_waived_reason'>,
  prev: DeadlineRow | undefined,
  calendars: Calendars,
  now: string,
  catalogue: Catalogue,
): DeadlineRow {
  const found = computeFromCatalogue(catalogue, input.ruleKey, { start: input.start, until: input.until }, calendars);
  if (!found) throw new RangeError(`No version of rule ${input.ruleKey} is in force at ${input.start}`);
  const { rule, computed: c } = found;
  const keepOverride = !!prev?.override_reason && prev.rule_key === input.ruleKey && prev.start === input.start && prev.until === input.until;
  const dueAt = keepOverride ? prev!.due_at : c.dueAt;
  const years = c.calendar ? [...c.calendar.years, ...c.calendar.missingYears, ...c.calendar.provisionalYears] : [];
  const unchanged = prev && prev.stored_state === status.stored_state && prev.due_at === dueAt && prev.clock === c.clock;
  const provisional = c.calendar?.provisionalYears.length ? c.calendar.provisionalYears.join(',') : null;
  return {
    id: base.id,
    module: base.module,
    record_id: base.record_id,
    record_ref: base.record_ref,
    record_title: base.record_title,
    key: base.key,
    rule_key: input.ruleKey,
    label: input.label,
    start: input.start,
    until: input.until,
    clock: c.clock,
    start_at: c.startAt,
    due_at: dueAt,
    computed_due_at: c.dueAt,
    zone: c.zone,
    calendar: c.calendar ? JSON.stringify(c.calendar) : null,
    cal_country: c.calendar?.country ?? null,
    cal_first_year: years.length ? Math.min(...years) : null,
    cal_last_year: years.length ? Math.max(...years) : null,
    explanation: JSON.stringify(c.explanation),
    stored_state: status.stored_state,
    met_at: status.met_at,
    met_note: status.met_note,
    request_waived_reason: status.request_waived_reason,
    dpo_waived_reason: status.dpo_waived_reason,
    override_reason: keepOverride ? prev!.override_reason : null,
    changed_at: unchanged ? prev.changed_at : now,
    rule_version: rule.version.id,
    provisional_years: provisional,
  };
}

/**
 * Brings a record's deadlines in line with what its module requests, inside the caller's
 * transaction: upsert by (module, recordId, key), delete the keys no longer requested.
 * Kept across syncs: a DPO override while the deadline's rule, start and until are unchanged
 * (new inputs make a new computation the DPO has not judged), and a DPO waiver as long as the
 * key is requested (it says the duty does not apply, whatever its date).
 */
export function syncRecordDeadlines(session: Session, record: RecordRef, requests: DeadlineRequest[]): Deadline[] {
  const catalogue = loadCatalogue(session);
  checkRequests(record, requests, catalogue);
  const repo = new DeadlinesRepo(session.db);
  const calendars = calendarLoader(session);
  const now = session.now().toISOString();
  session.tx(() => {
    const existing = new Map(repo.byRecord(record.module, record.recordId).map((r) => [r.key, r]));
    for (const req of requests) {
      const prev = existing.get(req.key);
      existing.delete(req.key);
      const dpoWaiver = prev?.dpo_waived_reason ?? null;
      const stored_state = req.met ? 'met' : req.waived || dpoWaiver ? 'waived' : 'open';
      const row = computeRow(
        { id: prev?.id ?? randomUUID(), module: record.module, record_id: record.recordId, record_ref: record.recordRef, record_title: record.recordTitle, key: req.key },
        { ruleKey: req.ruleKey, start: req.start, until: req.until ?? null, label: req.label ? JSON.stringify({ en: req.label.en, zh: req.label.zh }) : null },
        {
          stored_state,
          met_at: req.met ? new Date(req.met.at).toISOString() : null,
          met_note: req.met?.note ?? null,
          request_waived_reason: req.waived?.reason ?? null,
          dpo_waived_reason: dpoWaiver,
        },
        prev,
        calendars,
        now,
        catalogue,
      );
      repo.upsert(row);
    }
    repo.remove([...existing.values()].map((r) => r.id));
  });
  return listRecordDeadlines(session, record.module, record.recordId);
}

/**
 * What syncRecordDeadlines would store for these requests, computed and not stored: a preview
 * of a record not written yet (the guided breach assessment, issue 17). Same engine, same checks.
 */
export function previewRecordDeadlines(session: Session, record: RecordRef, requests: DeadlineRequest[]): Deadline[] {
  const catalogue = loadCatalogue(session);
  checkRequests(record, requests, catalogue);
  const calendars = calendarLoader(session);
  const now = session.now();
  const { dueSoonHours } = getSettings(session);
  return requests
    .map((req) =>
      toDeadline(
        computeRow(
          { id: `preview:${req.key}`, module: record.module, record_id: record.recordId, record_ref: record.recordRef, record_title: record.recordTitle, key: req.key },
          { ruleKey: req.ruleKey, start: req.start, until: req.until ?? null, label: req.label ? JSON.stringify({ en: req.label.en, zh: req.label.zh }) : null },
          {
            stored_state: req.met ? 'met' : req.waived ? 'waived' : 'open',
            met_at: req.met ? new Date(req.met.at).toISOString() : null,
            met_note: req.met?.note ?? null,
            request_waived_reason: req.waived?.reason ?? null,
            dpo_waived_reason: null,
          },
          undefined,
          calendars,
          now.toISOString(),
          catalogue,
        ),
        now,
        dueSoonHours,
        catalogue,
      ),
    )
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id));
}

export function listRecordDeadlines(session: Session, module: string, recordId: string): Deadline[] {
  const { dueSoonHours } = getSettings(session);
  const now = session.now();
  const catalogue = loadCatalogue(session);
  return new DeadlinesRepo(session.db).byRecord(module, recordId).map((r) => toDeadline(r, now, dueSoonHours, catalogue));
}

/** Recomputes every stored deadline whose counting touched a changed calendar year (caller's tx). */
export function recomputeForCalendar(session: Session, country: string, year: number): DeadlineRow[] {
  return recomputeRows(session, new DeadlinesRepo(session.db).touchingYear(country, year));
}

/**
 * Recomputes stored rows with the catalogue and calendars as they now are (caller's tx); returns
 * the rows as they were before. A row whose rule has no version in force at its start any more
 * keeps its date (its module's own sync then decides whether the duty still applies).
 */
export function recomputeRows(session: Session, rows: DeadlineRow[]): DeadlineRow[] {
  const repo = new DeadlinesRepo(session.db);
  const calendars = calendarLoader(session);
  const catalogue = loadCatalogue(session);
  const now = session.now().toISOString();
  const date = (r: DeadlineRow) => startDateOf(r.rule_key, r.start);
  const computable = rows.filter((r) => isDeadlineRule(r.rule_key) && date(r) && catalogue.at(r.rule_key, date(r)!));
  repo.upsertMany(
    computable.map((prev) =>
      computeRow(
        prev,
        { ruleKey: prev.rule_key, start: prev.start, until: prev.until, label: prev.label },
        {
          stored_state: prev.stored_state,
          met_at: prev.met_at,
          met_note: prev.met_note,
          request_waived_reason: prev.request_waived_reason,
          dpo_waived_reason: prev.dpo_waived_reason,
        },
        prev,
        calendars,
        now,
        catalogue,
      ),
    ),
  );
  return computable;
}

function openRow(repo: DeadlinesRepo, id: string): DeadlineRow {
  const row = repo.byId(id);
  if (!row) throw notFound('Deadline', id);
  if (row.stored_state === 'met') throw conflict(problem('deadlineMet'));
  return row;
}

const ruleName = (session: Session, row: DeadlineRow) => ruleNameOf(row, loadCatalogue(session)).en;

export function waiveDeadline(session: Session, input: { id: string; reason: string }): Deadline {
  const repo = new DeadlinesRepo(session.db);
  session.tx(() => {
    const row = openRow(repo, input.id);
    if (row.stored_state === 'waived') throw conflict(problem('deadlineWaived'));
    repo.upsert({ ...row, stored_state: 'waived', dpo_waived_reason: input.reason, changed_at: session.now().toISOString() });
    // The owning module keeps copies (its list's next due): they follow in the same transaction.
    recordPort(row.module)?.onDeadlinesChanged?.(session, row.record_id);
    session.audit.append({
      action: 'deadlines.waive',
      entity: 'deadline',
      entityId: row.id,
      summary: `Deadline waived: ${ruleName(session, row)} (${row.record_ref}) — ${input.reason}`,
      details: { module: row.module, recordId: row.record_id, key: row.key, ruleKey: row.rule_key, dueAt: row.due_at, reason: input.reason },
    });
  });
  return deadlineById(session, input.id);
}

export function overrideDeadline(session: Session, input: { id: string; dueAt: string; reason: string }): Deadline {
  const repo = new DeadlinesRepo(session.db);
  session.tx(() => {
    const row = openRow(repo, input.id);
    repo.upsert({ ...row, due_at: input.dueAt, override_reason: input.reason, changed_at: session.now().toISOString() });
    recordPort(row.module)?.onDeadlinesChanged?.(session, row.record_id);
    session.audit.append({
      action: 'deadlines.override',
      entity: 'deadline',
      entityId: row.id,
      summary: `Due date overridden: ${ruleName(session, row)} (${row.record_ref}) ${row.due_at} → ${input.dueAt} — ${input.reason}`,
      details: {
        module: row.module,
        recordId: row.record_id,
        key: row.key,
        ruleKey: row.rule_key,
        before: row.due_at,
        after: input.dueAt,
        computedDueAt: row.computed_due_at,
        reason: input.reason,
      },
    });
  });
  return deadlineById(session, input.id);
}

export function deadlineById(session: Session, id: string): Deadline {
  const row = new DeadlinesRepo(session.db).byId(id);
  if (!row) throw notFound('Deadline', id);
  return toDeadline(row, session.now(), getSettings(session).dueSoonHours, loadCatalogue(session));
}
