import type { ComputedDeadline, RuleInfo } from '../../preload/contract/deadlines';
import { calendarLoader } from '../calendar/load';
import { loadCatalogue } from '../rules/load';
import { invalid, problem } from '../shared/errors';
import type { Session } from '../shared/session';
import { RULE_KEYS, deadlineRuleAt, versionRef } from './catalog';
import { provisionalMessage } from './explain';
import { computeFromCatalogue, startDateOf } from './rules';

// The DPO's what-if calculator: the same engine, nothing stored.

const beijingToday = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

const amountOf = (p: { kind: string } & Record<string, unknown>): number | null =>
  (p.hours ?? p.days ?? p.months ?? p.years ?? null) as number | null;

/** Every deadline rule with the version in force today. */
export function listRules(session: Session): { rules: RuleInfo[] } {
  const catalogue = loadCatalogue(session);
  const today = beijingToday(session.now());
  const rules: RuleInfo[] = [];
  for (const key of RULE_KEYS) {
    const versions = catalogue.versions(key);
    const rule = deadlineRuleAt(catalogue, key, today) ?? deadlineRuleAt(catalogue, key, versions.at(-1)?.effectiveFrom ?? today);
    if (!rule) continue;
    rules.push({ key, name: rule.name, basis: rule.basis, periodKind: rule.period.kind, amount: amountOf(rule.period), zone: rule.zone, country: rule.country });
  }
  return { rules };
}

export function computeForCalculator(session: Session, input: { rule: string; start: string; until?: string }): ComputedDeadline {
  const catalogue = loadCatalogue(session);
  const date = startDateOf(input.rule, input.start);
  if (!date) throw invalid({ start: problem('notDateOrInstant') });
  const rule = deadlineRuleAt(catalogue, input.rule, date);
  if (!rule) throw invalid({ rule: problem('noVersionOfRule', { date }) });
  if (rule.period.kind === 'fixedDate' && !input.until) throw invalid({ until: problem('needsDueDate') });
  const c = computeFromCatalogue(catalogue, input.rule, { start: input.start, until: input.until }, calendarLoader(session))!.computed;
  const provisional = c.calendar?.provisionalYears.length ? { years: c.calendar.provisionalYears, message: provisionalMessage(c.calendar.provisionalYears) } : null;
  return {
    periodKind: rule.period.kind,
    ruleKey: rule.key,
    rule: rule.name,
    basis: rule.basis,
    clock: c.clock,
    startAt: c.startAt,
    dueAt: c.dueAt,
    zone: c.zone,
    calendar: c.calendar,
    explanation: c.explanation,
    ruleVersion: versionRef(rule.version),
    provisional,
  };
}
