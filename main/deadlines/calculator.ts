import type { ComputedDeadline, RuleInfo } from '../../preload/contract/deadlines';
import { calendarLoader } from '../calendar/load';
import { invalid } from '../shared/errors';
import type { Session } from '../shared/session';
import { RULES, ruleOf } from './catalog';
import { computeDeadline } from './rules';

// The DPO's what-if calculator: the same engine, nothing stored.

export function listRules(): { rules: RuleInfo[] } {
  return {
    rules: [...RULES.values()].map((r) => ({
      key: r.key,
      name: r.name,
      basis: r.basis,
      periodKind: r.period.kind,
      amount:
        r.period.kind === 'hours'
          ? r.period.hours
          : r.period.kind === 'calendarDays' || r.period.kind === 'workingDays'
            ? r.period.days
            : r.period.kind === 'months'
              ? r.period.months
              : r.period.kind === 'years'
                ? r.period.years
                : null,
      zone: r.zone,
      country: r.country,
    })),
  };
}

export function computeForCalculator(session: Session, input: { rule: string; start: string; until?: string }): ComputedDeadline {
  const rule = ruleOf(input.rule);
  if (!rule) throw invalid({ rule: 'Unknown rule' });
  if (rule.period.kind === 'fixedDate' && !input.until) throw invalid({ until: 'This rule needs the date it falls due' });
  const c = computeDeadline(rule, { start: input.start, until: input.until }, calendarLoader(session));
  return { periodKind: rule.period.kind, ruleKey: rule.key, rule: rule.name, basis: rule.basis, clock: c.clock, startAt: c.startAt, dueAt: c.dueAt, zone: c.zone, calendar: c.calendar, explanation: c.explanation };
}
