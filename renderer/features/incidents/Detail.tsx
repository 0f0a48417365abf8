import { useEffect, useState } from 'react';
import type { CacGrade, Incident, IncidentState } from '../../../preload/contract/incidents';
import type { AppErrorDto } from '../../../preload/contract/result';
import { api } from '../../app/api';
import { useApp } from '../../app/store';
import { AttachmentsPanel } from '../../components/attachments/AttachmentsPanel';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner, SelectField } from '../../components/Field';
import { formatInstant, formatNumber } from '../../components/format';
import { commonText } from '../../components/i18n';
import { PackButton } from '../../components/PackButton';
import { LinksCard } from '../../components/LinksCard';
import { VoidControl } from '../../components/VoidControl';
import { PageHeader } from '../../components/PageHeader';
import { Pill } from '../../components/StatePill';
import { useLocalized, useT } from '../../i18n';
import { FactsCard } from './FactsCard';
import { incidentsText } from './i18n';
import { Notices } from './Notices';
import { ObligationsBoard } from './ObligationsBoard';
import { GRADES, STATES, gradeTone } from './options';
import { Timeline } from './Timeline';
import { errorMessage } from '../../components/problems';

export function Detail({ id }: { id: string }) {
  const t = useT(incidentsText);
  const navigate = useApp((s) => s.navigate);
  const language = useApp((s) => s.language);
  const [incident, setIncident] = useState<Incident>();
  const [error, setError] = useState<AppErrorDto>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    void api.call('incidents.get', { id }).then((r) => {
      setLoading(false);
      if (r.ok) setIncident(r.value);
      else setError(r.error);
    });
  }, [id, tick]);

  if (loading) return <p className="muted">{t('loading')}</p>;
  if (!incident) {
    return (
      <div className="page">
        <EmptyState title={error?.code === 'NOT_FOUND' ? t('notFound') : (error ? errorMessage(error, language) : t('notFound'))} action={<button onClick={() => navigate({ page: 'incidents' })}>{t('back')}</button>} />
      </div>
    );
  }
  return (
    <div className="page incident-detail">
      <button type="button" className="link" onClick={() => navigate({ page: 'incidents' })}>← {t('back')}</button>
      <PageHeader
        title={`${incident.ref} · ${incident.facts.title}`}
        subtitle={<StateLine incident={incident} onChange={setIncident} />}
        actions={<PackButton kind="incident" id={incident.id} reference={incident.ref} />}
      />
      <VoidControl module="incidents" recordId={incident.id} voided={incident.voided} onChanged={() => setTick((x) => x + 1)} />
      <GradeCard incident={incident} onChange={setIncident} />
      <ObligationsBoard incident={incident} onChange={setIncident} />
      <div className="incident-columns">
        <FactsCard incident={incident} onChange={setIncident} />
        <div>
          <Timeline incident={incident} onChange={setIncident} />
          <Notices incident={incident} />
          <LinksCard module="incidents" recordId={incident.id} />
        </div>
      </div>
      <AttachmentsPanel module="incidents" recordId={incident.id} subjects={incident.timeline.map((e) => ({ id: String(e.id), at: e.at, text: e.text }))} />
    </div>
  );
}

interface Props {
  incident: Incident;
  onChange(next: Incident): void;
}

function StateLine({ incident, onChange }: Props) {
  const t = useT(incidentsText);
  const language = useApp((s) => s.language);
  const toast = useApp((s) => s.toast);
  const L = useLocalized();
  const next = STATES[Math.min(STATES.indexOf(incident.state) + 1, STATES.length - 1)];
  const [to, setTo] = useState<IncidentState>(incident.state === 'closed' ? 'assessing' : next);
  const [dialog, setDialog] = useState<null | 'reason' | 'close'>(null);
  const [error, setError] = useState<AppErrorDto>();
  useEffect(() => setTo(incident.state === 'closed' ? 'assessing' : next), [incident.state, next]);
  const back = incident.state === 'closed' || STATES.indexOf(to) < STATES.indexOf(incident.state);
  const pending = incident.obligations.filter((o) => o.state === 'pending' || o.state === 'waiting');

  const run = async (reason?: string, confirm?: boolean) => {
    const r = await api.call('incidents.transition', { id: incident.id, to, ...(reason ? { reason } : {}), ...(confirm ? { confirmPendingObligations: true } : {}) });
    setDialog(null);
    if (!r.ok) return setError(r.error);
    setError(undefined);
    onChange(r.value);
    toast(t('saved'));
  };
  const start = () => {
    if (back) setDialog('reason');
    else if (to === 'closed' && pending.length) setDialog('close');
    else void run();
  };
  return (
    <span className="incident-state">
      <Pill tone={incident.state === 'closed' ? 'ok' : 'info'}>{t(`s_${incident.state}`)}</Pill>
      <span className="muted">{formatInstant(incident.facts.discoveredAt, language)}</span>
      <span className="inline-select">
        <SelectField<IncidentState>
          label={incident.state === 'closed' ? t('reopen') : t('moveTo')}
          value={to}
          onChange={setTo}
          options={STATES.filter((s) => s !== incident.state).map((s) => ({ value: s, label: t(`s_${s}`) }))}
        />
        <button type="button" onClick={start}>{incident.state === 'closed' ? t('reopen') : t('move')}</button>
      </span>
      <ErrorBanner error={error} />
      {dialog === 'reason' ? <ConfirmDialog
        open
        title={incident.state === 'closed' ? t('reopen') : `${t('moveTo')} ${t(`s_${to}`)}`}
        reasonLabel={incident.state === 'closed' ? t('reasonReopen') : t('reasonBack')}
        onConfirm={(reason) => void run(reason)}
        onCancel={() => setDialog(null)}
      /> : null}
      {dialog === 'close' ? <ConfirmDialog open title={t('closeTitle')} confirmLabel={t('closeAnyway')} danger onConfirm={() => void run(undefined, true)} onCancel={() => setDialog(null)}>
        <p>{t('closeWarning', { list: pending.map((o) => L(o.label)).join('; ') })}</p>
      </ConfirmDialog> : null}
    </span>
  );
}

