import type { BucketCounts } from '../../../preload/contract/deadlines';
import { useApp } from '../../app/store';
import { formatNumber } from '../../components/format';
import { useT } from '../../i18n';
import { dashboardText } from './i18n';

const BUCKETS: (keyof BucketCounts)[] = ['overdue', 'today', 'week', 'later'];

/** The four numbers at the top of the board. */
export function Counts({ counts }: { counts: BucketCounts | undefined }) {
  const t = useT(dashboardText);
  const language = useApp((s) => s.language);
  return (
    <dl className="board-counts" aria-label={t('countsLabel')}>
      {BUCKETS.map((b) => (
        <div key={b} className={`board-count board-count--${b}${counts && counts[b] > 0 ? ' board-count--some' : ''}`}>
          <dt>{t(b)}</dt>
          <dd>{counts ? formatNumber(counts[b], language) : '…'}</dd>
        </div>
      ))}
    </dl>
  );
}
