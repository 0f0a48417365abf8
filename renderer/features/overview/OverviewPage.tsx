import { useState } from 'react';
import type { OverviewFigures, OverviewPeriod } from '../../../preload/contract/overview';
import { useQuery } from '../../app/api';
import { useApp, type Route } from '../../app/store';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner, SelectField, TextField } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { ObligationsFigure, RequestsFigure, IncidentsFigure, TransfersFigure, ThresholdsFigure, TimelineFigure } from './Figures';
import { overviewText } from './i18n';
import { OverviewExport } from './OverviewExport';
import './overview.css';

type Kind = OverviewPeriod['kind'];

/** #/overview: the programme at a glance (issue 17). Every figure is main's; this page draws it. */
export function OverviewPage() {
  const t = useT(overviewText);
  const zone = useApp((s) => s.displayZone);
  const dataEpoch = useApp((s) => s.dataEpoch);
  const language = useApp((s) => s.language);
  const [kind, setKind] = useState<Kind>('quarter');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const customReady = kind !== 'custom' || (/^\d{4}-\d{2}$/.test(from) && /^\d{4}-\d{2}$/.test(to));
  const period: OverviewPeriod = kind === 'custom' ? { kind, from, to } : { kind };
  const q = useQuery('overview.figures', { period, zone }, [kind, from, to, zone, dataEpoch], !customReady);
  return (
    <div className="page overview">
      <PageHeader title={t('title')} subtitle={t('subtitle', { zone })} actions={<OverviewExport period={period} disabled={!q.data} />} />
      <div className="overview-period" role="group" aria-label={t('period')}>
        <SelectField<Kind> label={t('period')} value={kind} onChange={setKind} options={(['quarter', 'year', 'custom'] as const).map((k) => ({ value: k, label: t(`p_${k}`) }))} />
        {kind === 'custom' ? (
          <>
            <TextField label={t('fromMonth')} hint="YYYY-MM" value={from} onChange={setFrom} />
            <TextField label={t('toMonth')} hint="YYYY-MM" value={to} onChange={setTo} />
          </>
        ) : null}
        {q.data ? <p className="overview-period__label" aria-live="polite">{t('showing', { label: language === 'zh-CN' ? q.data.period.label.zh : q.data.period.label.en })}</p> : null}
      </div>
      <ErrorBanner error={q.error} labels={{ 'period.from': t('fromMonth'), 'period.to': t('toMonth') }} />
      {q.error && !q.error.fields ? <EmptyState title={t('loadError')} /> : null}
      {q.data ? <Figures f={q.data} /> : null}
    </div>
  );
}

function Figures({ f }: { f: OverviewFigures }) {
  const navigate = useApp((s) => s.navigate);
  const open = (route: Route) => navigate(route);
  return (
    <div className="overview-grid">
      <ObligationsFigure f={f} open={open} />
      <IncidentsFigure f={f} open={open} />
      <RequestsFigure f={f} open={open} />
      <TransfersFigure f={f} />
      <ThresholdsFigure f={f} />
      <TimelineFigure f={f} open={open} />
    </div>
  );
}
