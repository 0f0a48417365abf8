import { useState } from 'react';
import type { ComputedDeadline, RuleInfo } from '../../../preload/contract/deadlines';
import { useMutation, useQuery } from '../../app/api';
import { useApp } from '../../app/store';
import { ErrorBanner, SelectField, TextField, fieldError } from '../../components/Field';
import { formatInstant, getDisplayZone, localInputToIso } from '../../components/format';
import { useLocalized, useT } from '../../i18n';
import { calendarText } from './i18n';
import './calendar.css';

const instantRule = (r: RuleInfo | undefined) => r?.periodKind === 'hours' || r?.periodKind === 'immediate';

/** What-if: the same engine as the stored deadlines, nothing saved. */
export function DeadlineCalculator({ id }: { id?: string }) {
  const t = useT(calendarText);
  const L = useLocalized();
  const language = useApp((s) => s.language);
  const rules = useQuery('deadlines.rules', {}, []);
  const compute = useMutation('deadlines.compute');
  const [ruleKey, setRuleKey] = useState<RuleInfo['key']>('scc.filing.10wd');
  const [startDate, setStartDate] = useState('');
  const [startInstant, setStartInstant] = useState('');
  const [until, setUntil] = useState('');
  const [result, setResult] = useState<ComputedDeadline>();
  const rule = rules.data?.rules.find((r) => r.key === ruleKey);
  const byInstant = instantRule(rule);

  return (
    <section className="card calculator" id={id} aria-labelledby="calculator-title">
      <h2 id="calculator-title">{t('calculatorTitle')}</h2>
      <p className="muted">{t('calculatorHint')}</p>
      <form
        noValidate
        className="calculator__form"
        onSubmit={async (e) => {
          e.preventDefault();
          const start = byInstant ? localInputToIso(startInstant) : startDate;
          const value = await compute.run({ rule: ruleKey, start, ...(rule?.periodKind === 'fixedDate' ? { until } : {}) });
          setResult(value);
        }}
      >
        <SelectField
          label={t('rule')}
          value={ruleKey}
          onChange={(v) => {
            setRuleKey(v);
            setResult(undefined);
          }}
          options={(rules.data?.rules ?? []).map((r) => ({ value: r.key, label: L(r.name) }))}
        />
        {byInstant ? (
          <TextField label={t('startInstant')} type="datetime-local" value={startInstant} onChange={setStartInstant} required error={fieldError(compute.error, 'start')} />
        ) : (
          <TextField label={t('start')} type="date" value={startDate} onChange={setStartDate} required error={fieldError(compute.error, 'start')} />
        )}
        {rule?.periodKind === 'fixedDate' ? <TextField label={t('until')} type="date" value={until} onChange={setUntil} required error={fieldError(compute.error, 'until')} /> : null}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={compute.busy}>
            {t('compute')}
          </button>
        </div>
      </form>
      {compute.error && !compute.error.fields ? <ErrorBanner error={compute.error} /> : null}
      {result ? (
        <div className="calculator__result" role="status" aria-label={t('dueDate')}>
          <p className="calculator__due">
            <strong>{t('dueDate')}:</strong>{' '}
            {result.clock === 'immediate' ? t('immediateDue', { t: formatInstant(result.startAt, language, result.zone) }) : formatInstant(result.dueAt, language, result.zone)}
          </p>
          {/* Where the rule counts in another zone (GDPR, California), the display zone's time too, once. */}
          {result.clock === 'due' && result.zone !== getDisplayZone() ? <p className="muted">{t('dueYourZone', { t: formatInstant(result.dueAt, language) })}</p> : null}
          <p>
            <strong>{t('why')}:</strong> {L(result.explanation)}
          </p>
          <p className="muted">
            {t('basis')}: {L(result.basis)}
          </p>
          {result.calendar?.missingYears.length ? <p className="banner banner--warn">{t('missingYears', { years: result.calendar.missingYears.join(', ') })}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
