import { ProvisionalPill, RuleVersionLine } from '../../components/DeadlineProvenance';
import type { Deadline } from '../../../preload/contract/deadlines';
import { useApp, type PageName } from '../../app/store';
import { Countdown } from '../../components/Countdown';
import { formatInstant } from '../../components/format';
import { DeadlineStatePill } from '../../components/StatePill';
import { useLocalized, useT } from '../../i18n';
import { dashboardText } from './i18n';

interface Props {
  deadline: Deadline;
  onWaive(d: Deadline): void;
  onOverride(d: Deadline): void;
}

/** One clock on the board: what, for which record, when (in the DPO's zone), and why. */
export function DeadlineRow({ deadline: d, onWaive, onOverride }: Props) {
  const t = useT(dashboardText);
  const L = useLocalized();
  const language = useApp((s) => s.language);
  const navigate = useApp((s) => s.navigate);
  const hourClock = d.clock === 'immediate' || d.periodKind === 'hours';
  const active = d.state === 'open' || d.state === 'dueSoon' || d.state === 'overdue';
  const inRuleZone = t('ruleZone', { zone: d.zone, t: formatInstant(d.dueAt, language, d.zone) });
  return (
    <article className={`deadline-row deadline-row--${d.state}`} aria-label={`${L(d.rule)} — ${d.recordRef}`}>
      <div className="deadline-row__what">
        <DeadlineStatePill state={d.state} />
        <strong className="deadline-row__rule">{L(d.rule)}</strong>
        <button type="button" className="link" onClick={() => navigate(d.module === 'governance' ? { page: 'settings' } : { page: d.module as PageName, id: d.recordId })} aria-label={t('openRecord', { ref: d.recordRef })}>
          {d.recordRef}
        </button>
        <span className="muted deadline-row__title">{d.recordTitle}</span>
      </div>
      <div className="deadline-row__when">
        {d.clock === 'immediate' ? (
          <span title={inRuleZone}>{t('immediate')}</span>
        ) : (
          <time dateTime={d.dueAt} title={inRuleZone}>
            {t('dueAt', { t: formatInstant(d.dueAt, language) })}
          </time>
        )}
        {hourClock && active ? <Countdown dueAt={d.dueAt} startAt={d.startAt} clock={d.clock} /> : null}
        <ProvisionalPill deadline={d} />
      </div>
      <details className="deadline-row__why">
        <summary>{t('explain')}</summary>
        <p>{L(d.explanation)}</p>
        <p className="muted">
          {t('basis')}: {L(d.basis)}
        </p>
        <RuleVersionLine deadline={d} />
        {d.calendar?.missingYears.length ? <p className="banner banner--warn">{t('calendarMissing', { years: d.calendar.missingYears.join(', ') })}</p> : null}
        {d.override ? <p className="muted">{t('overridden', { t: formatInstant(d.override.computedDueAt, language), r: d.override.reason })}</p> : null}
        {active ? (
          <div className="deadline-row__actions">
            <button type="button" onClick={() => onOverride(d)}>
              {t('override')}
            </button>
            <button type="button" onClick={() => onWaive(d)}>
              {t('waive')}
            </button>
          </div>
        ) : null}
      </details>
    </article>
  );
}
