import type { Deadline } from '../../preload/contract/deadlines';
import { useLocalized, useT } from '../i18n';
import { commonText } from './i18n';
import { Pill } from './StatePill';

/** "Provisional until the 2027 schedule is loaded", as main said it. */
export function ProvisionalPill({ deadline }: { deadline: Pick<Deadline, 'provisional'> }) {
  const L = useLocalized();
  return deadline.provisional ? <Pill tone="warn">{L(deadline.provisional.message)}</Pill> : null;
}

/** Which catalogue version computed the date, and whether its source is the official text or commentary. */
export function RuleVersionLine({ deadline }: { deadline: Pick<Deadline, 'ruleVersion'> }) {
  const L = useLocalized();
  const c = useT(commonText);
  const v = deadline.ruleVersion;
  if (!v) return null;
  return <p className="muted">{c('ruleVersion', { v: L(v.label), s: c(v.sourceKind === 'official' ? 'sourceOfficial' : 'sourceCommentary') })}</p>;
}
