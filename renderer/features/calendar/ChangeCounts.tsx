import type { z } from 'zod';
import type { CalendarChangeCounts } from '../../../preload/contract/calendar';
import { useT } from '../../i18n';
import { calendarText } from './i18n';

export type ChangeCountsValue = z.infer<typeof CalendarChangeCounts>;

/** What a calendar change does to the loaded days, as main counted it (a dry run), before the DPO confirms. */
export function ChangeCounts({ change, year }: { change: ChangeCountsValue; year: number }) {
  const t = useT(calendarText);
  return (
    <>
      <p>{t('changeCounts', { year, before: change.before, after: change.after, removed: change.removed, added: change.added })}</p>
      {change.needsConfirmation ? (
        <p className="banner banner--warn" role="alert">
          {t('changeMost', { year, removed: change.removed, before: change.before })}
        </p>
      ) : null}
    </>
  );
}