function GradeCard({ incident, onChange }: Props) {
  const t = useT(incidentsText);
  const c = useT(commonText);
  const L = useLocalized();
  const language = useApp((s) => s.language);
  const navigate = useApp((s) => s.navigate);
  const g = incident.grade;
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<CacGrade | 'computed'>(g.override ? g.value : g.computed);
  const [error, setError] = useState<AppErrorDto>();
  const save = async (reason: string) => {
    const r = await api.call('incidents.overrideGrade', { id: incident.id, grade: choice === 'computed' ? null : choice, reason });
    setOpen(false);
    if (!r.ok) return setError(r.error);
    setError(undefined);
    onChange(r.value);
  };
  const cii = incident.ciiOperator;
  return (
    <section className="card incident-grade" aria-labelledby="grade-h">
      <h2 id="grade-h">
        {t('grade')}: <Pill tone={gradeTone(g.value)}>{t(`g_${g.value}`)}</Pill>{' '}
        {g.override ? <span className="muted">({t('gradeComputed', { g: t(`g_${g.computed}`) })})</span> : null}
      </h2>
      <p>{L(g.explanation)}</p>
      {g.override ? <p className="banner banner--warn">{t('gradeOverridden', { reason: g.override.reason })}</p> : null}
      <p className="muted">
        {L(g.rule)} — {L(g.basis)}
      </p>
      <details className="incident-grade__bands">
        <summary>{t('gradeThresholds')}</summary>
        <ul>
          {g.bands.map((b) => (
            <li key={b.grade}>
              {t('gradeThresholdRow', {
                grade: t(`g_${b.grade}`),
                people: formatNumber(b.people, language),
                ps: c(b.peopleSource === 'official' ? 'sourceOfficial' : 'sourceCommentary'),
                loss: formatNumber(b.lossRmb, language),
                ls: c(b.lossSource === 'official' ? 'sourceOfficial' : 'sourceCommentary'),
              })}
            </li>
          ))}
        </ul>
        <p className="muted">
          {t('gradeThresholdsNote')}{' '}
          <button type="button" className="link" onClick={() => navigate({ page: 'settings', id: 'rules' })}>
            {t('openRules')}
          </button>
        </p>
      </details>
      <ul className="incident-flags">
        <li>{g.cacReportRequired ? <strong>{t('cacRequired')}</strong> : t('cacNotRequired')}</li>
        <li>{(cii.fromSettings ? t('ciiFromSettings', { v: cii.effective ? t('yes') : t('no') }) : t('ciiOwn', { v: cii.effective ? t('yes') : t('no') }))}</li>
        {incident.auditOrderFlag.flagged ? (
          <li>
            <strong>{t('auditFlag')}</strong>: {L(incident.auditOrderFlag.explanation)} <span className="muted">({L(incident.auditOrderFlag.basis)})</span>
          </li>
        ) : null}
      </ul>
      <ErrorBanner error={error} />
      <button type="button" onClick={() => setOpen(true)}>{t('overrideGrade')}</button>
      {open ? <ConfirmDialog open title={t('overrideGradeTitle')} reasonLabel={t('reason')} onConfirm={(r) => void save(r)} onCancel={() => setOpen(false)}>
        <SelectField<CacGrade | 'computed'>
          label={t('grade')}
          value={choice}
          onChange={setChoice}
          options={[...(g.override ? [{ value: 'computed' as const, label: t('removeOverride') }] : []), ...GRADES.map((x) => ({ value: x, label: t(`g_${x}`) }))]}
        />
      </ConfirmDialog> : null}
    </section>
  );
}
