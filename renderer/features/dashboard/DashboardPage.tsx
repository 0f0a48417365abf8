import { useState } from 'react';
import type { ModuleName } from '../../../preload/contract/common';
import { useQuery } from '../../app/api';
import { useApp } from '../../app/store';
import { dashboardPanels } from '../../app/dashboardPanels';
import { SelectField } from '../../components/Field';
import { ExportButton } from '../../components/ExportButton';
import { useHandedFilter } from '../../components/HandedFilter';
import { exportsText } from '../../components/exports-i18n';
import { PageHeader } from '../../components/PageHeader';
import { zoneLabel } from '../../components/format';
import { useT } from '../../i18n';
import { DeadlineCalculator } from '../calendar/DeadlineCalculator';
import { Board, handedBoardFilter } from './Board';
import { Counts } from './Counts';
import { dashboardText } from './i18n';
import './dashboard.css';

const MODULES: ModuleName[] = ['incidents', 'transfers', 'inbox', 'notices', 'governance'];

/** The home screen: every open legal clock, counted and listed by due time. */
export function DashboardPage(_props: { id?: string }) {
  const t = useT(dashboardText);
  const tx = useT(exportsText);
  const navigate = useApp((s) => s.navigate);
  // The display zone (Settings): main computes "today" and "this week" in it.
  const zone = useApp((s) => s.displayZone);
  const language = useApp((s) => s.language);
  const [module, setModule] = useState<ModuleName | ''>('');
  const [showCalculator, setShowCalculator] = useState(false);
  // An overview figure (regime × state, a day of the timeline) hands the board its filter.
  const handed = useHandedFilter();
  const filter = handedBoardFilter(handed.values);
  const [ownVersion, setVersion] = useState(0);
  // Counts and rows follow every write, here or elsewhere (the data epoch).
  const dataEpoch = useApp((s) => s.dataEpoch);
  const version = ownVersion + dataEpoch;
  const counts = useQuery('deadlines.counts', { zone }, [version]);
  const shown = module ? counts.data?.byModule.find((m) => m.module === module) ?? { overdue: 0, today: 0, week: 0, later: 0 } : counts.data?.total;
  const countFor = (m: ModuleName) => {
    const c = counts.data?.byModule.find((x) => x.module === m);
    return c ? c.overdue + c.today + c.week + c.later : 0;
  };

  return (
    <div className="page dashboard">
      {dashboardPanels.map(({ key, Panel }) => (
        <Panel key={key} />
      ))}
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle', { zone: zoneLabel(zone, language) })}
        actions={
          <>
            <ExportButton register="deadlines" filter={{ zone, ...(module ? { module } : {}) }} what={tx('whatDeadlines')} baseName="deadlines" />
            <button type="button" aria-expanded={showCalculator} aria-controls="deadline-calculator" onClick={() => setShowCalculator((v) => !v)}>
              {showCalculator ? t('hideCalculator') : t('calculator')}
            </button>
          </>
        }
      />
      {showCalculator ? <DeadlineCalculator id="deadline-calculator" /> : null}
      <Counts counts={shown} />
      {counts.data?.provisional.count ? (
        <p className="banner banner--warn" role="status">
          {t(counts.data.provisional.count === 1 ? 'provisionalOne' : 'provisional', { n: counts.data.provisional.count, years: counts.data.provisional.years.join(', ') })}{' '}
          <button type="button" className="link" onClick={() => navigate({ page: 'settings', id: 'calendars' })}>
            {t('provisionalLink')}
          </button>
        </p>
      ) : null}
      <div className="board-filter">
        <SelectField<ModuleName | ''>
          label={t('moduleFilter')}
          value={module}
          onChange={setModule}
          options={[{ value: '', label: t('allModules') }, ...MODULES.map((m) => ({ value: m, label: `${t(m)} (${countFor(m)})` }))]}
        />
      </div>
      {handed.notice}
      {/* The group headings' counts are the whole board's: not shown over a handed part of it. */}
      <Board module={module} zone={zone} filter={filter} counts={filter ? undefined : shown} version={version} onChanged={() => setVersion((v) => v + 1)} />
    </div>
  );
}
