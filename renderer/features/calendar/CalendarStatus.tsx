import { useState } from 'react';
import { useQuery } from '../../app/api';
import { Pill } from '../../components/StatePill';
import { useLocalized, useT } from '../../i18n';
import { calendarText } from './i18n';

/**
 * Which years are official (the State Council's schedule loaded), provisional (counted on the
 * statutory holidays of the Holiday Measures) or missing, and where to get the notice.
 */
export function CalendarStatusTable({ version, onAdd }: { version: number; onAdd(year: number): void }) {
  const t = useT(calendarText);
  const L = useLocalized();
  const status = useQuery('calendar.status', { country: 'CN' }, [version]);
  const [shown, setShown] = useState<number | null>(null);
  if (!status.data) return null;
  const tone = { official: 'ok', provisional: 'warn', missing: 'danger' } as const;
  return (
    <div className="calendar-status">
      <h3>{t('statusTitle')}</h3>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t('year')}</th>
            <th scope="col">{t('statusCol')}</th>
            <th scope="col">{t('statusWhat')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('statusActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {status.data.years.map((y) => (
            <tr key={y.year}>
              <th scope="row">{y.year}</th>
              <td>
                <Pill tone={tone[y.status]}>{t(`status_${y.status}`)}</Pill>
              </td>
              <td>
                {y.status === 'official' ? y.source : y.status === 'provisional' ? t('provisionalWhat', { n: y.provisionalDeadlines }) : t('missingWhat')}
                {y.status === 'provisional' && shown === y.year ? (
                  <ul className="calendar-status__days">
                    {y.holidays.map((d) => (
                      <li key={d.date}>
                        {d.date} {L(d.name)}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </td>
              <td>
                {y.status === 'provisional' ? (
                  <button type="button" className="link" aria-expanded={shown === y.year} onClick={() => setShown(shown === y.year ? null : y.year)}>
                    {t('showStatutory', { year: y.year })}
                  </button>
                ) : null}{' '}
                {y.status !== 'official' ? (
                  <button type="button" className="link" onClick={() => onAdd(y.year)}>
                    {t('loadYear', { year: y.year })}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        {t('whereToGet')}: {L(status.data.whereToGet)}
      </p>
      <p className="muted">
        {t('provisionalBasis')}: {L(status.data.basis)}
      </p>
    </div>
  );
}
