import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { OverviewFigures } from '../../../preload/contract/overview';
import type { CacGrade } from '../../../preload/contract/incidents';
import type { ChosenRoute, FilingState } from '../../../preload/contract/transfers';
import { useApp, type Route } from '../../app/store';
import { formatNumber } from '../../components/format';
import { useLocalized, useT } from '../../i18n';
import { incidentsText } from '../incidents/i18n';
import { GRADES } from '../incidents/options';
import { transfersText } from '../transfers/i18n';
import { overviewText } from './i18n';

// The overview's figures: each a chart drawn from main's numbers with the same numbers in a table
// below it (the accessible version; each figure in it is a link to the list filtered to it).

type Open = (route: Route) => void;
const C = { overdue: 'var(--danger)', dueSoon: 'var(--warn)', open: 'var(--accent)' };
const GRADE_COLORS: Record<CacGrade, string> = { general: 'var(--muted)', relativelyMajor: 'var(--warn)', major: 'var(--danger)', particularlyMajor: '#7b1fa2' };

const monthLabel = (m: string, zh: boolean) => (zh ? `${m.slice(0, 4)}年${Number(m.slice(5))}月` : new Date(`${m}-15T00:00:00Z`).toLocaleString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }));
const quarterLabel = (q: string, zh: boolean) => (zh ? `${q.slice(0, 4)}年第${'一二三四'[Number(q.slice(-1)) - 1]}季度` : `Q${q.slice(-1)} ${q.slice(0, 4)}`);

function Figure({ title, note, chart, children, empty }: { title: string; note?: string; chart?: ReactNode; children: ReactNode; empty?: string }) {
  const t = useT(overviewText);
  return (
    <section className="overview-figure" aria-label={title}>
      <h2>{title}</h2>
      {empty ? (
        <p className="overview-figure__empty">{empty}</p>
      ) : (
        <>
          {chart ? (
            <div className="overview-figure__chart" role="img" aria-label={`${title}. ${t('chartHint')}`}>
              <ResponsiveContainer width="100%" height={200}>{chart as never}</ResponsiveContainer>
            </div>
          ) : null}
          {children}
        </>
      )}
      {note ? <p className="overview-figure__note">{note}</p> : null}
    </section>
  );
}

/** A count that opens the list filtered to it (nothing to open for a zero). */
function CountLink({ n, route, what }: { n: number; route: Route; what: string }) {
  const t = useT(overviewText);
  const language = useApp((s) => s.language);
  const navigate = useApp((s) => s.navigate);
  if (n === 0) return <>{formatNumber(0, language)}</>;
  return (
    <button type="button" className="link-button" aria-label={`${formatNumber(n, language)} — ${t('openList', { what })}`} onClick={() => navigate(route)}>
      {formatNumber(n, language)}
    </button>
  );
}

type Regime = OverviewFigures['obligations']['byRegime'][number];
type ClockState = 'overdue' | 'dueSoon' | 'open';

