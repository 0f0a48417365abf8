import type { RecomputeEffects } from '../../../preload/contract/rules';
import { useApp } from '../../app/store';
import { formatInstant } from '../../components/format';
import { useLocalized, useT } from '../../i18n';
import { gradeLabel, routeLabel } from './labels';
import { rulesText } from './i18n';

/** "3 d later", "2 h earlier": a difference main computed, in words. */
function useShift() {
  const t = useT(rulesText);
  const language = useApp((s) => s.language);
  return (minutes: number | null): string => {
    if (minutes === null || minutes === 0) return '';
    const abs = Math.abs(minutes);
    const unit = new Intl.NumberFormat(language, {
      style: 'unit',
      unit: abs % 1440 === 0 ? 'day' : abs % 60 === 0 ? 'hour' : 'minute',
      unitDisplay: 'long',
    }).format(abs % 1440 === 0 ? abs / 1440 : abs % 60 === 0 ? abs / 60 : abs);
    return t(minutes > 0 ? 'shiftLater' : 'shiftEarlier', { d: unit });
  };
}

/** What a rule change, a pack or a calendar load recomputes, as main computed it. */
export function EffectsPreview({ effects, headingId }: { effects: RecomputeEffects; headingId: string }) {
  const t = useT(rulesText);
  const L = useLocalized();
  const language = useApp((s) => s.language);
  const shift = useShift();
  const nothing = effects.deadlines.length === 0 && effects.grades.length === 0 && effects.routes.length === 0;
  return (
    <section className="rules-effects" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('effectsTitle')}</h4>
      {nothing ? <p>{t('effectsNone')}</p> : null}
      {effects.deadlines.length ? (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('colRecord')}</th>
              <th scope="col">{t('colDuty')}</th>
              <th scope="col">{t('colBefore')}</th>
              <th scope="col">{t('colAfter')}</th>
              <th scope="col">{t('colShift')}</th>
            </tr>
          </thead>
          <tbody>
            {effects.deadlines.map((d) => (
              <tr key={`${d.deadlineId}-${d.key}`}>
                <th scope="row" className="mono">
                  {d.recordRef}
                </th>
                <td>{L(d.rule)}</td>
                <td>{d.beforeDueAt ? formatInstant(d.beforeDueAt, language) : '—'}</td>
                <td>{d.afterDueAt ? formatInstant(d.afterDueAt, language) : '—'}</td>
                <td>{d.change === 'moved' ? shift(d.shiftMinutes) : t(`change_${d.change}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {effects.more ? <p className="muted">{t('effectsMore', { n: effects.more })}</p> : null}
      {effects.grades.length ? (
        <>
          <h5>{t('gradesTitle')}</h5>
          <ul>
            {effects.grades.map((g) => (
              <li key={g.recordId}>
                <span className="mono">{g.ref}</span> {g.title}: {gradeLabel(g.before, language)} → {gradeLabel(g.after, language)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {effects.routes.length ? (
        <>
          <h5>{t('routesTitle')}</h5>
          <ul>
            {effects.routes.map((r) => (
              <li key={r.recordId}>
                <span className="mono">{r.ref}</span> {r.title}: {routeLabel(r.before, language)} → {routeLabel(r.after, language)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {effects.closedDeadlinesChanged ? <p className="muted">{t('effectsClosed', { n: effects.closedDeadlinesChanged })}</p> : null}
      <p className="muted">{t('effectsChecked', { n: effects.checked })}</p>
    </section>
  );
}
