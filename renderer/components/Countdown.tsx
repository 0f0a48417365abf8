import { useEffect, useState } from 'react';
import { useT } from '../i18n';
import { commonText } from './i18n';

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

/** A live clock for a due instant (or, for "immediately" duties, the time since the start). */
export function Countdown({ dueAt, startAt, clock }: { dueAt: string; startAt?: string; clock?: 'due' | 'immediate' }) {
  const t = useT(commonText);
  const now = useNow(30_000);
  const span = (ms: number) => {
    const minutes = Math.floor(Math.abs(ms) / 60_000);
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    const mins = minutes % 60;
    if (days > 0) return `${t('days', { n: days })} ${t('hours', { n: hours })}`;
    if (hours > 0) return `${t('hours', { n: hours })} ${t('minutes', { n: mins })}`;
    return t('minutes', { n: mins });
  };
  if (clock === 'immediate' && startAt) {
    return <span className="countdown countdown--running">{t('runningFor', { t: span(now - Date.parse(startAt)) })}</span>;
  }
  const left = Date.parse(dueAt) - now;
  return (
    <span className={`countdown${left < 0 ? ' countdown--overdue' : ''}`}>
      {left < 0 ? t('overdueBy', { t: span(left) }) : t('dueIn', { t: span(left) })}
    </span>
  );
}
