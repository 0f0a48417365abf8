import { useState } from 'react';
import type { CalendarYearDto } from '../../../preload/contract/calendar';
import { useQuery } from '../../app/api';
import { useApp } from '../../app/store';
import { ErrorBanner, TextField } from '../../components/Field';
import { formatInstant } from '../../components/format';
import { useT } from '../../i18n';
import { EffectsPreview } from '../rules/EffectsPreview';
import type { RecomputeEffects } from '../../../preload/contract/rules';
import { CalendarStatusTable } from './CalendarStatus';
import { calendarText } from './i18n';
import { ImportForm } from './ImportForm';
import { YearEditor } from './YearEditor';
import './calendar.css';

/** Settings → Calendars: each year with its source and load time; view, correct, add, import. */
export function CalendarSettings() {
  const t = useT(calendarText);
  const language = useApp((s) => s.language);
  const [version, setVersion] = useState(0);
  const list = useQuery('calendar.list', {}, [version]);
  const [open, setOpen] = useState<CalendarYearDto | null>(null);
  const [newYear, setNewYear] = useState('');
  const [lastChange, setLastChange] = useState<{ year: number; effects: RecomputeEffects } | null>(null);
  const years = list.data?.years ?? [];
  const saved = (y: CalendarYearDto, effects: RecomputeEffects) => {
    setOpen(y);
    setLastChange({ year: y.year, effects });
    setVersion((v) => v + 1);
  };

  return (
    <section className="card calendars" aria-labelledby="calendars-title">
      <h2 id="calendars-title">{t('calendarsTitle')}</h2>
      <p className="muted">{t('calendarsHint')}</p>
      <ErrorBanner error={list.error} />
      <CalendarStatusTable version={version} onAdd={(year) => setOpen(years.find((y) => y.year === year && y.country === 'CN') ?? { country: 'CN', year, source: '', origin: 'edited', loadedAt: '', holidays: [], workdays: [] })} />
      {lastChange ? (
        <div className="banner banner--ok" role="status">
          <p>{t('recomputedAfterLoad', { year: lastChange.year, n: lastChange.effects.deadlines.length + lastChange.effects.more })}</p>
          <EffectsPreview effects={lastChange.effects} headingId="calendar-effects" />
        </div>
      ) : null}
      {years.length === 0 && list.data ? <p className="banner banner--warn">{t('noYears')}</p> : null}
      {years.length ? (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('year')}</th>
              <th scope="col">{t('source')}</th>
              <th scope="col">{t('loadedAt')}</th>
              <th scope="col">{t('holidays')}</th>
              <th scope="col">{t('workdays')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('view', { year: '' })}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {years.map((y) => (
              <tr key={`${y.country}-${y.year}`}>
                <th scope="row">
                  {y.country} {y.year}
                </th>
                <td>{y.source}</td>
                <td>
                  {formatInstant(y.loadedAt, language)} <span className="muted">({t(`origin_${y.origin}`)})</span>
                </td>
                <td>{y.holidays.length}</td>
                <td>{y.workdays.length}</td>
                <td>
                  <button
                    type="button"
                    aria-expanded={open?.year === y.year && open.country === y.country}
                    onClick={() => setOpen(open?.year === y.year && open.country === y.country ? null : y)}
                  >
                    {open?.year === y.year && open.country === y.country ? t('close', { year: y.year }) : t('view', { year: y.year })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form
        className="calendars__add"
        onSubmit={(e) => {
          e.preventDefault();
          const year = Number(newYear);
          const existing = years.find((y) => y.year === year && y.country === 'CN');
          setOpen(existing ?? { country: 'CN', year, source: '', origin: 'edited', loadedAt: '', holidays: [], workdays: [] });
        }}
      >
        <TextField label={t('newYear')} type="number" min={2000} max={2100} value={newYear} onChange={setNewYear} />
        <button type="submit" disabled={!/^\d{4}$/.test(newYear)}>
          {t('addYear')}
        </button>
      </form>
      {open ? <YearEditor key={`${open.country}-${open.year}-${open.loadedAt}`} year={open} onSaved={saved} /> : null}
      <ImportForm onImported={saved} />
    </section>
  );
}