export function ObligationsFigure({ f, open }: { f: OverviewFigures; open: Open }) {
  const t = useT(overviewText);
  const language = useApp((s) => s.language);
  const o = f.obligations;
  const L = useLocalized();
  const what = (r: Regime, state: ClockState) => t('filterObligations', { regime: L(r.name), state: t(state) });
  // The board takes the regime and the state as they were counted (main's deriveState).
  const route = (r: Regime, state: ClockState): Route => ({ page: 'dashboard', filter: { values: { regime: r.regime, state }, label: what(r, state) } });
  const data = o.byRegime.map((r) => ({ name: L(r.name), r, overdue: r.overdue, dueSoon: r.dueSoon, open: r.open }));
  return (
    <Figure
      title={t('obligations')}
      note={t('obligationsNote', { h: o.dueSoonHours })}
      empty={o.byRegime.length ? undefined : t('obligationsEmpty')}
      chart={
        <BarChart data={data} layout="vertical" margin={{ left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={90} />
          <Tooltip />
          <Legend />
          {(['overdue', 'dueSoon', 'open'] as const).map((k) => (
            <Bar key={k} dataKey={k} name={t(k)} stackId="s" fill={C[k]} cursor="pointer" isAnimationActive={false} onClick={(d: { payload?: { r: Regime } }) => d.payload && open(route(d.payload.r, k))} />
          ))}
        </BarChart>
      }
    >
      <table className="overview-table">
        <thead><tr><th scope="col">{t('regime')}</th><th scope="col">{t('overdue')}</th><th scope="col">{t('dueSoon')}</th><th scope="col">{t('open')}</th></tr></thead>
        <tbody>
          {o.byRegime.map((r) => (
            <tr key={r.regime}>
              <th scope="row">{L(r.name)}</th>
              {(['overdue', 'dueSoon', 'open'] as const).map((k) => <td key={k}><CountLink n={r[k]} route={route(r, k)} what={what(r, k)} /></td>)}
            </tr>
          ))}
          <tr className="overview-table__total"><th scope="row">{t('total')}</th><td>{formatNumber(o.total.overdue, language)}</td><td>{formatNumber(o.total.dueSoon, language)}</td><td>{formatNumber(o.total.open, language)}</td></tr>
        </tbody>
      </table>
    </Figure>
  );
}

export function IncidentsFigure({ f, open }: { f: OverviewFigures; open: Open }) {
  const t = useT(overviewText);
  const ti = useT(incidentsText);
  const language = useApp((s) => s.language);
  const zh = language === 'zh-CN';
  const inc = f.incidents;
  const route = (q: OverviewFigures['incidents']['quarters'][number], grade: CacGrade): Route => ({
    page: 'incidents',
    filter: { values: { grade, discoveredFrom: q.from, discoveredBefore: q.before }, label: t('filterIncidents', { grade: ti(`g_${grade}`), quarter: quarterLabel(q.quarter, zh) }) },
  });
  const data = inc.quarters.map((q) => ({ name: quarterLabel(q.quarter, zh), q, ...q.byGrade }));
  return (
    <Figure
      title={t('incidents')}
      empty={inc.total.total ? undefined : t('incidentsEmpty')}
      chart={
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          {GRADES.map((g) => (
            <Bar key={g} dataKey={g} name={ti(`g_${g}`)} stackId="g" fill={GRADE_COLORS[g]} cursor="pointer" isAnimationActive={false} onClick={(d: { payload?: { q: OverviewFigures['incidents']['quarters'][number] } }) => d.payload && open(route(d.payload.q, g))} />
          ))}
        </BarChart>
      }
    >
      <table className="overview-table">
        <thead><tr><th scope="col">{t('quarter')}</th>{GRADES.map((g) => <th key={g} scope="col">{ti(`g_${g}`)}</th>)}<th scope="col">{t('total')}</th></tr></thead>
        <tbody>
          {inc.quarters.map((q) => (
            <tr key={q.quarter}>
              <th scope="row">{quarterLabel(q.quarter, zh)}</th>
              {GRADES.map((g) => <td key={g}><CountLink n={q.byGrade[g]} route={route(q, g)} what={t('filterIncidents', { grade: ti(`g_${g}`), quarter: quarterLabel(q.quarter, zh) })} /></td>)}
              <td>{formatNumber(q.total, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Figure>
  );
}

export function RequestsFigure({ f, open }: { f: OverviewFigures; open: Open }) {
  const t = useT(overviewText);
  const language = useApp((s) => s.language);
  const zh = language === 'zh-CN';
  const r = f.requests;
  type M = OverviewFigures['requests']['months'][number];
  const received = (m: M): Route => ({ page: 'inbox', filter: { values: { receivedFrom: m.from, receivedBefore: m.before }, label: t('filterReceived', { month: monthLabel(m.month, zh) }) } });
  const answered = (m: M): Route => ({ page: 'inbox', filter: { values: { answeredFrom: m.from, answeredBefore: m.before }, label: t('filterAnswered', { month: monthLabel(m.month, zh) }) } });
  const pct = (v: number | null) => (v === null ? '—' : `${formatNumber(v, language)}%`);
  const data = r.months.map((m) => ({ name: monthLabel(m.month, zh), m, received: m.received, answered: m.answered }));
  return (
    <Figure
      title={t('requests')}
      empty={r.total.received || r.total.answered ? undefined : t('requestsEmpty')}
      chart={
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar dataKey="received" name={t('received')} fill="var(--accent)" cursor="pointer" isAnimationActive={false} onClick={(d: { payload?: { m: M } }) => d.payload && open(received(d.payload.m))} />
          <Bar dataKey="answered" name={t('answered')} fill="var(--ok, #2e7d32)" cursor="pointer" isAnimationActive={false} onClick={(d: { payload?: { m: M } }) => d.payload && open(answered(d.payload.m))} />
        </BarChart>
      }
    >
      <table className="overview-table">
        <thead><tr><th scope="col">{t('month')}</th><th scope="col">{t('received')}</th><th scope="col">{t('answered')}</th><th scope="col">{t('answeredOnTime')}</th><th scope="col">{t('onTimePercent')}</th><th scope="col">{t('medianDays')}</th></tr></thead>
        <tbody>
          {r.months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{monthLabel(m.month, zh)}</th>
              <td><CountLink n={m.received} route={received(m)} what={t('filterReceived', { month: monthLabel(m.month, zh) })} /></td>
              <td><CountLink n={m.answered} route={answered(m)} what={t('filterAnswered', { month: monthLabel(m.month, zh) })} /></td>
              <td>{formatNumber(m.answeredOnTime, language)}</td>
              <td>{pct(m.onTimePercent)}</td>
              <td>{m.medianDays === null ? '—' : formatNumber(m.medianDays, language)}</td>
            </tr>
          ))}
          <tr className="overview-table__total">
            <th scope="row">{t('total')}</th><td>{formatNumber(r.total.received, language)}</td><td>{formatNumber(r.total.answered, language)}</td><td>{formatNumber(r.total.answeredOnTime, language)}</td><td>{pct(r.total.onTimePercent)}</td><td>{r.total.medianDays === null ? '—' : formatNumber(r.total.medianDays, language)}</td>
          </tr>
        </tbody>
      </table>
    </Figure>
  );
}

export function TransfersFigure({ f }: { f: OverviewFigures }) {
  const t = useT(overviewText);
  const tt = useT(transfersText);
  const language = useApp((s) => s.language);
  const rows = f.transfers.byRoute.filter((r) => r.total > 0);
  const states = (Object.keys(f.transfers.byRoute[0]?.byFilingState ?? {}) as FilingState[]).filter((s) => rows.some((r) => r.byFilingState[s] > 0));
  const route = (r: ChosenRoute, s: FilingState): Route => ({ page: 'transfers', filter: { values: { route: r, filingState: s }, label: t('filterRoute', { route: tt(`r_${r}` as never), state: tt(`fs_${s}` as never) }) } });
  return (
    <Figure title={t('transfers')} empty={f.transfers.total ? undefined : t('transfersEmpty')}>
      <table className="overview-table">
        <thead><tr><th scope="col">{t('route')}</th>{states.map((s) => <th key={s} scope="col">{tt(`fs_${s}` as never)}</th>)}<th scope="col">{t('total')}</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.route}>
              <th scope="row">{tt(`r_${r.route}` as never)}</th>
              {states.map((s) => <td key={s}><CountLink n={r.byFilingState[s]} route={route(r.route, s)} what={t('filterRoute', { route: tt(`r_${r.route}` as never), state: tt(`fs_${s}` as never) })} /></td>)}
              <td>{formatNumber(r.total, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Figure>
  );
}

export function ThresholdsFigure({ f }: { f: OverviewFigures }) {
  const t = useT(overviewText);
  const language = useApp((s) => s.language);
  const th = f.transfers.thresholds;
  const pick = (l: { en: string; zh: string }) => (language === 'zh-CN' ? l.zh : l.en);
  return (
    <Figure title={t('thresholds', { year: th.year })} note={pick(th.reason)}>
      <table className="overview-table">
        <thead><tr><th scope="col">{t('threshold')}</th><th scope="col">{t('count')}</th><th scope="col">{t('limit')}</th><th scope="col">{t('reached')}</th></tr></thead>
        <tbody>
          {th.bars.map((b) => (
            <tr key={b.key} className={b.reached ? 'overview-table__reached' : undefined}>
              <th scope="row">{pick(b.label)}</th>
              <td>
                <meter min={0} max={b.limit} value={Math.min(b.count, b.limit)} aria-hidden="true" /> {formatNumber(b.count, language)}
              </td>
              <td>{formatNumber(b.limit, language)}</td>
              <td>{b.reached ? t('yes') : t('no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Figure>
  );
}

const MODULES = ['incidents', 'transfers', 'inbox', 'notices', 'governance'] as const;

type Day = OverviewFigures['timeline']['days'][number];

export function TimelineFigure({ f, open }: { f: OverviewFigures; open: Open }) {
  const t = useT(overviewText);
  const language = useApp((s) => s.language);
  const tl = f.timeline;
  // A day opens the board on the clocks counted for it (main hands the exact due-time window).
  const route = (d: Day): Route => ({ page: 'dashboard', filter: { values: { ...d.list }, label: t('filterDay', { day: d.date }) } });
  const data = tl.days.map((d) => ({ name: d.date.slice(5), d, ...d.byModule }));
  const colors = ['var(--danger)', 'var(--accent)', 'var(--warn)', '#00897b', '#6d4c41'];
  const days = tl.days.filter((d) => d.total > 0);
  return (
    <Figure
      title={t('timeline')}
      empty={tl.total ? undefined : t('timelineEmpty')}
      chart={
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" interval={2} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          {MODULES.map((m, i) => (
            <Bar key={m} dataKey={m} name={t(`m_${m}`)} stackId="d" fill={colors[i]} cursor="pointer" isAnimationActive={false} onClick={(x: { payload?: { d: Day } }) => x.payload && open(route(x.payload.d))} />
          ))}
        </BarChart>
      }
    >
      <table className="overview-table">
        <thead><tr><th scope="col">{t('day')}</th>{MODULES.map((m) => <th key={m} scope="col">{t(`m_${m}`)}</th>)}<th scope="col">{t('total')}</th></tr></thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.date}><th scope="row">{d.date}</th>{MODULES.map((m) => <td key={m}>{formatNumber(d.byModule[m], language)}</td>)}<td><CountLink n={d.total} route={route(d)} what={t('filterDay', { day: d.date })} /></td></tr>
          ))}
        </tbody>
      </table>
    </Figure>
  );
}
