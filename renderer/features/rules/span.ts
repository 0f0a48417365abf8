import type { RuleVersionDto } from '../../../preload/contract/rules';
import { useT } from '../../i18n';
import { rulesText } from './i18n';

/** "from 2026-01-01", "until 2025-12-31", "2026-01-01 – 2026-06-30", "throughout". */
export function useSpan(): (v: Pick<RuleVersionDto, 'effectiveFrom' | 'effectiveTo'>) => string {
  const t = useT(rulesText);
  return (v) =>
    v.effectiveFrom && v.effectiveTo
      ? t('between', { from: v.effectiveFrom, to: v.effectiveTo })
      : v.effectiveFrom
        ? t('since', { from: v.effectiveFrom })
        : v.effectiveTo
          ? t('until', { to: v.effectiveTo })
          : t('always');
}
